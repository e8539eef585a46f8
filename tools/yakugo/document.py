"""A source document as segments and gaps: block roles, footnotes and footnote markers.

``read_document`` turns a source text into a ``Document`` whose pieces, joined,
give back the text exactly; the segments among them are what translators
translate. Paragraphs are lines. Each segment knows its line, its block role
and the footnote markers glued to its text (…協定2(ACSA…, …としている3).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from .errors import YakugoError
from .segment import is_japanese, split_sentences

HEADING, BODY, CAPTION, FIGURE, CROSS_REFERENCE, FOOTNOTE = (
    "heading", "body", "caption", "figure", "cross-reference", "footnote")
ROLES = (HEADING, BODY, CAPTION, FIGURE, CROSS_REFERENCE, FOOTNOTE)

_PART_HEADING = re.compile(r"^第[0-9０-９IVXⅠ-Ⅻ一二三四五六七八九十]+[部章節]")
_NUMBERED_HEADING = re.compile(r"^[0-9０-９]{1,2}[ \u3000]+\S")
_PAREN_HEADING = re.compile(r"^[(（][0-9０-９]{1,2}[)）]")
_CROSS_REFERENCE = re.compile(r"^参照")
# Lines that continue a 参照 block: 図表II-4-2-5(…), 資料43(…), 3章3節4項(…), III部2章…
_REFERENCE_TARGET = re.compile(r"^(図表|資料|[0-9０-９]+章|[IVXⅠ-Ⅻ]+部)")
_FIGURE = re.compile(r"^図表")
_FOOTNOTE = re.compile(r"^([0-9０-９]{1,3})[ \u3000]+(?=\S)")
# A footnote marker follows Japanese text or a closing bracket, and is followed by
# the end, a bracket, punctuation or a particle; never by a counter (年, 月, 回, つ…).
_MARKER_BEFORE = set("」』)）】〕")
_MARKER_AFTER = set("(（「」『』【〔、。をがはのとにでもやへ")
# A whole digit run, not zero-padded (06(平成18)年 is a year), followed by the end or by _MARKER_AFTER.
# A footnote number has at most three digits (a longer run is a quantity, and int() of thousands of digits fails).
_MARKER_CANDIDATE = re.compile(
    "(?<![0-9０-９])[1-9１-９][0-9０-９]{0,2}(?=[" + re.escape("".join(sorted(_MARKER_AFTER))) + r"]|\Z)")
_TERMINATOR = re.compile("[。！？]")
_LONG_UNTERMINATED = 80  # characters; a longer line without 。 is body text, not a caption


@dataclass(frozen=True)
class FootnoteMarker:
    """A footnote number glued to the text at ``offset`` within its segment."""

    number: int
    offset: int
    width: int

    def context(self, text: str, chars: int = 6) -> str:
        """The text just before the marker, to point translators at it."""
        return text[max(0, self.offset - chars):self.offset]


@dataclass(frozen=True)
class Segment:
    """One translatable unit: a sentence, or a whole paragraph without a terminator."""

    text: str
    line: int
    role: str
    paragraph: int
    footnote: int | None = None          # the note number, for role == "footnote"
    markers: tuple[FootnoteMarker, ...] = ()


@dataclass
class Document:
    """A source text as an ordered list of pieces: ``Segment`` objects and gap strings."""

    path: Path
    encoding: str
    pieces: list[Segment | str] = field(default_factory=list)

    @property
    def segments(self) -> list[Segment]:
        return [p for p in self.pieces if isinstance(p, Segment)]

    def text(self) -> str:
        """The source text rebuilt from segments and gaps: equal to what was read."""
        return "".join(p.text if isinstance(p, Segment) else p for p in self.pieces)

    def add(self, piece: Segment | str) -> None:
        """Append a segment or a gap; adjacent gaps are joined so gaps stay maximal."""
        if isinstance(piece, str) and self.pieces and isinstance(self.pieces[-1], str):
            self.pieces[-1] += piece
        elif piece:
            self.pieces.append(piece)


@dataclass
class _Paragraph:
    index: int
    line: int
    text: str           # the line without its line break
    ending: str         # "\n", "\r\n" or "" for the last line
    role: str = BODY
    footnote: int | None = None
    label: str = ""     # a footnote's leading "2 ", kept out of the segment


# Characters no XML output can hold (tab, line feed and carriage return are text), in a sentence.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def decode_source(data: bytes, path: Path | str, encoding: str = "utf-8") -> str:
    """Decode a source file; a UTF-8 BOM is kept as a character so the text stays lossless."""
    try:
        b"\0\0\0\0".decode(encoding)  # (empty bytes would not even look the codec up)
    except LookupError:   # also for codecs that are not text encodings, like rot13 and base64
        raise YakugoError(f"unknown encoding {encoding!r}; use a text encoding like utf-8 or shift_jis",
                          path) from None
    except UnicodeDecodeError:
        pass              # a text encoding in which these bytes are not text
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YakugoError(
            f"cannot decode as {encoding} at byte offset {exc.start} "
            f"({data[exc.start:exc.start + 4]!r}); convert the file to UTF-8 or pass --encoding",
            path, line) from None
    return text


def read_document(path: Path | str, encoding: str = "utf-8") -> Document:
    """Read and structure one source file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YakugoError(f"cannot read: {exc.strerror}", path) from None
    document = parse_document(decode_source(data, path, encoding), path, encoding)
    # Checked in the sentences, not the file: a form feed between lines (a page break) is whitespace.
    for segment in document.segments:
        control = _CONTROL.search(segment.text)
        if control:
            raise YakugoError(f"control character U+{ord(control.group()):04X} in the text; remove it "
                              "(XML exports, XLIFF and TMX cannot carry it)", path, segment.line)
    return document


