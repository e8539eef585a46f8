"""Numbers, designators and references: number-mismatch, era-year-mismatch, latin-token-missing, crossref-mismatch.

How numbers are compared (after :mod:`yakugo.numbers` has read both sides):

- Each source number needs a translation number with one of its readings.
  Source numbers are matched one by one, quantities first (a number with a
  counter: 1万6,000人, 15隻, 計4回), each taking a translation number of its
  own, so two quantities of 15 need two 15s in the translation.
- A date or name that the source repeats may be given once: a year, fiscal
  year, month, day, ordinal, list number or bare number (第151連合任務部隊
  (CTF…151), 15(平成27)年4月…15(平成27)年9月) is satisfied by any translation
  number with its reading, even one already matched.
- A translation number whose reading the source does not have at all is
  extra. Number words (four, first), designator digits (CTF-151) and a "May"
  with no number beside it satisfy source numbers but are never extra; a
  number the source has is never extra however often the translation repeats
  it (15(平成27)年…同年10月 may well become "April 2015 … October 2015").
- A missing source number and an extra translation number are reported
  together when they are alike (both months, or both numbers or years):
  "source has 2015 (15(平成27)年), translation has 2016".
- A number too long to be a quantity (more than 100 characters) matches only
  the same digits, and is shown in short: "99999…99999 (4,301 digits)".

Latin tokens of the source must be in the translation as written (see
:func:`yakugo.numbers.find_token`); cross references in the house form (see
:mod:`yakugo.numbers`). A designator or reference that is missing is reported
by its own check only: its digits are never numbers on either side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..numbers import (
    DIGITS,
    MONTH,
    EnglishReading,
    JapaneseReading,
    Key,
    Number,
    describe,
    number_words,
    read_english,
    read_japanese,
)
from .model import Entry, Problem

NUMBER_MISMATCH = "number-mismatch"
ERA_YEAR_MISMATCH = "era-year-mismatch"
LATIN_TOKEN_MISSING = "latin-token-missing"
CROSSREF_MISMATCH = "crossref-mismatch"

# What an English text needs before it can hold a number worth reporting.
_NUMBER_LIKE = re.compile("[0-9\uff10-\uff19\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u00b2\u00b3\u00b9\u2070-\u2079]"
                          "|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


def check_numbers(entry: Entry) -> Iterator[Problem]:
    """All four checks of this module on one entry; those comparing the translation need one."""
    source = read_japanese(entry.source, entry.markers)
    if source.era_conflicts:
        yield from era_year_mismatch(source)
    if not entry.target or entry.target.isspace():
        return
    if not (source.numbers or source.tokens or source.references) and _NUMBER_LIKE.search(entry.target) is None:
        return
    target = read_english(entry.target, entry.markers, tuple({t.text: None for t in source.tokens}),
                          tuple({r.english: None for r in source.references}))
    if source.tokens:
        yield from latin_token_missing(source, target)
    if source.references:
        yield from crossref_mismatch(source, target)
    if source.numbers or target.numbers:
        yield from number_mismatch(source, target)


def era_year_mismatch(source: JapaneseReading) -> Iterator[Problem]:
    """An era year and the Western year written with it that are different years (15(平成26)年)."""
    for conflict in source.era_conflicts:
        yield Problem(ERA_YEAR_MISMATCH,
                      f"the source gives two different years in {conflict.text}: the Western year is "
                      f"{conflict.western} but the era year is {conflict.era_year}; have the source checked",
                      source_span=(conflict.start, conflict.end))


def latin_token_missing(source: JapaneseReading, target: EnglishReading) -> Iterator[Problem]:
    """Each Latin token of the source (ACM, F/A-18, SM-3, 2+2) is in the translation as written, reported once."""
    reported: set[str] = set()
    for token in source.tokens:
        if token.text in target.tokens or token.text in reported:
            continue
        reported.add(token.text)
        variant = target.token_variants.get(token.text)
        if variant is None:
            yield Problem(LATIN_TOKEN_MISSING, f'the source has "{token.text}" but the translation does not; '
                                               "keep it as written", source_span=(token.start, token.end))
        else:
            yield Problem(LATIN_TOKEN_MISSING, f'the source has "{token.text}" but the translation writes '
                                               f'"{variant.text}"; keep it as written',
                          source_span=(token.start, token.end), target_span=(variant.start, variant.end))


def crossref_mismatch(source: JapaneseReading, target: EnglishReading) -> Iterator[Problem]:
    """Each cross reference of the source is in the translation in the house form (図表II-4-2-3 = Fig. II-4-2-3)."""
    others = list(target.other_references)
    for reference in source.references:
        if reference.english in target.references:
            continue
        instead = next((other for other in others if other.kind == reference.kind), None)
        if instead is None:
            yield Problem(CROSSREF_MISMATCH, f'the source refers to {reference.text}; '
                                             f'the translation should have "{reference.english}"',
                          source_span=(reference.start, reference.end))
        else:
            others.remove(instead)
            yield Problem(CROSSREF_MISMATCH,
                          f'the source refers to {reference.text}, which is "{reference.english}", '
                          f'but the translation has "{instead.text}"',
                          source_span=(reference.start, reference.end), target_span=(instead.start, instead.end))


def number_mismatch(source: JapaneseReading, target: EnglishReading) -> Iterator[Problem]:
    """Numbers of the source missing from the translation, and numbers of the translation not in the source."""
    available: dict[Key, list[Number]] = {}
    for number in target.numbers:
        available.setdefault(number.keys[0], []).append(number)
    order = sorted(source.numbers, key=lambda n: (not n.strict, len(n.keys) > 1, n.start))
    missing = _unmatched(order, available, set(available))
    if missing:   # number words only satisfy, so they are read only when digits leave something unmatched
        for number in number_words(target):
            available.setdefault(number.keys[0], []).append(number)
        missing = _unmatched(missing, available, set(available))
    in_source = {key for number in source.numbers for key in number.keys}
    extra = sorted((n for left in available.values() for n in left if n.reportable and n.keys[0] not in in_source),
                   key=lambda n: n.start)
    for number in sorted(missing, key=lambda n: n.start):
        instead = next((n for n in extra if _alike(n, number)), None)
        if instead is None:
            yield Problem(NUMBER_MISMATCH, f"the source has {_shown(number)}, the translation does not",
                          source_span=(number.start, number.end))
        else:
            extra.remove(instead)
            yield Problem(NUMBER_MISMATCH, f"the source has {_shown(number)}, the translation has {_shown(instead)}",
                          source_span=(number.start, number.end), target_span=(instead.start, instead.end))
    for number in extra:
        yield Problem(NUMBER_MISMATCH, f"the translation has {_shown(number)}, the source does not",
                      target_span=(number.start, number.end))


def _unmatched(numbers: list[Number], available: dict[Key, list[Number]], present: set[Key]) -> list[Number]:
    """The source ``numbers`` that find no translation number; each takes the one it matches from ``available``.

    A quantity needs a translation number of its own; any other number is also
    satisfied by one already taken (a key in ``present``), and when missing is
    listed once however often the source repeats it.
    """
    unmatched: list[Number] = []
    listed: set[tuple[Key, ...]] = set()
    for number in numbers:
        if _take(number, available):
            continue
        if number.strict:
            unmatched.append(number)
        elif number.keys not in listed and present.isdisjoint(number.keys):
            listed.add(number.keys)
            unmatched.append(number)
    return unmatched


def _take(number: Number, available: dict[Key, list[Number]]) -> bool:
    """Take a translation number that ``number`` matches out of ``available``; whether there was one."""
    for key in number.keys:
        left = available.get(key)
        if left:
            left.pop()
            return True
    return False


def _alike(one: Number, other: Number) -> bool:
    return (one.keys[0][0] == MONTH) == (other.keys[0][0] == MONTH)


def _shown(number: Number) -> str:
    """2015 (15(平成27)年), November (11月), 16,000: the normalised value, then what is written if it differs.

    A number too long to be a quantity is shown in short only: what is written holds over a hundred digits.
    """
    value = describe(number.keys[0])
    if number.keys[0][0] == DIGITS:
        return value
    if number.text.replace(",", "") == value.replace(",", ""):
        return number.text
    return f"{value} ({number.text})"
