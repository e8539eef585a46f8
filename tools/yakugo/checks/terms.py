"""The glossary term checks: term-missing, term-forbidden and abbreviation-first-use.

The Japanese terms of each msgid are found with :class:`~yakugo.termindex.TermIndex`
(leftmost-longest, so 日米物品役務相互提供協定 does not also demand 日米), the
English ones in the msgstr with :class:`~yakugo.termmatch.EnglishTerms`.

- ``term-missing``: a concept of the source has none of its accepted English
  terms in the translation, not even with its last words shared in a
  coordination (防空及びミサイル防衛 → "air and missile defense"). A concept
  found several times in a sentence needs one rendering: translators rightly
  write "it" or "the mechanism" for the second mention. When the translation
  uses a forbidden term of the concept instead, only ``term-forbidden`` is
  reported, since it already says what to write.
- ``term-forbidden``: the translation contains a forbidden term of a concept of
  the source, other than inside an accepted term of any concept ("Guideline"
  is forbidden, "Guidelines" and "National Defense Program Guidelines" are
  not). Forbidden terms of concepts absent from the source are not reported: a
  word forbidden for one concept is often right in another sentence.
- ``abbreviation-first-use``: in each PO file, the first entry of running text
  (body or footnote; headings and captions are skipped) whose source has an
  acronym concept must write "Full Form (ABBR)" when the translation uses the
  acronym there or anywhere later in the file. A first use that spells the
  concept out and never needs the acronym again is fine ("U.S. Navy" without
  "(USN)"); a first use with no rendering at all is term-missing's business.

Entries without a translation produce no term findings. A footnote marker
glued to a term in the translation ("ACSA2", "Ospreys8") does not hide the term:
digits equal to a marker recorded for the entry are read as a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..document import BODY, FOOTNOTE
from ..glossary.model import Concept, Glossary
from ..termindex import TermIndex, TermMatch
from ..termmatch import AbbreviationSearch, EnglishTerms, NormalText, Occurrence
from .model import Entry, Problem

RUNNING_TEXT = (BODY, FOOTNOTE)
_GLUED_TO = re.compile(r"[^\W\d_]|[).]")   # what a footnote marker is glued to: a letter, ")" or "."
_DIGIT = re.compile(r"\d")


def target_text(entry: Entry) -> NormalText:
    """The translation ready for matching, with glued footnote markers blanked (offsets kept)."""
    target = entry.target
    if entry.markers:
        target = _blank_glued_markers(target, {str(number) for number in entry.markers})
    return NormalText(target)


def _blank_glued_markers(text: str, markers: set[str]) -> str:
    """``text`` with spaces for each whole number equal to a marker right after a letter, ")" or "."."""
    blanks = []
    for marker in markers:
        at = text.find(marker)
        while at != -1:
            end = at + len(marker)
            if at and _GLUED_TO.match(text, at - 1) and not _DIGIT.match(text, end):
                blanks.append((at, end))
            at = text.find(marker, at + 1)
    for start, end in blanks:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


class TermChecker:
    """The term checks of one glossary: build it once, then check every entry of the run."""

    def __init__(self, glossary: Glossary):
        self.language = glossary.target_language
        self.source_terms = TermIndex(glossary, glossary.source_language)
        self.target_terms = EnglishTerms(glossary, glossary.target_language)
        # source sentence -> its acronym concepts, noted by check() so that first_use() need not find them again
        self._acronyms: dict[str, tuple[TermMatch, ...]] = {}

    def check(self, entry: Entry) -> Iterator[Problem]:
        """term-missing and term-forbidden for one entry."""
        if not entry.target:
            return
        found = _first_per_concept(self.source_terms.find(entry.source))
        self._acronyms[entry.source] = self._acronyms_among(found)
        if not found:
            return
        text = target_text(entry)
        for match in found:
            forbidden = self._forbidden_uses(match.concept, text, found)
            for occurrence in forbidden:
                yield self._forbidden(match, occurrence, text)
            if not forbidden and not self.target_terms.occurs(match.concept, text) \
                    and not self.target_terms.elided(match.concept, text) and match.concept.accepted(self.language):
                yield self._missing(match)

    def _forbidden_uses(self, concept: Concept, text: NormalText, found: list[TermMatch]) -> list[Occurrence]:
        """The forbidden terms of ``concept`` in ``text`` that are not part of an accepted term of any concept."""
        # The concept's own accepted terms first, then those of the other concepts of the sentence: they settle
        # the usual cases ("Guidelines" is a forbidden plural of "Guideline" and the accepted name) without the
        # automaton of the whole glossary.
        forbidden = self.target_terms.forbidden(concept, text)
        if forbidden:
            forbidden = _outside(forbidden, self.target_terms.accepted(concept, text))
        if forbidden:
            forbidden = _outside(forbidden, [occurrence for match in found if match.concept is not concept
                                             for occurrence in self.target_terms.accepted(match.concept, text)])
        if forbidden:
            forbidden = _outside(forbidden, self.target_terms.find(text))
        return forbidden

    def first_use(self, entries: Iterable[Entry]) -> Iterator[tuple[Entry, Problem]]:
        """abbreviation-first-use over the entries of a run, given in document order, per PO file."""
        seen: dict[str, set[str]] = {}                 # path -> acronym concepts already used
        waiting: dict[str, dict[str, tuple[Entry, TermMatch, tuple[int, int]]]] = {}   # path -> spelled out only
        searches: dict[str, AbbreviationSearch] = {}   # path -> the acronyms of its waiting concepts
        for entry in entries:
            pending = waiting.setdefault(entry.path, {})
            text = None
            if entry.target and pending:
                search = searches.get(entry.path)
                if search is None:
                    search = searches[entry.path] = self.target_terms.abbreviations(
                        match.concept for _, match, _ in pending.values())
                if search.may_occur(entry.target):
                    text = target_text(entry)
                    for occurrence in search.find(text):
                        first = pending.pop(occurrence.concept.id, None)
                        if first is not None:
                            searches.pop(entry.path, None)
                            first_entry, first_match, spelled_out = first
                            yield first_entry, self._introduce_later(first_match, spelled_out,
                                                                     occurrence.term.text, entry.line)
            if entry.roles and not any(role in RUNNING_TEXT for role in entry.roles):
                continue
            used = seen.setdefault(entry.path, set())
            acronyms = self._acronyms.pop(entry.source, None)
            if acronyms is None:
                acronyms = self._acronyms_among(_first_per_concept(self.source_terms.find(entry.source)))
            for match in acronyms:
                concept = match.concept
                if concept.id in used:
                    continue
                used.add(concept.id)
                if not entry.target:
                    continue
                if text is None:
                    text = target_text(entry)
                if self.target_terms.introduced(concept, text):
                    continue
                occurrences = self.target_terms.accepted(concept, text)
                acronym = next((o for o in occurrences if o.term.case_sensitive), None)
                if acronym is not None:
                    yield entry, self._spell_out(match, acronym, text)
                elif occurrences:
                    pending[concept.id] = (entry, match, text.span(occurrences[0].start, occurrences[0].end))
                    searches.pop(entry.path, None)

    def _acronyms_among(self, matches: list[TermMatch]) -> tuple[TermMatch, ...]:
        return tuple([match for match in matches if self.target_terms.is_acronym_concept(match.concept)])

    def _missing(self, match: TermMatch) -> Problem:
        rendering, others = _suggestions(match.concept, self.language)
        alternatives = f" (or {', '.join(_quoted(others))})" if others else ""
        return Problem("term-missing", f'"{match.surface}" should be translated as "{rendering}"{alternatives}',
                       source_span=(match.start, match.end), **self._term_fields(match))

    def _forbidden(self, match: TermMatch, occurrence: Occurrence, text: NormalText) -> Problem:
        start, end = text.span(occurrence.start, occurrence.end)
        rendering, _ = _suggestions(match.concept, self.language)
        advice = f'; use "{rendering}"' if rendering else ""
        return Problem("term-forbidden", f'"{text.original[start:end]}" is not allowed for {match.surface}{advice}',
                       source_span=(match.start, match.end), target_span=(start, end), **self._term_fields(match))

    def _spell_out(self, match: TermMatch, acronym: Occurrence, text: NormalText) -> Problem:
        abbreviation = acronym.term.text
        return Problem("abbreviation-first-use",
                       f'first use of {match.surface}: spell out "{abbreviation}" as '
                       f'"{_full_form(match.concept, self.language)} ({abbreviation})"',
                       source_span=(match.start, match.end), target_span=text.span(acronym.start, acronym.end),
                       **self._term_fields(match))

    def _introduce_later(self, match: TermMatch, spelled_out: tuple[int, int], abbreviation: str,
                         line: int) -> Problem:
        return Problem("abbreviation-first-use",
                       f'first use of {match.surface}: introduce "{abbreviation}" (used at line {line}) as '
                       f'"{_full_form(match.concept, self.language)} ({abbreviation})"',
                       source_span=(match.start, match.end), target_span=spelled_out,
                       **self._term_fields(match))

    def _term_fields(self, match: TermMatch) -> dict:
        return {"concept": match.concept.id, "term": match.surface,
                "renderings": tuple(t.text for t in match.concept.accepted(self.language))}


def _first_per_concept(matches: list[TermMatch]) -> list[TermMatch]:
    first: dict[str, TermMatch] = {}
    for match in matches:
        first.setdefault(match.concept.id, match)
    return list(first.values())


def _outside(occurrences: list[Occurrence], others: list[Occurrence]) -> list[Occurrence]:
    """The ``occurrences`` that no occurrence of ``others`` contains."""
    return [o for o in occurrences if not any(other.start <= o.start and o.end <= other.end for other in others)]


def _suggestions(concept: Concept, language: str) -> tuple[str, list[str]]:
    """The rendering to propose ("Full Form (ABBR)") and the other accepted terms; superseded ones are not proposed."""
    preferred = concept.preferred(language)
    others = [t.text for t in concept.accepted(language) if t.status != "superseded" and t is not preferred]
    rendering = concept.rendering(language)
    if not rendering and others:
        rendering, others = others[0], others[1:]
    return rendering, others


def _full_form(concept: Concept, language: str) -> str:
    """The accepted full form to spell an acronym out with, the preferred term first."""
    terms = sorted(concept.accepted(language), key=lambda t: t.status != "preferred")
    return next(t.text for t in terms if not t.case_sensitive)


def _quoted(texts: list[str]) -> list[str]:
    return [f'"{text}"' for text in texts]
