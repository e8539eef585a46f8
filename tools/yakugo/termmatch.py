"""Finding glossary terms in English translations: the target side of the term checks.

A translation and every English term are normalised the same way before they
are compared: NFKC (full-width letters, no-break spaces), every hyphen and
dash that joins words (hyphen-minus, U+2010 hyphen, non-breaking hyphen,
figure dash, en dash, minus sign) read as "-", every kind of space read as one
space, double quotation marks dropped (JS "Izumo" is JS Izumo) and a serial
comma before "and"/"or" dropped ("intelligence, surveillance, and
reconnaissance"). Hyphen and space stay different: the glossary forbids "Self
Defense Forces" and prefers "Self-Defense Forces".

A term matches case-insensitively, except acronyms and abbreviations, and
only where it stands as whole words: the characters on either side of it must
not be letters or digits, so "U.S." is found in "U.S.-Japan" but not in
"U.S.S.R.", and "exercise" is not found in "exercised". Possessives need
nothing more ("Alliance's"); plurals are written forms of their own, made with
lemminflect from the last word of a noun term: a capitalised name gets its
plurals (Mechanism → Mechanisms, but Guidelines never becomes Guideline); a
lower-case common noun gets every noun form of its lemma (exercise ⇄
exercises, capabilities → capability). Acronyms and designators also match
with a plural "s" (CSGs, F-35Bs).

A multi-word term whose last words are shared with a coordinated term is
found too, as :meth:`EnglishTerms.elided` ("air and missile defense" has "air
defense"; "command post and field training exercises" has "command post
exercise"); the checks use this only to accept a rendering, never to forbid one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from string import ascii_letters, ascii_uppercase, digits
from typing import NamedTuple

import ahocorasick_rs

from .gcpause import gc_paused
from .glossary.model import Concept, Glossary, Term
from .termindex import fold

HYPHENS = "-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_SPACES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
_SEPARATORS = str.maketrans({**dict.fromkeys(HYPHENS, "-"), **dict.fromkeys(_SPACES, " ")})
_QUOTES = '"\u201c\u201d\u201e\u201f'
# Dropped before matching, each as (what to look for, offset of the dropped character in it):
# the second and later spaces of a run, a serial comma, double quotation marks.
_DROPPED = (("  ", 1), (", and ", 0), (", or ", 0), *((quote, 0) for quote in _QUOTES))
_CODE_ENDINGS = frozenset(ascii_uppercase + digits)
_COORDINATION = re.compile(r",? (?:and|or) |, ")
_FEW_WORDS = re.compile(r"[^\W_][\w./-]*(?:(?:,? (?:and|or) |, | )[^\W_][\w./-]*){0,3}")


class NormalText:
    """A text as terms are matched in it; offsets in ``text`` and ``lower`` map back with :meth:`span`."""

    __slots__ = ("_origin", "_sources", "_starts", "lower", "original", "text")

    def __init__(self, original: str):
        self.original = original
        text, self._origin = original, None
        if not (text.isascii() and text.isprintable()):
            if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
                text, self._origin = fold(text)
            text = text.translate(_SEPARATORS)
        self._starts: list[int] | None = None   # start of each kept piece in ``text``...
        self._sources: list[int] = []            # ...and where that piece starts before dropping
        dropped = [at + offset for needle, offset in _DROPPED if needle in text for at in _positions(text, needle)]
        if dropped:
            text = self._drop(text, sorted(set(dropped)))
        self.text = text
        lower = text.lower()
        if len(lower) != len(text):   # a rare character whose lower case is longer: keep offsets
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.lower = lower

    def _drop(self, text: str, dropped: list[int]) -> str:
        pieces, starts, length, position = [], [], 0, 0
        for index in [*dropped, len(text)]:
            if index > position:
                starts.append(length)
                self._sources.append(position)
                pieces.append(text[position:index])
                length += index - position
            position = index + 1
        self._starts = starts
        return "".join(pieces)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in ``original`` of ``text[start:end]``."""
        first, last = self._before_dropping(start), self._before_dropping(end - 1) + 1
        if self._origin is not None:
            first, last = self._origin[first], self._origin[last - 1] + 1
        return first, last

    def _before_dropping(self, index: int) -> int:
        if self._starts is None:
            return index
        piece = bisect_right(self._starts, index) - 1
        return self._sources[piece] + index - self._starts[piece]


