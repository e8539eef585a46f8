"""The aligned model every bilingual export is written from: source sentences beside their translations.

``align`` reads the source that a PO file's references name and walks it in
document order, so a sentence that occurs twice gives two rows, each with its
line, block role, paragraph and footnote number. Each row carries the PO
entry's translation and status, the glossary terms found on both sides (as
highlights, with the approved rendering to show on hover) and the checker's
findings for that entry when they are given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import pairwise
from pathlib import Path
from typing import Any

import polib

from ..catalog import HINT_PREFIX, term_hint
from ..document import _NUMBERED_HEADING, _PAREN_HEADING, HEADING, read_document
from ..errors import YakugoError
from ..glossary.model import Concept, Glossary
from ..stats import catalog_stats
from ..termindex import TermIndex

TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"
TERM = "term"
# Zip archives cannot hold earlier dates; used when no PO header date can be read.
EARLIEST_ZIP_TIME = datetime(1980, 1, 1, tzinfo=timezone.utc)

# Characters that XML 1.0 (HTML as built by lxml, DOCX, XLSX) cannot hold.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

TargetTermFinder = Callable[[str], list[tuple[int, int, str]]]


@dataclass(frozen=True)
class Highlight:
    """A span of a sentence to mark: a glossary term (``kind`` "term") or a finding (its severity)."""

    start: int
    end: int
    kind: str
    label: str                 # shown on hover: the approved rendering, or the finding's message
    concept: str | None = None


@dataclass(frozen=True)
class Row:
    """One occurrence of a source sentence, with its translation."""

    catalog: str               # the PO file, as shown to the user
    source_file: str           # the source file, as written in the PO references
    line: int
    role: str
    paragraph: int             # source paragraph index (the line, counted from 0)
    sentence: int              # position of the sentence within its paragraph, from 0
    footnote: int | None
    heading_level: int         # 1 to 3 for headings, 0 otherwise
    source: str
    target: str                # the msgstr, '' when untranslated
    status: str
    entry_line: int            # the entry's line in the PO file
    source_highlights: tuple[Highlight, ...] = ()
    target_highlights: tuple[Highlight, ...] = ()
    terms: tuple[str, ...] = ()          # "同盟調整メカニズム → Alliance Coordination Mechanism (ACM)", like PO hints
    findings: tuple[Any, ...] = ()       # checker findings: .check, .severity, .message, .source_span, .target_span

    @property
    def position(self) -> str:
        return f"{self.source_file}:{self.line}"


@dataclass(frozen=True)
class AlignedDocument:
    """The rows of one PO file, in the order of its source document."""

    catalog: str
    source_file: str
    language: str
    rows: tuple[Row, ...]
    translated: int            # PO entries, counted like ``yakugo stats``
    fuzzy: int
    untranslated: int
    revised: datetime          # the PO header's revision date: the timestamp of outputs that need one

    @property
    def stem(self) -> str:
        return Path(self.catalog).stem

    def percent(self, include_fuzzy: bool = False) -> float:
        """Entries whose translation is used, in percent (fuzzy ones only with ``include_fuzzy``)."""
        total = self.translated + self.fuzzy + self.untranslated
        used = self.translated + (self.fuzzy if include_fuzzy else 0)
        return 100.0 * used / total if total else 100.0


def align(catalog: polib.POFile, shown: str, root: Path, *, language: str, glossary: Glossary | None = None,
          source_encoding: str = "utf-8", findings: Mapping[tuple[str, str], list] | None = None,
          find_target_terms: TargetTermFinder | None = None) -> AlignedDocument:
    """The rows of ``catalog`` (shown to users as ``shown``) in the order of the source it refers to.

    The source is found through the entries' ``#:`` references, relative to
    ``root``. ``findings`` are keyed by (PO path as shown, msgid).
    ``find_target_terms`` returns (start, end, concept id) for the glossary
    terms of a translation; without it, the accepted renderings of the
    concepts found in the source are looked for in the translation.
    """
    entries = {e.msgid: e for e in catalog if not e.obsolete and e.msgctxt is None and e.msgid}
    source_file = _source_file(catalog, shown)
    document = read_document(root / source_file, source_encoding)
    terms = _TermMarker(glossary, language, find_target_terms)
    rows = []
    previous_paragraph, sentence = None, 0
    for segment in document.segments:
        sentence = sentence + 1 if segment.paragraph == previous_paragraph else 0
        previous_paragraph = segment.paragraph
        entry = entries.get(segment.text)
        if entry is None:
            raise YakugoError(f"the sentence at {source_file}:{segment.line} is not in this PO file; "
                              "run 'yakugo update' to bring it up to date with the source", shown)
        entry_findings = tuple((findings or {}).get((shown, entry.msgid), ()))
        target = entry.msgstr
        source_marks, target_marks, hints = terms.mark(entry.msgid, target)
        rows.append(Row(
            catalog=shown, source_file=source_file, line=segment.line, role=segment.role,
            paragraph=segment.paragraph, sentence=sentence, footnote=segment.footnote,
            heading_level=heading_level(segment.text) if segment.role == HEADING else 0,
            source=entry.msgid, target=target, status=status(entry), entry_line=entry.linenum,
            source_highlights=source_marks + _finding_highlights(entry_findings, "source_span"),
            target_highlights=target_marks + _finding_highlights(entry_findings, "target_span"),
            terms=hints, findings=entry_findings))
    counts = catalog_stats(catalog, shown)
    return AlignedDocument(shown, source_file, language, tuple(rows), counts.translated, counts.fuzzy,
                           counts.untranslated, revision_time(catalog))


def reject_characters(documents: Sequence[AlignedDocument], pattern: re.Pattern, output: str) -> None:
    """Refuse, at the PO entry, a sentence or translation holding a character ``output`` cannot store."""
    for document in documents:
        for row in document.rows:
            for side, text in (("source text", row.source), ("translation", row.target)):
                found = pattern.search(text)
                if found:
                    raise YakugoError(f"the {side} holds the control character U+{ord(found.group()):04X}, "
                                      f"which {output} cannot store; remove it", row.catalog, row.entry_line)


def status(entry: polib.POEntry) -> str:
    """translated, fuzzy or untranslated, the way ``msgfmt --statistics`` counts (fuzzy and empty is untranslated)."""
    if not entry.msgstr:
        return UNTRANSLATED
    return FUZZY if "fuzzy" in entry.flags else TRANSLATED


def heading_level(text: str) -> int:
    """1 for a part heading (第II部…) or an unnumbered one, 2 for a numbered one (3 …), 3 for (1)…."""
    if _PAREN_HEADING.match(text):
        return 3
    if _NUMBERED_HEADING.match(text):
        return 2
    return 1


def revision_time(catalog: polib.POFile) -> datetime:
    """The PO-Revision-Date (or POT-Creation-Date) of the header; the zip epoch when neither is a date."""
    for field in ("PO-Revision-Date", "POT-Creation-Date"):
        try:
            moment = datetime.strptime(catalog.metadata.get(field, ""), "%Y-%m-%d %H:%M%z")
        except ValueError:
            continue
        return max(moment.astimezone(timezone.utc), EARLIEST_ZIP_TIME)
    return EARLIEST_ZIP_TIME


def latest_revision(documents: Sequence[AlignedDocument]) -> datetime:
    return max((d.revised for d in documents), default=EARLIEST_ZIP_TIME)


def runs(text: str, highlights: Sequence[Highlight]) -> list[tuple[str, tuple[Highlight, ...]]]:
    """``text`` cut where highlights start and end: (piece, the highlights covering it), in order.

    Overlapping highlights are allowed; the pieces always join back to ``text``.
    """
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    return [(text[a:b], tuple(h for h in spans if h.start <= a and b <= h.end)) for a, b in pairwise(cuts)]


def _source_file(catalog: polib.POFile, shown: str) -> str:
    files = list(dict.fromkeys(path for e in catalog if not e.obsolete for path, _line in e.occurrences))
    if len(files) != 1:
        found = ", ".join(files) if files else "none"
        raise YakugoError(f"exports follow one source document per PO file, and the references name "
                          f"{len(files)} ({found})", shown)
    return files[0]


def _finding_highlights(findings: Sequence[Any], side: str) -> tuple[Highlight, ...]:
    return tuple(Highlight(*getattr(f, side), f.severity, f"{f.check}: {f.message}")
                 for f in findings if getattr(f, side, None))


class _TermMarker:
    """Glossary terms of one sentence pair, as highlights and as hint lines."""

    def __init__(self, glossary: Glossary | None, language: str, find_target_terms: TargetTermFinder | None):
        self._index = TermIndex(glossary, glossary.source_language) if glossary is not None else None
        self._concepts = glossary.by_id() if glossary is not None else {}
        self._language = language
        self._find_target_terms = find_target_terms
        self._patterns: dict[str, re.Pattern | None] = {}

    def mark(self, source: str, target: str) -> tuple[tuple[Highlight, ...], tuple[Highlight, ...],
                                                      tuple[str, ...]]:
        """Highlights of the source and the target, and the hint lines of the source's terms."""
        if self._index is None:
            return (), (), ()
        matches = self._index.find(source)
        source_marks = tuple(Highlight(m.start, m.end, TERM, self._rendering(m.concept), m.concept.id)
                             for m in matches)
        hints = tuple(dict.fromkeys(term_hint(m.surface, m.concept, self._language)[len(HINT_PREFIX):]
                                    for m in matches))
        if self._find_target_terms is not None:
            found = self._find_target_terms(target)
        else:
            found = self._renderings_in(target, {m.concept.id: m.concept for m in matches}.values())
        target_marks = tuple(Highlight(start, end, TERM, self._rendering(self._concepts.get(concept)), concept)
                             for start, end, concept in found)
        return source_marks, target_marks, hints

    def _rendering(self, concept: Concept | None) -> str:
        return (concept.rendering(self._language) if concept else "") or "(no approved rendering yet)"

    def _renderings_in(self, target: str, concepts) -> list[tuple[int, int, str]]:
        """Where ``target`` uses an accepted rendering of one of ``concepts``: whole words, any case."""
        found: list[tuple[int, int, str]] = []
        for concept in concepts:
            pattern = self._pattern(concept)
            if pattern is not None:
                found.extend((m.start(), m.end(), concept.id) for m in pattern.finditer(target))
        found.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int, str]] = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept

    def _pattern(self, concept: Concept) -> re.Pattern | None:
        if concept.id not in self._patterns:
            texts = sorted({t.text for t in concept.accepted(self._language) if t.text}, key=len, reverse=True)
            self._patterns[concept.id] = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, texts)) + r")(?!\w)", re.IGNORECASE) if texts else None
        return self._patterns[concept.id]
