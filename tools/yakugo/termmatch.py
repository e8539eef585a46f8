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
from collections.abc import Iterable
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
_ASCII_SPACES = "".join(space for space in _SPACES if space.isascii()).encode()
_ASCII_SEPARATORS = bytes.maketrans(_ASCII_SPACES, b" " * len(_ASCII_SPACES))   # for ASCII text: only spaces change
_QUOTES = '"\u201c\u201d\u201e\u201f'
# Dropped before matching, each as (what to look for, offset of the dropped character in it):
# the second and later spaces of a run, a serial comma, double quotation marks.
_DROPPED = (("  ", 1), (", and ", 0), (", or ", 0), *((quote, 0) for quote in _QUOTES))
_ASCII_DROPPED = tuple((needle, offset) for needle, offset in _DROPPED if needle.isascii())
_CODE_ENDINGS = frozenset(ascii_uppercase + digits)
_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")
_COORDINATION = re.compile(r",? (?:and|or) |, ")
_FEW_WORDS = re.compile(r"[^\W_][\w./-]*(?:(?:,? (?:and|or) |, | )[^\W_][\w./-]*){0,3}")


class NormalText:
    """A text as terms are matched in it; offsets in ``text`` and ``lower`` map back with :meth:`span`."""

    __slots__ = ("_origin", "_shifts", "lower", "original", "text")

    def __init__(self, original: str):
        self.original = original
        text, self._origin = original, None
        ascii_text = text.isascii()
        if ascii_text:   # most translations: bytes.translate is ten times faster than str.translate
            text = text.encode().translate(_ASCII_SEPARATORS).decode()
        else:
            if not unicodedata.is_normalized("NFKC", text):
                text, self._origin = fold(text)
            text = text.translate(_SEPARATORS)
        dropped: list[int] = []
        for needle, offset in _ASCII_DROPPED if ascii_text else _DROPPED:
            if needle in text:
                dropped.extend(at + offset for at in _positions(text, needle))
        # for each dropped character, in order: its index less the number dropped before it
        self._shifts: list[int] = []
        if dropped:
            dropped = sorted(set(dropped))
            self._shifts = [index - number for number, index in enumerate(dropped)]
            text = "".join([text[after + 1:before] for after, before in zip([-1, *dropped], [*dropped, len(text)])])
        self.text = text
        lower = text.lower()
        if len(lower) != len(text):   # a rare character whose lower case is longer: keep offsets
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.lower = lower

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in ``original`` of ``text[start:end]``."""
        first, last = self._before_dropping(start), self._before_dropping(end - 1) + 1
        if self._origin is not None:
            first, last = self._origin[first], self._origin[last - 1] + 1
        return first, last

    def _before_dropping(self, index: int) -> int:
        return index + bisect_right(self._shifts, index)


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
    import lemminflect  # loading its tables takes about half a second: only when a term needs them

    if name:
        return _lower(lemminflect.getAllInflections(word, upos="NOUN").get("NNS", ()))
    lemmas = _lower(lemminflect.getAllLemmas(word, upos="NOUN").get("NOUN", ()))
    return tuple(dict.fromkeys(form for lemma in lemmas
                               for forms in lemminflect.getAllInflections(lemma, upos="NOUN").values()
                               for form in _lower(forms)))


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.lower() for word in words)


class Occurrence(NamedTuple):
    """A term found in a :class:`NormalText`: ``start`` and ``end`` index its ``text``."""

    concept: Concept
    term: Term
    start: int
    end: int


Form = tuple[str, Term, bool]   # a normalised written form, its term, and whether it is case-sensitive


@dataclass(frozen=True, slots=True)
class _ConceptForms:
    accepted: tuple[Form, ...]
    forbidden: tuple[Form, ...]
    abbreviations: tuple[Form, ...]    # the accepted acronyms and abbreviations among ``accepted``
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
        self._automata: dict[bool, TermAutomaton] = {}
        self._glossary_order: dict[str, int] | None = None

    def occurs(self, concept: Concept, text: NormalText) -> bool:
        """Whether an accepted term of ``concept`` occurs in ``text`` (stops at the first)."""
        for form, _, case_sensitive in self._concept_forms(concept).accepted:
            haystack = text.text if case_sensitive else text.lower
            start = haystack.find(form)
            while start != -1:
                if bounded(haystack, start, start + len(form)):
                    return True
                start = haystack.find(form, start + 1)
        return False

    def accepted(self, concept: Concept, text: NormalText) -> list[Occurrence]:
        """Every occurrence of an accepted term of ``concept`` in ``text``."""
        return _found(concept, self._concept_forms(concept).accepted, text)

    def forbidden(self, concept: Concept, text: NormalText) -> list[Occurrence]:
        """Every occurrence of a forbidden (deprecated) term of ``concept`` in ``text``."""
        return _found(concept, self._concept_forms(concept).forbidden, text)

    def abbreviations(self, concepts: Iterable[Concept]) -> AbbreviationSearch:
        """The accepted acronyms and abbreviations of ``concepts`` alone, to find like ``find(text, True)`` does."""
        forms = [(concept, form, term) for concept in concepts
                 for form, term, _ in self._concept_forms(concept).abbreviations]
        if len({form for _, form, _ in forms}) < len(forms):   # a form of several terms: glossary order, as find
            if self._glossary_order is None:
                self._glossary_order = {concept.id: number for number, concept in enumerate(self._glossary)}
            forms.sort(key=lambda form: self._glossary_order[form[0].id])
        return AbbreviationSearch(forms)

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
        forms = self._concept_forms(concept)
        for occurrence in self.accepted(concept, text):
            if occurrence.term.case_sensitive:
                continue
            after = occurrence.end + 1 if text.text.startswith(" ", occurrence.end) else occurrence.end
            if text.text.startswith("(", after) and any(
                    text.text.startswith(f"{abbreviation})", after + 1) for abbreviation, _, _ in forms.abbreviations):
                return True
        return False

    def find(self, text: NormalText, case_sensitive: bool | None = None) -> list[Occurrence]:
        """Every occurrence of every accepted term of the glossary, overlapping ones included.

        ``case_sensitive`` True or False limits the search to acronyms and
        abbreviations, or to the other terms.
        """
        modes = (False, True) if case_sensitive is None else (case_sensitive,)
        return [occurrence for mode in modes for occurrence in self._automaton(mode).find(text)]

    def _concept_forms(self, concept: Concept) -> _ConceptForms:
        forms = self._forms.get(concept.id)
        if forms is None:
            terms = concept.terms_in(self.language)
            accepted = tuple((form, term, term.case_sensitive)
                             for term in terms if term.accepted for form in term_forms(term))
            abbreviations = tuple(form for form in accepted if form[2])
            forms = self._forms[concept.id] = _ConceptForms(
                accepted=accepted,
                forbidden=tuple((form, term, term.case_sensitive)
                                for term in terms if term.forbidden for form in term_forms(term)),
                abbreviations=abbreviations,
                elisions=tuple((form[:space], form[space + 1:], term) for form, term, case_sensitive in accepted
                               if not case_sensitive for space in _coordinable_spaces(form)),
                acronym=bool(abbreviations) and len(abbreviations) < len(accepted))
        return forms

    def _automaton(self, case_sensitive: bool) -> TermAutomaton:
        if case_sensitive not in self._automata:
            with gc_paused():
                forms = [(concept, form, term) for concept in self._glossary for term in concept.terms_in(self.language)
                         if term.accepted and term.case_sensitive == case_sensitive for form in term_forms(term)]
                self._automata[case_sensitive] = TermAutomaton(forms, case_sensitive)
        return self._automata[case_sensitive]


class TermAutomaton:
    """Forms of terms of one case mode, all found in one pass, overlapping ones included.

    Occurrences come in the order of their ends, then of their starts; a form
    shared by several terms is reported for each, in the order given.
    """

    def __init__(self, forms: Iterable[tuple[Concept, str, Term]], case_sensitive: bool):
        self.case_sensitive = case_sensitive
        patterns: dict[str, int] = {}
        self._entries: list[list[tuple[Concept, Term]]] = []
        for concept, form, term in forms:
            if form not in patterns:
                patterns[form] = len(self._entries)
                self._entries.append([])
            self._entries[patterns[form]].append((concept, term))
        self._automaton = ahocorasick_rs.AhoCorasick(list(patterns)) if patterns else None

    def find(self, text: NormalText) -> list[Occurrence]:
        if self._automaton is None:
            return []
        haystack = text.text if self.case_sensitive else text.lower
        return [Occurrence(concept, term, start, end)
                for number, start, end in self._automaton.find_matches_as_indexes(haystack, overlapping=True)
                if bounded(haystack, start, end) for concept, term in self._entries[number]]


class AbbreviationSearch:
    """Acronyms and abbreviations of some concepts, with a quick test that spares most translations normalising.

    An ASCII text changes in only two ways when it is normalised: characters
    become spaces (control characters, and any a caller blanked before, such
    as footnote markers) and some are dropped (double quotation marks, second
    spaces, serial commas). Only a dropped quotation mark can stand between
    two letters or digits, so each run of letters and digits of the normal
    text is in the text itself once its quotation marks are taken out: a form
    whose longest run is not there is not in the normal text either.
    """

    def __init__(self, forms: list[tuple[Concept, str, Term]]):
        self._automaton = TermAutomaton(forms, case_sensitive=True)
        cores = {max(_ALNUM_RUN.findall(form), key=len, default="") for _, form, _ in forms}
        self._cores = ahocorasick_rs.AhoCorasick(list(cores)) if cores and "" not in cores else None

    def may_occur(self, translation: str) -> bool:
        """False when no form can be in the normal text of ``translation``, some characters made spaces or not."""
        if self._cores is None or not translation.isascii():
            return True
        return bool(self._cores.find_matches_as_indexes(translation.replace('"', "")))

    def find(self, text: NormalText) -> list[Occurrence]:
        return self._automaton.find(text)


def _coordinable_spaces(form: str) -> list[int]:
    """Where a form can be split into first and last words: not next to a comma, "and" or "or"."""
    words = form.split(" ")
    spaces, position = [], -1
    for before, after in itertools.pairwise(words):
        position += len(before) + 1
        if before[-1:].isalnum() and before not in ("and", "or") and after not in ("and", "or"):
            spaces.append(position)
    return spaces


def _found(concept: Concept, forms: tuple[Form, ...], text: NormalText) -> list[Occurrence]:
    """Each bounded occurrence of ``forms`` (terms of ``concept``) in ``text``."""
    found = []
    for form, term, case_sensitive in forms:
        haystack = text.text if case_sensitive else text.lower
        start = haystack.find(form)
        while start != -1:
            if bounded(haystack, start, start + len(form)):
                found.append(Occurrence(concept, term, start, start + len(form)))
            start = haystack.find(form, start + 1)
    return found