def _positions(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as whole words: no letter or digit right before or after it."""
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def term_forms(term: Term) -> tuple[str, ...]:
    """The normalised forms of ``term`` to look for, lower-cased unless the term is case-sensitive."""
    written = NormalText(term.text).text.strip()
    if not written:
        return ()
    forms: tuple[str, ...] = (written,)
    if term.part_of_speech == "noun":
        last_word = written.rpartition(" ")[2]
        if last_word[-1] in _CODE_ENDINGS and last_word == last_word.upper():   # ACM, F-35B, CTF 151
            forms = (written, written + "s")
        elif not term.case_sensitive:
            forms = _inflected(written)
    return forms if term.case_sensitive else tuple(dict.fromkeys(form.lower() for form in forms))


def _inflected(written: str) -> tuple[str, ...]:
    """``written`` and the other noun forms of its last word, when that is a word (not "U.S." or "F-35B")."""
    stem = written.rstrip(ascii_letters)
    word = written[len(stem):]
    if len(word) < 2 or stem[-1:].isalnum() or stem.endswith("."):
        return (written,)
    return (written, *(stem + form for form in _noun_forms(word.lower(), word[0].isupper())))


@cache
def _noun_forms(word: str, name: bool) -> tuple[str, ...]:
    """Plurals of a name's last word; every noun form of a common noun's lemma (both lower case)."""
    import lemminflect  # loading its tables takes 0.3 s: only when a term needs them

    if name:
        return lemminflect.getAllInflections(word, upos="NOUN").get("NNS", ())
    lemmas = lemminflect.getAllLemmas(word, upos="NOUN").get("NOUN", ())
    return tuple(dict.fromkeys(form for lemma in lemmas
                               for forms in lemminflect.getAllInflections(lemma, upos="NOUN").values()
                               for form in forms))


class Occurrence(NamedTuple):
    """A term found in a :class:`NormalText`: ``start`` and ``end`` index its ``text``."""

    concept: Concept
    term: Term
    start: int
    end: int


Form = tuple[str, Term, bool]   # a normalised written form, its term, and whether it is case-sensitive


@dataclass(frozen=True)
class _ConceptForms:
    accepted: tuple[Form, ...]
    forbidden: tuple[Form, ...]
    abbreviations: tuple[str, ...]     # accepted acronyms and abbreviations, as written in "Full Form (ABBR)"
    elisions: tuple[tuple[str, str, Term], ...]   # accepted forms split at a space: (first words, last words, term)
    acronym: bool                      # has an accepted abbreviation and an accepted full form


class EnglishTerms:
    """The target-language terms of a glossary, ready to be found in translations.

    A concept's forms are made the first time the concept is asked about, so
    building this for a large glossary costs nothing until terms are looked
    up; :meth:`find` compiles every accepted form of the glossary into one
    automaton per case mode the first time it needs that mode.
    """

    def __init__(self, glossary: Glossary, language: str | None = None):
        self.language = language or glossary.target_language
        self._glossary = glossary
        self._forms: dict[str, _ConceptForms] = {}
        self._automata: dict[bool, tuple[ahocorasick_rs.AhoCorasick | None, list[list[tuple[Concept, Term]]]]] = {}

    def occurs(self, concept: Concept, text: NormalText) -> bool:
        """Whether an accepted term of ``concept`` occurs in ``text`` (stops at the first)."""
        return next(_found(self._concept_forms(concept).accepted, text), None) is not None

    def accepted(self, concept: Concept, text: NormalText) -> list[Occurrence]:
        """Every occurrence of an accepted term of ``concept`` in ``text``."""
        return [Occurrence(concept, *found) for found in _found(self._concept_forms(concept).accepted, text)]

    def forbidden(self, concept: Concept, text: NormalText) -> list[Occurrence]:
        """Every occurrence of a forbidden (deprecated) term of ``concept`` in ``text``."""
        return [Occurrence(concept, *found) for found in _found(self._concept_forms(concept).forbidden, text)]

    def elided(self, concept: Concept, text: NormalText) -> list[Occurrence]:
        """Accepted terms of ``concept`` whose last words are shared with a coordinated phrase.

        "air and missile defense" has "air defense": the first words, a
        coordination (and, or, a comma), at most four words, then the last
        words. The occurrence spans the whole phrase.
        """
        lower, found = text.lower, []
        for first_words, last_words, term in self._concept_forms(concept).elisions:
            start = lower.find(first_words)
            while start != -1:
                end = start + len(first_words)
                coordination = _COORDINATION.match(lower, end) if bounded(lower, start, end) else None
                if coordination is not None:
                    shared = lower.find(" " + last_words, coordination.end()) + 1
                    shared_end = shared + len(last_words)
                    if shared and bounded(lower, shared, shared_end) and _FEW_WORDS.fullmatch(
                            lower, coordination.end(), shared - 1):
                        found.append(Occurrence(concept, term, start, shared_end))
                start = lower.find(first_words, start + 1)
        return found

    def is_acronym_concept(self, concept: Concept) -> bool:
        """Whether ``concept`` has both an accepted acronym or abbreviation and an accepted full form."""
        return self._concept_forms(concept).acronym

    def introduced(self, concept: Concept, text: NormalText) -> bool:
        """Whether ``text`` writes ``concept`` as "Full Form (ABBR)" (optional space, any accepted pair)."""
        abbreviations = self._concept_forms(concept).abbreviations
        for occurrence in self.accepted(concept, text):
            if occurrence.term.case_sensitive:
                continue
            after = occurrence.end + 1 if text.text.startswith(" ", occurrence.end) else occurrence.end
            if text.text.startswith("(", after) and any(
                    text.text.startswith(f"{abbreviation})", after + 1) for abbreviation in abbreviations):
                return True
        return False

    def find(self, text: NormalText, case_sensitive: bool | None = None) -> list[Occurrence]:
        """Every occurrence of every accepted term of the glossary, overlapping ones included.

        ``case_sensitive`` True or False limits the search to acronyms and
        abbreviations, or to the other terms.
        """
        modes = (False, True) if case_sensitive is None else (case_sensitive,)
        found = []
        for mode in modes:
            automaton, entries = self._automaton(mode)
            if automaton is None:
                continue
            haystack = text.text if mode else text.lower
            for number, start, end in automaton.find_matches_as_indexes(haystack, overlapping=True):
                if bounded(haystack, start, end):
                    found.extend(Occurrence(concept, term, start, end) for concept, term in entries[number])
        return found

    def _concept_forms(self, concept: Concept) -> _ConceptForms:
        forms = self._forms.get(concept.id)
        if forms is None:
            terms = concept.terms_in(self.language)
            accepted = tuple((form, term, term.case_sensitive)
                             for term in terms if term.accepted for form in term_forms(term))
            abbreviations = tuple(form for form, _, case_sensitive in accepted if case_sensitive)
            forms = self._forms[concept.id] = _ConceptForms(
                accepted=accepted,
                forbidden=tuple((form, term, term.case_sensitive)
                                for term in terms if term.forbidden for form in term_forms(term)),
                abbreviations=abbreviations,
                elisions=tuple((form[:space], form[space + 1:], term) for form, term, case_sensitive in accepted
                               if not case_sensitive for space in _coordinable_spaces(form)),
                acronym=bool(abbreviations) and len(abbreviations) < len(accepted))
        return forms

    def _automaton(self, case_sensitive: bool):
        if case_sensitive not in self._automata:
            patterns: dict[str, int] = {}
            entries: list[list[tuple[Concept, Term]]] = []
            with gc_paused():
                for concept in self._glossary:
                    for term in concept.terms_in(self.language):
                        if term.accepted and term.case_sensitive == case_sensitive:
                            for form in term_forms(term):
                                if form not in patterns:
                                    patterns[form] = len(entries)
                                    entries.append([])
                                entries[patterns[form]].append((concept, term))
            automaton = ahocorasick_rs.AhoCorasick(list(patterns)) if patterns else None
            self._automata[case_sensitive] = (automaton, entries)
        return self._automata[case_sensitive]


def _coordinable_spaces(form: str) -> list[int]:
    """Where a form can be split into first and last words: not next to a comma, "and" or "or"."""
    words = form.split(" ")
    spaces, position = [], -1
    for before, after in itertools.pairwise(words):
        position += len(before) + 1
        if before[-1:].isalnum() and before not in ("and", "or") and after not in ("and", "or"):
            spaces.append(position)
    return spaces


def _found(forms: tuple[Form, ...], text: NormalText) -> Iterator[tuple[Term, int, int]]:
    """Each bounded occurrence of ``forms`` in ``text``: its term, start and end."""
    for form, term, case_sensitive in forms:
        haystack = text.text if case_sensitive else text.lower
        start = haystack.find(form)
        while start != -1:
            if bounded(haystack, start, start + len(form)):
                yield term, start, start + len(form)
            start = haystack.find(form, start + 1)