def parse_document(text: str, path: Path | str = "<text>", encoding: str = "utf-8") -> Document:
    """Structure a decoded source text. Lossless: ``parse_document(t).text() == t``."""
    document = Document(Path(path), encoding)
    if text.startswith("\ufeff"):
        document.add("\ufeff")
        text = text[1:]
    paragraphs = _paragraphs(text)
    _assign_roles(paragraphs)
    markers = _find_markers(paragraphs)
    for para in paragraphs:
        _add_paragraph(document, para, markers.get(para.index, []))
    return document


def _paragraphs(text: str) -> list[_Paragraph]:
    paragraphs = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        ending = "\n" if number < len(lines) else ""
        if line.endswith("\r"):
            line, ending = line[:-1], "\r" + ending
        paragraphs.append(_Paragraph(len(paragraphs), number, line, ending))
    return paragraphs


def _assign_roles(paragraphs: list[_Paragraph]) -> None:
    content = [p for p in paragraphs if p.text.strip(" \t\u3000")]
    footnotes = _footnote_block(content)
    in_reference_block = False
    previous_blank = True
    for position, para in enumerate(paragraphs):
        stripped = para.text.strip(" \t\u3000")
        if not stripped:
            in_reference_block = False
            previous_blank = True
            continue
        if para.index in footnotes:
            para.role, para.footnote, para.label = FOOTNOTE, *footnotes[para.index]
        elif _TERMINATOR.search(stripped) or len(stripped) > _LONG_UNTERMINATED:
            para.role = BODY
        elif _CROSS_REFERENCE.match(stripped) or (
                in_reference_block and not previous_blank and _REFERENCE_TARGET.match(stripped)):
            para.role = CROSS_REFERENCE
        elif _FIGURE.match(stripped):
            para.role = FIGURE
        elif (_PART_HEADING.match(stripped) or _NUMBERED_HEADING.match(stripped)
              or _PAREN_HEADING.match(stripped) or para is content[0]):
            para.role = HEADING
        else:
            para.role = CAPTION
        in_reference_block = para.role == CROSS_REFERENCE
        previous_blank = False


def _footnote_block(content: list[_Paragraph]) -> dict[int, tuple[int, str]]:
    """The trailing run of numbered paragraphs with rising numbers: index -> (number, label)."""
    block: dict[int, tuple[int, str]] = {}
    following = None
    for para in reversed(content):
        match = _FOOTNOTE.match(para.text.lstrip(" \t\u3000"))
        if not match or para is content[0]:
            break
        number = int(match.group(1))
        if following is not None and number >= following:
            break
        lead = len(para.text) - len(para.text.lstrip(" \t\u3000"))
        block[para.index] = (number, para.text[:lead + match.end()])
        following = number
    return block


def _find_markers(paragraphs: list[_Paragraph]) -> dict[int, list[tuple[int, int, int]]]:
    """Footnote markers in the text outside the footnotes: paragraph index -> [(number, offset, width)].

    Footnotes are numbered in order of first use, so marker n is looked for
    after marker n-1: a 4 in 計4回 or 平成24年 is never taken for footnote 4.
    The places that could hold a marker are listed once, by number, so a
    footnote whose marker is missing costs a lookup, not a scan of the rest
    of the text.
    """
    numbers = sorted(p.footnote for p in paragraphs if p.footnote is not None)
    found: dict[int, list[tuple[int, int, int]]] = {}
    if not numbers:
        return found
    text_paragraphs = [p for p in paragraphs if p.role != FOOTNOTE]
    wanted = set(numbers)
    places: dict[int, list[tuple[int, int, int]]] = {}  # number -> [(k, offset, width)], in text order
    for k, para in enumerate(text_paragraphs):
        text = para.text
        for match in _MARKER_CANDIDATE.finditer(text):
            number = int(match.group())
            before = text[match.start() - 1] if match.start() else ""
            if number in wanted and (before in _MARKER_BEFORE or _is_word_char(before)):
                places.setdefault(number, []).append((k, match.start(), match.end() - match.start()))
    cursor = (0, 0)  # (position in text_paragraphs, offset)
    for number in numbers:
        candidates = places.get(number, [])
        at = bisect_left(candidates, cursor)
        if at < len(candidates):
            k, offset, width = candidates[at]
            found.setdefault(text_paragraphs[k].index, []).append((number, offset, width))
            cursor = (k, offset + width)
    return found


def _is_word_char(char: str) -> bool:
    """Kana or kanji: a marker glued to a word. CJK punctuation such as 、 never precedes one."""
    return bool(char) and is_japanese(char) and (not "\u3000" <= char <= "\u303f" or char in "々〆〇")


def _add_paragraph(document: Document, para: _Paragraph, markers: list[tuple[int, int, int]]) -> None:
    document.add(para.label)
    body = para.text[len(para.label):]
    offset_base = len(para.label)
    for piece in split_sentences(body) if body else []:
        if not piece.is_sentence:
            document.add(piece.text)
            continue
        start = offset_base + piece.start
        inside = tuple(
            FootnoteMarker(number, offset - start, width)
            for number, offset, width in markers
            if start <= offset < start + len(piece.text))
        document.add(Segment(piece.text, para.line, para.role, para.index, para.footnote, inside))
    document.add(para.ending)
