"""Checks across entries: one source sentence, one translation, and the other way round.

``inconsistent-translation``: entries whose sources are equal after
whitespace normalisation must have translations that are equal after
whitespace normalisation. ``inconsistent-source``: entries sharing one
translation must have the same source, where sources that are NFKC-equal
(full-width and half-width forms) or differ only in footnote markers
(…協定2(ACSA… and …協定(ACSA…) are the same sentence. Left alone there:
translations shorter than six words (headings such as "Overview", labels),
which different short sources legitimately share, and cross references, which
repeat the title of the figure or section they point to (参照図表II-4-2-3(…)
and 図表II-4-2-3 … may both read "Fig. II-4-2-3 …"; crossref-mismatch checks
their numbers).

In each group the *reference* is the first finished entry: the non-fuzzy
entry that comes first by file path, then line. A fuzzy translation is a
suggestion, so it is compared with the reference but never serves as one; a
group of fuzzy entries only is left to the ``fuzzy`` check. Every other entry
that disagrees with the reference is reported, naming the reference. Because
the reference is chosen by position rather than by the order entries arrive
in, what is reported does not depend on the order of the files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from os.path import commonprefix

from ..document import CROSS_REFERENCE
from .model import Entry, Problem

INCONSISTENT_TRANSLATION = "inconsistent-translation"
INCONSISTENT_SOURCE = "inconsistent-source"
SHORT_TRANSLATION_WORDS = 6

# What may follow a footnote marker glued to the text, after NFKC (document.py finds markers the same way).
_MARKER_FOLLOWERS = "(「」『』【〔、。をがはのとにでもやへ"


def inconsistent_translation(entries: Sequence[Entry]) -> Iterator[tuple[Entry, Problem]]:
    """Entries translating the same source sentence differently from its reference entry."""
    keyed = ((_normalised(entry.source), entry) for entry in entries if entry.target and not entry.target.isspace())
    for entry, reference in _disagreements(keyed, _normalised_target):
        yield entry, Problem(
            INCONSISTENT_TRANSLATION,
            f'the same source sentence is translated differently at {reference.path}:{reference.line}: '
            f'"{reference.target}" there, "{entry.target}" here; make them agree',
            target_span=_differing_span(entry.target, reference.target))


def inconsistent_source(entries: Sequence[Entry]) -> Iterator[tuple[Entry, Problem]]:
    """Entries whose translation is also the translation of a different source sentence."""
    keyed = ((" ".join(words), entry) for entry in entries if CROSS_REFERENCE not in entry.roles
             and len(words := entry.target.split()) >= SHORT_TRANSLATION_WORDS)
    for entry, reference in _disagreements(keyed, _folded_source):
        if _differ_in_markers_only(entry, reference):
            continue
        yield entry, Problem(
            INCONSISTENT_SOURCE,
            f'this translation is also used for a different source sentence at {reference.path}:{reference.line}: '
            f'"{reference.source}" there, "{entry.source}" here; check that it was not copied from there',
            source_span=_differing_span(entry.source, reference.source))


def check_consistency(entries: Sequence[Entry]) -> Iterator[tuple[Entry, Problem]]:
    """Both consistency checks over every entry of the run."""
    yield from inconsistent_translation(entries)
    yield from inconsistent_source(entries)


def _disagreements(keyed: Iterable[tuple[str, Entry]],
                   compared: Callable[[Entry], str]) -> Iterator[tuple[Entry, Entry]]:
    """(entry, reference) for every entry whose ``compared`` text differs from its group's reference."""
    groups: dict[str, list[Entry]] = {}
    for key, entry in keyed:
        groups.setdefault(key, []).append(entry)
    for members in groups.values():
        if len(members) < 2:
            continue
        finished = [entry for entry in members if not entry.fuzzy]
        if not finished:
            continue
        reference = min(finished, key=_position)
        expected = compared(reference)
        for entry in members:
            if entry is not reference and compared(entry) != expected:
                yield entry, reference


def _position(entry: Entry) -> tuple[str, int, int]:
    return entry.path, entry.line, entry.index


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _normalised_target(entry: Entry) -> str:
    return _normalised(entry.target)


def _folded_source(entry: Entry) -> str:
    """The source with full-width and half-width forms and whitespace folded (ＡＣＳＡ = ACSA)."""
    return " ".join(unicodedata.normalize("NFKC", entry.source).split())


def _differ_in_markers_only(entry: Entry, reference: Entry) -> bool:
    """Whether leaving out the footnote markers of either entry makes the two sources one sentence."""
    numbers = set(entry.markers) | set(reference.markers)
    if not numbers:
        return False
    marker = re.compile("(?:(?<=[^\\x00-\\x7f])|(?<=\\)))(?:" + "|".join(map(str, sorted(numbers))) + ")"
                        "(?![0-9])(?=[" + re.escape(_MARKER_FOLLOWERS) + "]|$)")
    return marker.sub("", _folded_source(entry)) == marker.sub("", _folded_source(reference))


def _differing_span(text: str, other: str) -> tuple[int, int] | None:
    """Where ``text`` differs from ``other``: what is left after their common start and end."""
    start = len(commonprefix([text, other]))
    common_end = len(commonprefix([text[start:][::-1], other[start:][::-1]]))
    end = len(text) - common_end
    return (start, end) if start < end else None
