"""The English document rebuilt from a PO file in the structure of its source, as plain text or Markdown.

Each source paragraph (a line) becomes one English paragraph: its sentences
joined with one space, where the Japanese joins them with nothing. Headings,
captions, figure titles and cross references stay lines of their own;
footnotes keep their number in front. Footnote markers are not rewritten: the
translation carries its own marker digits where the translator placed them.

A sentence without a usable translation falls back to the Japanese and is
counted. Like po4a, the document is refused below a threshold of translated
entries (default 80%).

Plain text keeps the source's line layout, blank lines included. Markdown
writes headings as ``#``/``##``/``###`` (part or unnumbered, numbered,
``(n)``), every other paragraph as a paragraph, and the notes, after a rule,
as paragraphs that start with their number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from ..document import FOOTNOTE
from ..errors import YakugoError
from .aligned import FUZZY, TRANSLATED, AlignedDocument, Row

DEFAULT_THRESHOLD = 80.0

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<])|&(?=#?\w+;)")
_MARKDOWN_BLOCK_START = re.compile(r"^(?:[#>+-]|\d+[.)])")


@dataclass(frozen=True)
class EnglishDocument:
    """The rebuilt text, and how many of its sentences were left in Japanese."""

    text: str
    sentences: int
    fallbacks: int


def check_threshold(document: AlignedDocument, threshold: float, include_fuzzy: bool = False) -> None:
    """Refuse a document whose PO file is less than ``threshold`` percent translated."""
    percent = document.percent(include_fuzzy)
    if percent < threshold:
        counted = "translated or fuzzy" if include_fuzzy else "translated"
        raise YakugoError(f"only {percent:.1f}% of the entries are {counted}, below the {threshold:g}% "
                          "threshold for the English document; translate more or lower --threshold",
                          document.catalog)


def english_text(document: AlignedDocument, *, include_fuzzy: bool = False,
                 threshold: float = DEFAULT_THRESHOLD) -> EnglishDocument:
    """The English document as plain text, line for line like the source."""
    check_threshold(document, threshold, include_fuzzy)
    lines: list[str] = []
    previous_line = None
    fallbacks = 0
    for line, rows in _paragraphs(document):
        text, left = _paragraph_text(rows, include_fuzzy)
        fallbacks += left
        if previous_line is not None:
            lines.extend([""] * (line - previous_line - 1))
        lines.append(_note_number(rows[0]) + text)
        previous_line = line
    return EnglishDocument("\n".join(lines) + "\n", len(document.rows), fallbacks)


def english_markdown(document: AlignedDocument, *, include_fuzzy: bool = False,
                     threshold: float = DEFAULT_THRESHOLD) -> EnglishDocument:
    """The English document as Markdown: headings, paragraphs, then the notes after a rule."""
    check_threshold(document, threshold, include_fuzzy)
    blocks: list[str] = []
    fallbacks = 0
    in_notes = False
    for _line, rows in _paragraphs(document):
        text, left = _paragraph_text(rows, include_fuzzy)
        fallbacks += left
        first = rows[0]
        if first.heading_level:
            blocks.append("#" * first.heading_level + " " + markdown_escape(text))
            continue
        if first.role == FOOTNOTE and not in_notes:
            blocks.append("---")
            in_notes = True
        blocks.append(_note_number(first) + markdown_escape(text))
    return EnglishDocument("\n\n".join(blocks) + "\n", len(document.rows), fallbacks)


def markdown_escape(text: str) -> str:
    """``text`` as Markdown that renders as that text: inline syntax and block-starting marks escaped."""
    text = _MARKDOWN_INLINE.sub(lambda m: "\\" + m.group(), text)
    match = _MARKDOWN_BLOCK_START.match(text)
    if match:
        at = match.end() - 1
        text = text[:at] + "\\" + text[at:]
    return text


def _paragraphs(document: AlignedDocument):
    """(source line, rows of that paragraph), in document order."""
    for _paragraph, group in groupby(document.rows, key=lambda row: row.paragraph):
        rows = list(group)
        yield rows[0].line, rows


def _paragraph_text(rows: list[Row], include_fuzzy: bool) -> tuple[str, int]:
    """The paragraph's sentences joined, and how many fell back to the Japanese."""
    used = {TRANSLATED, FUZZY} if include_fuzzy else {TRANSLATED}
    text = ""
    fallbacks = 0
    previous_fell_back = False
    for number, row in enumerate(rows):
        fell_back = row.status not in used
        # A paragraph is one line: a line break typed into a translation would split it.
        sentence = row.source if fell_back else _LINE_BREAKS.sub(" ", row.target.strip())
        joiner = "" if number == 0 or (fell_back and previous_fell_back) else " "
        text += joiner + sentence
        fallbacks += fell_back
        previous_fell_back = fell_back
    return text, fallbacks


def _note_number(row: Row) -> str:
    return f"{row.footnote} " if row.footnote is not None else ""
