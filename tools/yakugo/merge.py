"""Merging a fresh template into a translated catalog, with msgmerge semantics.

- an unchanged sentence keeps its translation, translator comments and flags;
- a changed sentence takes the translation of the closest earlier sentence,
  flagged fuzzy, with the earlier msgid kept as ``#| msgid``;
- a removed sentence with a translation becomes obsolete (``#~``), and comes
  back with its translation when the sentence returns;
- a new sentence is empty.

Unlike msgmerge, the closest earlier sentence is first looked for where the
sentence stood (between the nearest unchanged neighbours), which is both what
an edit in place means and what keeps the merge linear in time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import polib

from . import __version__
from .catalog import new_catalog
from .fuzzy import CUTOFF, FuzzyIndex, best_match

_LOCAL_WINDOW = 64  # more unmatched entries than this between two anchors: search globally


@dataclass
class MergeReport:
    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    revived: int = 0
    obsolete: int = 0

    def __str__(self) -> str:
        parts = [f"{self.kept} kept", f"{self.fuzzy} fuzzy", f"{self.new} new"]
        if self.revived:
            parts.append(f"{self.revived} revived")
        parts.append(f"{self.obsolete} obsolete")
        return ", ".join(parts)


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def merge(template: polib.POFile, old: polib.POFile | None, language: str,
          cutoff: float = CUTOFF) -> tuple[polib.POFile, MergeReport]:
    """A new catalog for ``language``: ``template``'s entries carrying ``old``'s translations."""
    report = MergeReport()
    catalog = _header(template, old, language)
    previous = list(old or [])
    active = {_key(e): n for n, e in enumerate(previous) if not e.obsolete}
    obsolete = {_key(e): n for n, e in enumerate(previous) if e.obsolete}
    used = [False] * len(previous)

    # Pass 1: exact matches (active or obsolete) anchor the new catalog to the old one.
    matched: list[int | None] = []
    for entry in template:
        number = active.get(_key(entry))
        if number is None:
            number = obsolete.get(_key(entry))
        if number is not None:
            used[number] = True
        matched.append(number)

    # Pass 2: everything else gets the closest unused translated sentence, if any.
    candidates = [n for n, e in enumerate(previous) if not used[n] and e.msgstr and not e.msgid_plural]
    finder = _Finder(previous, candidates, cutoff)
    anchors = _anchors(matched, previous)
    for position, entry in enumerate(template):
        number = matched[position]
        if number is not None:
            source = previous[number]
            if source.obsolete:
                report.revived += 1
            else:
                report.kept += 1
            catalog.append(_carry(entry, source, fuzzy=False))
            continue
        found = finder.closest(entry.msgid, *anchors[position])
        if found is None:
            report.new += 1
            catalog.append(_fresh(entry))
        else:
            used[found] = True
            report.fuzzy += 1
            catalog.append(_carry(entry, previous[found], fuzzy=True))

    for number, entry in enumerate(previous):
        if not used[number] and (entry.msgstr or any(entry.msgstr_plural.values())):
            catalog.append(_obsolete(entry))
            report.obsolete += 1
    return catalog, report


def _header(template: polib.POFile, old: polib.POFile | None, language: str) -> polib.POFile:
    project = template.metadata.get("Project-Id-Version", "")
    catalog = new_catalog(project, language)
    catalog.header = f"Translation of {project} into {language}, merged by yakugo."
    if old is not None:
        catalog.header = old.header
        catalog.metadata = dict(old.metadata)
        catalog.metadata_is_fuzzy = old.metadata_is_fuzzy
        catalog.metadata["X-Generator"] = f"yakugo {__version__}"
        catalog.metadata.setdefault("Language", language)
    stamp = template.metadata.get("POT-Creation-Date", "")
    catalog.metadata["POT-Creation-Date"] = stamp
    if catalog.metadata.get("PO-Revision-Date", "").startswith("YEAR"):
        catalog.metadata["PO-Revision-Date"] = stamp  # a new catalog is as old as its template
    return catalog


def _fresh(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr="",
                         comment=entry.comment, occurrences=list(entry.occurrences),
                         flags=list(entry.flags))


def _carry(entry: polib.POEntry, source: polib.POEntry, fuzzy: bool) -> polib.POEntry:
    """``entry`` from the template with the translator's work from ``source``."""
    result = _fresh(entry)
    result.msgstr = source.msgstr
    result.tcomment = source.tcomment
    flags = [f for f in source.flags if f not in result.flags]
    result.flags = result.flags + flags
    if fuzzy:
        if "fuzzy" not in result.flags:
            result.flags.insert(0, "fuzzy")
        result.previous_msgctxt = source.msgctxt
        result.previous_msgid = source.msgid
    elif "fuzzy" in result.flags and source.previous_msgid is not None:
        result.previous_msgctxt = source.previous_msgctxt
        result.previous_msgid = source.previous_msgid
    return result


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    # Plural entries keep every form: yakugo's sources make none, but a translator may have added one.
    return polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr,
                         msgid_plural=entry.msgid_plural, msgstr_plural=dict(entry.msgstr_plural),
                         tcomment=entry.tcomment, flags=list(entry.flags), obsolete=True)


def _anchors(matched: list[int | None], previous: list[polib.POEntry]) -> list[tuple[int, int]]:
    """For each template position, the old positions of the nearest exact matches before and after."""
    count = len(previous)
    is_anchor = [n is not None and not previous[n].obsolete for n in matched]
    before, last = [], -1
    for position, number in enumerate(matched):
        before.append(last)
        if is_anchor[position]:
            last = number
    after, following = [count] * len(matched), count
    for position in range(len(matched) - 1, -1, -1):
        after[position] = following
        if is_anchor[position]:
            following = matched[position]
    return list(zip(before, after))


class _Finder:
    """The closest unused translated sentence: in place first, then anywhere."""

    def __init__(self, previous: list[polib.POEntry], candidates: list[int], cutoff: float):
        self.previous = previous
        self.candidates = candidates  # old positions, ascending
        self.cutoff = cutoff
        self._index: FuzzyIndex | None = None

    def closest(self, msgid: str, low: int, high: int) -> int | None:
        if not self.candidates:
            return None
        if low < high:
            start = bisect_right(self.candidates, low)
            stop = bisect_left(self.candidates, high)
            if 0 < stop - start <= _LOCAL_WINDOW:
                window = self.candidates[start:stop]
                found = best_match(msgid, [self.previous[n].msgid for n in window], self.cutoff)
                if found:
                    return window[found[0]]
        if self._index is None:
            self._index = FuzzyIndex([self.previous[n].msgid for n in self.candidates])
        found = self._index.best(msgid, self.cutoff)
        return self.candidates[found[0]] if found else None
