"""Finding the closest earlier sentence for a changed one, without comparing every pair.

A character-bigram index proposes a short list of candidates from the rarest
bigrams of the query; rapidfuzz scores only those. The work per query is
bounded, so matching n queries costs O(n), not O(n²).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz, process

# msgmerge's threshold: a suggestion below 60% similarity does more harm than good.
CUTOFF = 60.0
_RARE_GRAMS = 12        # bigrams of the query used to look up candidates
_POSTING_LIMIT = 400    # a bigram shared by more candidates than this says nothing
_SHORTLIST = 24         # candidates scored exactly per query


def similarity(a: str, b: str) -> float:
    """Normalised Indel similarity in percent, as rapidfuzz's ``fuzz.ratio``."""
    return fuzz.ratio(a, b)


def best_match(query: str, texts: list[str], cutoff: float = CUTOFF) -> tuple[int, float] | None:
    """Index and score of the most similar of ``texts`` (first on ties), or None below ``cutoff``."""
    if not texts:
        return None
    found = process.extractOne(query, texts, scorer=fuzz.ratio, score_cutoff=cutoff)
    return (found[2], found[1]) if found else None


def _bigrams(text: str) -> set[str]:
    if len(text) < 2:
        return {text} if text else set()
    return {text[i:i + 2] for i in range(len(text) - 1)}


class FuzzyIndex:
    """Candidate sentences, searchable for the one most similar to a query."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._postings: dict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(texts):
            for gram in _bigrams(text):
                self._postings[gram].append(number)

    def best(self, query: str, cutoff: float = CUTOFF) -> tuple[int, float] | None:
        """Index and score of the closest candidate at or above ``cutoff``, or None."""
        postings = [self._postings[g] for g in sorted(_bigrams(query)) if g in self._postings]
        postings = sorted((p for p in postings if len(p) <= _POSTING_LIMIT), key=len)[:_RARE_GRAMS]
        if not postings:
            return None
        votes = Counter(number for posting in postings for number in posting)
        shortlist = sorted(number for number, _ in votes.most_common(_SHORTLIST))
        found = best_match(query, [self.texts[n] for n in shortlist], cutoff)
        return (shortlist[found[0]], found[1]) if found else None
