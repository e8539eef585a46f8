"""Concepts and terms: the glossary's data model, independent of any file format.

A concept is one idea with a stable id; each language names it with one or
more terms. A term's status says how translations may use it: preferred and
admitted terms are accepted, deprecated terms are forbidden, superseded terms
are outdated (accepted by checks, never proposed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Status values, and the TBX-Basic administrativeStatus picklist value for each.
STATUSES = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "superseded": "supersededTerm-admn-sts",
}
# Term types as in TBX-Basic's termType picklist.
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
# Parts of speech as in TBX-Basic's partOfSpeech picklist.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")
ACCEPTED = ("preferred", "admitted", "superseded")
CASE_SENSITIVE_TYPES = ("acronym", "abbreviation")


@dataclass
class Term:
    """One written form of a concept in one language."""

    text: str
    language: str
    status: str = "preferred"
    type: str = "fullForm"
    part_of_speech: str = "noun"
    note: str = ""

    @property
    def forbidden(self) -> bool:
        return self.status == "deprecated"

    @property
    def accepted(self) -> bool:
        return self.status in ACCEPTED

    @property
    def case_sensitive(self) -> bool:
        """Acronyms and abbreviations match case-sensitively (ACM is not "acm"); other terms do not."""
        return self.type in CASE_SENSITIVE_TYPES


@dataclass
class Concept:
    """One idea, with its terms in every language."""

    id: str
    subject_field: str = ""
    definition: str = ""
    note: str = ""
    source: str = ""
    terms: list[Term] = field(default_factory=list)

    def terms_in(self, language: str) -> list[Term]:
        return [t for t in self.terms if t.language == language]

    def preferred(self, language: str) -> Term | None:
        """The first preferred term in ``language``, or None."""
        return next((t for t in self.terms_in(language) if t.status == "preferred"), None)

    def accepted(self, language: str) -> list[Term]:
        return [t for t in self.terms_in(language) if t.accepted]

    def forbidden(self, language: str) -> list[Term]:
        return [t for t in self.terms_in(language) if t.forbidden]

    def rendering(self, language: str) -> str:
        """The approved rendering as translators should write it: "Full Form (ABBR)" or the term alone."""
        preferred = self.preferred(language)
        if preferred is None:
            return ""
        if preferred.case_sensitive:
            return preferred.text
        short = next((t.text for t in self.terms_in(language)
                      if t.case_sensitive and t.status in ("preferred", "admitted")), None)
        return f"{preferred.text} ({short})" if short else preferred.text


@dataclass
class Glossary:
    """An ordered collection of concepts, with the languages it covers."""

    concepts: list[Concept] = field(default_factory=list)
    source_language: str = "ja"
    target_language: str = "en"
    title: str = "yakugo glossary"

    def __iter__(self):
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}
