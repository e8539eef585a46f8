"""Translation progress of PO files, counted the way ``msgfmt --statistics`` counts.

translated: a non-empty msgstr without the fuzzy flag; fuzzy: flagged fuzzy
with a non-empty msgstr; untranslated: an empty msgstr (fuzzy or not). The
header and obsolete entries are not messages; obsolete ones are counted apart.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

import polib

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


@dataclass
class Stats:
    path: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    source_chars: int = 0     # non-space characters of every active msgid
    target_words: int = 0     # words of the translated msgstrs

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def __add__(self, other: Stats) -> Stats:
        fields = ("translated", "fuzzy", "untranslated", "obsolete", "source_chars", "target_words")
        return Stats("total", **{f: getattr(self, f) + getattr(other, f) for f in fields})

    def as_dict(self) -> dict:
        return {**asdict(self), "total": self.total, "percent": round(self.percent, 1)}


def catalog_stats(catalog: polib.POFile, path: str | Path) -> Stats:
    stats = Stats(str(path))
    for entry in catalog:
        if entry.obsolete:
            stats.obsolete += 1
            continue
        if entry.msgid == "" and entry.msgctxt is None:
            continue  # the header
        stats.source_chars += sum(1 for char in entry.msgid if not char.isspace())
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not all(translations):
            stats.untranslated += 1
        elif "fuzzy" in entry.flags:
            stats.fuzzy += 1
        else:
            stats.translated += 1
            stats.target_words += sum(len(_WORD.findall(t)) for t in translations)
    return stats


def total(stats: list[Stats]) -> Stats:
    result = Stats("total")
    for item in stats:
        result = result + item
    return result
