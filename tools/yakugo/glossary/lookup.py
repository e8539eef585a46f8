"""Looking concepts up by Japanese or English text."""

from __future__ import annotations

import unicodedata

from ..termindex import TermIndex
from .model import Concept, Glossary


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def lookup(glossary: Glossary, text: str) -> list[Concept]:
    """Concepts with a term in ``text`` (a sentence), then concepts whose terms contain ``text``.

    The first kind answers "which terms does this sentence use?", the second
    "what do we call things with 'mechanism' in their name?". Glossary order
    within each kind, no concept twice.
    """
    found: dict[str, Concept] = {}
    for language in (glossary.source_language, glossary.target_language):
        for match in TermIndex(glossary, language).find(text):
            found.setdefault(match.concept.id, match.concept)
    query = _folded(text)
    if query:
        for concept in glossary:
            if concept.id not in found and any(query in _folded(t.text) for t in concept.terms):
                found[concept.id] = concept
    return list(found.values())
