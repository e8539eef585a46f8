"""Finding glossary terms in Japanese text: width folding and leftmost-longest matching.

Text and terms are folded with NFKC (ＳＭ－３ブロックⅡＡ reads as SM-3ブロックIIA)
and, except for acronyms and abbreviations, lower-cased. Aho-Corasick with
leftmost-longest semantics finds 日米物品役務相互提供協定 without also reporting
the 日米 inside it. Offsets are mapped back to the original, unfolded text.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import ahocorasick_rs

from .gcpause import gc_paused
from .glossary.model import Concept, Glossary, Term


def fold(text: str) -> tuple[str, list[int] | None]:
    """NFKC-fold ``text``; also return, for each folded character, the index of its original character.

    The map is None when folding changes nothing (most text), so offsets are
    the same. Folding is per character so offsets can be mapped back; a
    half-width voicing mark (ｶﾞ) is composed with the character before it.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        form = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        if folded and form and unicodedata.combining(form[0]):
            composed = unicodedata.normalize("NFC", folded[-1] + form)
            if len(composed) == 1:
                folded[-1] = composed
                continue
        for piece in form:
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


class TermMatch(NamedTuple):
    """A glossary term found in a text: ``text[start:end]`` is what was written."""

    concept: Concept
    term: Term
    start: int
    end: int
    surface: str


class TermIndex:
    """The terms of one language of a glossary, ready to be found in text."""

    def __init__(self, glossary: Glossary, language: str | None = None):
        self.language = language or glossary.source_language
        # Per pattern: (concept, term, the exact NFKC text for case-sensitive terms, else None).
        self._entries: list[list[tuple[Concept, Term, str | None]]] = []
        patterns: dict[str, int] = {}
        with gc_paused():
            for concept in glossary:
                for term in concept.terms_in(self.language):
                    key = _key(term)
                    if not key:
                        continue
                    if key not in patterns:
                        patterns[key] = len(self._entries)
                        self._entries.append([])
                    exact = unicodedata.normalize("NFKC", term.text) if term.case_sensitive else None
                    self._entries[patterns[key]].append((concept, term, exact))
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(patterns), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if patterns else None

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in ``text``, left to right, longest first, never overlapping."""
        if self._automaton is None or not text:
            return []
        folded, origin = fold(text)
        lowered = folded.lower()
        if len(lowered) != len(folded):   # a rare character whose lower case is longer: keep offsets
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
        matches = []
        for number, start, end in self._automaton.find_matches_as_indexes(lowered):
            for concept, term, exact in self._entries[number]:
                if exact is not None and folded[start:end] != exact:
                    continue
                first, last = (start, end) if origin is None else (origin[start], origin[end - 1] + 1)
                matches.append(TermMatch(concept, term, first, last, text[first:last]))
                break
        return matches


def _key(term: Term) -> str:
    folded = unicodedata.normalize("NFKC", term.text.strip())
    return folded.lower()
