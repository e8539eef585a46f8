"""Check a glossary for the mistakes that would make term checking wrong or TBX invalid.

Each rule has a kebab-case id (like the checker's ids) and a severity. Errors
are things the checker cannot work around (a Japanese term that points at two
concepts, a forbidden term that is also accepted); warnings are likely
mistakes that still leave the glossary usable. Problems come out in glossary
order, concept by concept, so the same glossary always gives the same list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from unicodedata import normalize

from ..gcpause import gc_paused
from .model import ACCEPTED, PARTS_OF_SPEECH, STATUSES, TERM_TYPES, Concept, Glossary, Term


@dataclass(frozen=True)
class Problem:
    """One finding about the glossary, printed like a linter line by ``str()``."""

    severity: str   # "error" or "warning"
    location: str   # "glossary/glossary.tbx: concept c042" or "...: concept c042, term '防衛' (ja)"
    message: str
    check: str      # rule id, e.g. "duplicate-source-term"

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message} [{self.check}]"


# XML 1.0 (5th edition) Name characters without ":": what TBX's xsd:ID ids must be.
_NAME_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
               "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
               "\U00010000-\U000effff")
_NCNAME = re.compile(f"[{_NAME_START}][{_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
# xsd:language, which TBX uses for xml:lang.
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_INNER_SPACE = re.compile(r"\s\s|[\t\n\r\v\f\x85\u2028\u2029]")  # any of these needs a closer look
_LINE_BREAK_OR_TAB = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]")


def validate_glossary(glossary: Glossary, path: str | Path) -> list[Problem]:
    """Every problem found in ``glossary``; ``path`` is only used to name locations."""
    # One small tuple per term: with cyclic GC running this doubles the time on 100k concepts.
    with gc_paused():
        return _Validator(glossary, str(path)).run()


# A term as the duplicate rules remember it: (position of its concept, term).
# Plain tuples, because on a 100k-concept glossary allocation is the main cost.
_Seen = tuple[int, Term]


def _form(text: str) -> str:
    """The written form two terms are compared by: NFKC, whitespace collapsed."""
    return " ".join(normalize("NFKC", text).split())


def _same(a: Term, b: Term) -> bool:
    """Terms whose folded forms match are the same, unless an acronym's case differs."""
    return (not a.case_sensitive and not b.case_sensitive) or _form(a.text) == _form(b.text)


def _find_same(earlier: list[_Seen], entry: _Seen, other_concept: bool = True) -> _Seen | None:
    index, term = entry
    for other in earlier:
        if (not other_concept or other[0] != index) and _same(other[1], term):
            return other
    return None


class _Forms:
    """Terms by folded form. Nearly every form names one term, so only the rare extras get a list.

    The hot loop calls ``first.setdefault(key, entry)`` itself, one dict operation per term, and
    :meth:`add` only when another term had the form already.
    """

    def __init__(self):
        self.first: dict[str, _Seen] = {}
        self.more: dict[str, list[_Seen]] = {}

    def add(self, key: str, entry: _Seen) -> list[_Seen]:
        """Add ``entry`` (a second try is harmless); return the terms that had this key before it."""
        first = self.first.setdefault(key, entry)
        if first is entry:
            return []
        more = self.more.setdefault(key, [])
        earlier = [first, *more]
        more.append(entry)
        return earlier

    def get(self, key: str) -> list[_Seen]:
        first = self.first.get(key)
        return [] if first is None else [first, *self.more.get(key, ())]


class _Validator:
    def __init__(self, glossary: Glossary, path: str):
        self.glossary = glossary
        self.path = path
        self.source = glossary.source_language
        self.target = glossary.target_language
        self.general: list[Problem] = []
        # Problems by concept position, so cross-concept findings come out in glossary order.
        self.by_concept: dict[int, list[Problem]] = {}
        self.valid_languages: set[str] = set()
        # The big indexes stay lean on purpose: allocation dominates on 100k-concept glossaries.
        self.source_terms = _Forms()
        self.target_accepted = _Forms()
        self.target_forbidden: list[tuple[str, _Seen]] = []

    def run(self) -> list[Problem]:
        self._check_languages()
        first_index: dict[str, int] = {}
        for index, concept in enumerate(self.glossary.concepts):
            self._check_id(index, concept, first_index)
            self._check_terms(index, concept)
        self._check_forbidden_against_accepted()
        return self.general + [problem for index in sorted(self.by_concept) for problem in self.by_concept[index]]

    # -- reporting

    def _where(self, index: int, term: Term | None = None) -> str:
        name = f"concept {self._name(index)}"
        if term is not None:
            return f"{self.path}: {name}, term {term.text!r} ({term.language})"
        return f"{self.path}: {name}"

    def _name(self, index: int) -> str:
        concept_id = self.glossary.concepts[index].id
        return concept_id if concept_id.strip() else f"#{index + 1}"

    def _report(self, index: int, severity: str, check: str, message: str, term: Term | None = None) -> None:
        problem = Problem(severity, self._where(index, term), message, check)
        self.by_concept.setdefault(index, []).append(problem)

    # -- rules

    def _check_languages(self) -> None:
        for role, language in (("source", self.source), ("target", self.target)):
            if not _LANGUAGE.fullmatch(language):
                self.general.append(Problem("error", self.path, f"the glossary's {role} language "
                                            f"{language!r} is not a language code like 'ja' or 'en'",
                                            "invalid-language"))
        if self.source == self.target:
            self.general.append(Problem("error", self.path, "the source and target languages are "
                                        f"both {self.source!r}", "invalid-language"))

    def _check_id(self, index: int, concept: Concept, first_index: dict[str, int]) -> None:
        if not _NCNAME.fullmatch(concept.id):
            self._report(index, "error", "invalid-id",
                         f"concept id {concept.id!r} is not a valid XML name (NCName): TBX needs "
                         "a letter or '_' first, then letters, digits, '-', '.' or '_'")
        first = first_index.setdefault(concept.id, index)
        if first != index:
            self._report(index, "error", "duplicate-id",
                         f"concept id {concept.id!r} is already used by concept #{first + 1}")

    def _check_terms(self, index: int, concept: Concept) -> None:
        source, target = self.source, self.target
        source_preferred = target_preferred = 0
        keys_here: list[str] = []  # this concept's terms so far: a handful, so a list is cheapest
        valid_languages = self.valid_languages
        source_forms, accepted_forms = self.source_terms.first, self.target_accepted.first
        for term in concept.terms:
            text, language, status = term.text, term.language, term.status
            # One cheap test for the usual, clean term; the slow path says what is wrong. Printable
            # text has no whitespace but U+0020 (tabs, line breaks, NBSP, U+3000 are not printable),
            # so no doubled space means no run of whitespace, and the NFKC form needs no collapsing.
            if (text and text.isprintable() and "  " not in text and text == text.strip()
                    and status in STATUSES and term.type in TERM_TYPES
                    and term.part_of_speech in PARTS_OF_SPEECH and language in valid_languages):
                key = normalize("NFKC", text)
            else:
                self._check_term_values(index, term)
                key = _form(text)
            if status == "preferred":
                if language == source:
                    source_preferred += 1
                elif language == target:
                    target_preferred += 1
            if not key:
                continue  # reported as empty; comparing empty terms would only add noise
            key = key.casefold()
            entry = (index, term)
            if key in keys_here:
                self._check_repeat_in_concept(concept, entry)
            keys_here.append(key)
            if language == source:
                if source_forms.setdefault(key, entry) is not entry:
                    self._check_source_unique(self.source_terms.add(key, entry), entry)
            elif language == target:
                if status == "deprecated":  # Term.forbidden, without a property call per term
                    self.target_forbidden.append((key, entry))
                elif status in ACCEPTED and accepted_forms.setdefault(key, entry) is not entry:
                    earlier = self.target_accepted.add(key, entry)
                    if status == "preferred":
                        self._check_target_preferred_unique(earlier, entry)
        for language, count in ((source, source_preferred), (target, target_preferred)):
            if count == 0:
                self._report(index, "error", "missing-preferred-term",
                             f"no preferred term in {language!r}: every concept needs one in the "
                             f"source ({source}) and target ({target}) languages")
            elif count > 1:
                self._report(index, "warning", "several-preferred-terms",
                             f"{count} preferred terms in {language!r}; tools propose the first, "
                             "mark the others admitted")

    def _check_term_values(self, index: int, term: Term) -> None:
        text = term.text
        if not text.strip():
            self._report(index, "error", "empty-term", "the term is empty", term)
        elif text != text.strip():
            self._report(index, "error", "space-padded-term",
                         "the term starts or ends with whitespace", term)
        elif _LINE_BREAK_OR_TAB.search(text):
            self._report(index, "error", "space-padded-term",
                         "the term contains a tab or line break", term)
        elif _INNER_SPACE.search(text):
            self._report(index, "error", "space-padded-term",
                         "the term contains consecutive spaces", term)
        if term.status not in STATUSES:
            self._report(index, "error", "unknown-status",
                         f"unknown status {term.status!r}; use one of {', '.join(STATUSES)}", term)
        if term.type not in TERM_TYPES:
            self._report(index, "error", "unknown-term-type",
                         f"unknown term type {term.type!r}; use one of {', '.join(TERM_TYPES)}", term)
        if term.part_of_speech not in PARTS_OF_SPEECH:
            self._report(index, "error", "unknown-part-of-speech",
                         f"unknown part of speech {term.part_of_speech!r}; use one of "
                         f"{', '.join(PARTS_OF_SPEECH)}", term)
        if _LANGUAGE.fullmatch(term.language):
            self.valid_languages.add(term.language)
        else:
            self._report(index, "error", "invalid-language",
                         f"language {term.language!r} is not a language code like 'ja' or 'en'", term)

    def _check_repeat_in_concept(self, concept: Concept, entry: _Seen) -> None:
        index, term = entry
        key = _form(term.text).casefold()
        position = next(i for i, t in enumerate(concept.terms) if t is term)
        for other in concept.terms[:position]:
            if other.language != term.language or _form(other.text).casefold() != key:
                continue
            if not _same(other, term):
                continue
            if other.forbidden != term.forbidden:
                self._report(index, "error", "conflicting-status",
                             "the same term is both forbidden and accepted in this concept "
                             f"(also listed as {other.status})", term)
            else:
                self._report(index, "warning", "duplicate-term",
                             "the term is listed twice in this concept", term)
            return

    def _check_source_unique(self, earlier: list[_Seen], entry: _Seen) -> None:
        other = _find_same(earlier, entry)
        if other is not None:
            self._report(entry[0], "error", "duplicate-source-term",
                         f"the {self.source} term is also a term of concept {self._name(other[0])} "
                         f"({other[1].text!r}); a source term must name one concept", entry[1])

    def _check_target_preferred_unique(self, earlier: list[_Seen], entry: _Seen) -> None:
        other = _find_same([seen for seen in earlier if seen[1].status == "preferred"], entry)
        if other is not None:
            self._report(entry[0], "warning", "shared-preferred-term",
                         f"concept {self._name(other[0])} has the same preferred {self.target} "
                         "term; check that they are really different concepts", entry[1])

    def _check_forbidden_against_accepted(self) -> None:
        # Runs last: the accepted term may come later in the file than the forbidden one.
        for key, entry in self.target_forbidden:
            other = _find_same(self.target_accepted.get(key), entry)
            if other is not None:
                self._report(entry[0], "error", "forbidden-term-accepted-elsewhere",
                             f"the forbidden {self.target} term is an accepted term of concept "
                             f"{self._name(other[0])} ({other[1].text!r}); the checker "
                             "would flag correct translations", entry[1])
