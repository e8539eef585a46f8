"""Reading the numbers of a Japanese sentence and of its English translation, normalised so they compare.

A number is read as one or more *keys*: ``("n", 2015)`` for a count, a day or
a calendar year, ``("fy", 2014)`` for a fiscal year, ``("month", 11)`` for a
month. Each reading keeps its span in the original (unfolded) text. A number
written with more than :data:`LONGEST_NUMBER` characters is no quantity, year
or count: its key is ``("digits", "999…9")``, its digits as a string, and it
matches only the same digits on the other side.

Japanese (:func:`read_japanese`):

- Text is folded first: full-width ASCII, dash variants and superscript digits
  become ASCII, Roman numeral characters (Ⅱ) become letters (II).
- Digits with commas and decimals, 万/億/兆/千 (1万6,000 = 16,000), kanji
  numerals (一万六千 = 16,000), circled numbers (① = 1), ordinals (第1回 = 1).
- Era years 明治/大正/昭和/平成/令和 with 元年: 平成27年 = 2015; a Western year
  given with one is the same year (15(平成27)年, 平成28年(2016年),
  1996(平成8)年); two-digit Western years (15, 08) are of the era's century.
  年度 makes a fiscal year (平成26(2014)年度 = FY2014). A pair that disagrees
  (15(平成26)年) is an :class:`EraConflict` and accepts either year.
- N月 is a month (1-12), N日 a day, N年 without an era a year, and with two
  digits either the count or the year of this century (15年 = 15 or 2015).
- Kanji numerals are numbers only before a counter (三つ, 二十人, 十一月) or
  after 第; words that contain them (一層, 一方, 唯一, 一部, 同一, 三か国,
  二国間, 三原則) are left alone, and a lone 一 counts only as 第一.
- Footnote markers that extraction recorded (…協定2(ACSA…) are not numbers.
- Latin tokens (ACM, F/A-18, SM-3, ALERT2014, 2+2) and cross references
  (図表II-4-2-3, 資料22, III部1章2節3項, 脚注4) are read whole; their digits
  are not numbers. A token is code-like: it begins with two capitals (ACM,
  IIA) or with a capital and has a digit, ``+`` or ``&`` in it (F-35B, S&TF);
  English words of the source (Alliance Coordination Mechanism) are the
  glossary's business.

English (:func:`read_english`):

- Digits with commas and decimals, with thousand/million/billion after them,
  ordinal suffixes (14th), fiscal years (FY2014, FY 2014, fiscal 2014, fiscal
  year 2014, FY2014-18), month names. Number words (one ... twenty-four,
  hundred, thousand, first, twice, five-year) only *satisfy* source numbers:
  they are never reported as extra. So are the digits of designators the
  source does not have (CTF-151) and a number right after a capitalised
  acronym (SM 3), and a "May" with no number beside it (it may be the verb).
- Footnote markers glued to the text (Agreement2, (ACSA)2, [2], ²) whose
  number extraction recorded are ignored, as are the source's Latin tokens
  (found case-sensitively, dash variants equal, "ALERT 2014" for ALERT2014,
  plurals allowed) and cross references (Fig. II-4-2-3, Reference 22,
  Part III, Chapter 1, Section 2-3, Footnote 4).

Cross references are written in English the way the Defense of Japan does:
図表II-4-2-3 is "Fig. II-4-2-3", 資料22 is "Reference 22", 脚注4 is
"Footnote 4" (or "note 4"), and a part/chapter/section chain names its part
and chapter, then joins section, subsection and item with hyphens:
III部1章2節3項 is "Part III, Chapter 1, Section 2-3", 3章2節3項8 is
"Chapter 3, Section 2-3-8".
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

Value = int | Decimal
Key = tuple[str, Value | str]

NUMBER = "n"
FISCAL_YEAR = "fy"
MONTH = "month"
DIGITS = "digits"

# Python refuses to turn more than 4,300 digits into an int or an int back into text (sys.int_max_str_digits;
# it may be set as low as 640), so a long enough digit run would crash the checks. No real quantity, year or
# count comes near 100 characters, so a longer number is kept as its digit string (key kind DIGITS) and
# compared as that: a translation that drops or changes it is still reported, and nothing is converted. The
# limit leaves room for 兆 and "trillion", which multiply a value by up to 10**12 before it is shown.
LONGEST_NUMBER = 100

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def describe(key: Key) -> str:
    """A key as a reader writes it: 2015, 16,000, FY2014, November, and 99999…99999 (4,301 digits)."""
    kind, value = key
    if kind == DIGITS:   # shortened: a message repeating thousands of digits helps nobody
        return f"{value[:5]}…{value[-5:]} ({sum(char.isdigit() for char in value):,} digits)"
    if kind == MONTH:
        return MONTH_NAMES[int(value) - 1]
    if kind == FISCAL_YEAR:
        return f"FY{value}"
    return f"{value:,}" if value >= 10000 else str(value)


class Number(NamedTuple):
    """A number as written in one text: ``text`` is ``original[start:end]``.

    ``keys`` are its accepted readings, the first the one shown. In the
    source, ``strict`` marks a quantity (a number with a counter: 16,000人,
    4回), which needs its own number in the translation even when the source
    repeats it. In the translation, ``reportable`` is false for readings that
    may satisfy a source number but are never reported as extra.
    """

    keys: tuple[Key, ...]
    start: int
    end: int
    text: str
    strict: bool = False
    reportable: bool = True


class EraConflict(NamedTuple):
    """An era year and the Western year written with it that are not the same year."""

    start: int
    end: int
    text: str
    western: int
    era_year: int


class Reference(NamedTuple):
    """A cross reference: ``kind`` is figure, reference, section or footnote; ``english`` its house form."""

    kind: str
    english: str
    start: int
    end: int
    text: str


class LatinToken(NamedTuple):
    """A Latin-script token: folded (ＳＭ－３ is SM-3) in a source, as written in a translation."""

    text: str
    start: int
    end: int


class JapaneseReading(NamedTuple):
    numbers: tuple[Number, ...] = ()
    tokens: tuple[LatinToken, ...] = ()
    references: tuple[Reference, ...] = ()
    era_conflicts: tuple[EraConflict, ...] = ()


class EnglishReading(NamedTuple):
    """What a translation has: numbers in digits or month names, and the source's tokens and references.

    Number words are read only when asked for (:func:`number_words`): they
    matter only when a source number has no match in digits.
    """

    numbers: tuple[Number, ...]
    tokens: dict[str, tuple[int, int]]          # source token -> where the translation has it
    token_variants: dict[str, LatinToken]       # source token -> what the translation has instead (Alert 2014)
    references: dict[str, tuple[int, int]]      # house form of a source reference -> where it is
    other_references: tuple[Reference, ...]     # reference-like phrases that are no house form asked for
    folded: str                                 # the folded translation, for number_words
    origin: list[int] | None
    text: str


# ---- folding ----------------------------------------------------------------

# Circled numbers ① to ㊿.
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}
_CIRCLED.update({chr(0x3251 + i): i + 21 for i in range(15)})
_CIRCLED.update({chr(0x32B1 + i): i + 36 for i in range(15)})
_CIRCLED_CLASS = "\u2460-\u2473\u3251-\u325f\u32b1-\u32bf"


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({code: "-" for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63)})
    table.update({0x3000: " ", 0x00A0: " ", 0x202F: " "})
    table.update({ord(sup): str(digit) for digit, sup in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")})
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    table.update({0x2160 + i: roman for i, roman in enumerate(romans)})
    table.update({0x2170 + i: roman.lower() for i, roman in enumerate(romans)})
    return table


_FOLD = _fold_table()
_FOLDABLE = re.compile("[" + "".join(sorted(map(chr, _FOLD))) + "]")
# English also writes circled numbers; they read as the list numbers they are: ① is (1).
_ENGLISH_FOLD = {**_FOLD, **{ord(char): f"({value})" for char, value in _CIRCLED.items()}}
_ENGLISH_FOLDABLE = re.compile("[" + "".join(sorted(map(chr, _ENGLISH_FOLD))) + "]")


def fold(text: str, english: bool = False) -> tuple[str, list[int] | None]:
    """``text`` with widths, dashes, superscripts and Roman numeral characters folded to ASCII.

    In English, circled numbers become list numbers (① is "(1)"). The second
    value maps each folded character to its original index (plus one past the
    end); it is None when folding kept every offset, as it does unless a Roman
    numeral character (Ⅱ) or, in English, a circled number is present.
    """
    table, foldable = (_ENGLISH_FOLD, _ENGLISH_FOLDABLE) if english else (_FOLD, _FOLDABLE)
    if text.isascii() or foldable.search(text) is None:
        return text, None
    folded = text.translate(table)
    if len(folded) == len(text):
        return folded, None
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(table.get(ord(char), char)))
    origin.append(len(text))
    return folded, origin


def _span(origin: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if origin is None:
        return start, end
    return origin[start], origin[end - 1] + 1


def _scan(starts: re.Pattern, pattern: re.Pattern, text: str) -> list[re.Match]:
    """What ``pattern.finditer(text)`` finds, several times faster: ``starts`` (literals only, which the regex
    engine searches for in one sweep) finds the places where a match of ``pattern`` can begin."""
    matches = []
    search, match_at = starts.search, pattern.match
    candidate = search(text)
    while candidate is not None:
        match = match_at(text, candidate.start())
        if match is None:
            candidate = search(text, candidate.start() + 1)
        else:
            matches.append(match)
            candidate = search(text, match.end())
    return matches


def _literals(*words: str) -> re.Pattern:
    return re.compile("|".join(re.escape(word) for word in words))


# ---- Japanese -----------------------------------------------------------------

_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_KANJI_TO_ASCII = str.maketrans({kanji: str(digit) for kanji, digit in _KANJI_DIGITS.items()})

_DATE_COUNTERS = ("年度", "年", "月", "日")
# Counters after which a kanji numeral is a number; か国 is left out on purpose (三か国 = trilateral).
_KANJI_COUNTERS = (*_DATE_COUNTERS, "年間", "か月", "ヶ月", "カ月", "ケ月", "箇月", "日間", "週間", "時間",
                   "人", "名", "回", "件", "機", "隻", "両", "台", "個", "つ", "倍", "割", "%", "パーセント")
_COUNTERS = (*_KANJI_COUNTERS, "か国", "ヶ国", "カ国", "か所", "ヶ所", "カ所", "箇所", "基", "発", "門", "歳",
             "円", "ドル", "トン", "キロ")
_QUANTITY_COUNTERS = frozenset(_COUNTERS) - frozenset(_DATE_COUNTERS)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_ERA = "明治|大正|昭和|平成|令和"
_RANGE = "[〜~-]"
_ERA_NUMBER = "元|[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_DIGITS = r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?"
_DIGIT_NUMBER = f"{_DIGITS}(?:[万億兆千](?:{_DIGITS})?)*"
_KANJI_NUMBER = "[〇一二三四五六七八九十百千][〇一二三四五六七八九十百千万億兆]*"
_SECTIONS = r"(?:第?[0-9]+節(?:第?[0-9]+項[0-9]*)?)?"

# One scan finds everything. Each alternative starts with a literal or a character class, so the regex
# engine skips it in one step where it cannot match; its kind is the empty group at its end.
_JAPANESE = re.compile(
    # cross references: 図表II-4-2-3, 資料22, 脚注4, III部1章2節3項, 3章2節3項8
    r"図表\s?(?:[IVX]+|[0-9]+)(?:-[0-9]+)+(?P<figure>)"
    r"|資料\s?[0-9]+(?P<reference>)"
    r"|脚注\s?[0-9]+(?P<footnote>)"
    rf"|[IVX]+部(?![隊門品分局署会員])(?:第?[0-9]+章)?{_SECTIONS}(?P<chain>)"
    rf"|[0-9]+章{_SECTIONS}(?P<chapter_chain>)"
    # era years: 15(平成27)年, 1996(平成8)年, 2016年(平成28年), 平成26(2014)年度, 平成28年(2016年), 平成29年度,
    # and ranges: 平成26～30年度, 2014～2018年度
    rf"|[0-9][0-9](?:[0-9][0-9])?\((?P<we_era>{_ERA})(?P<we_number>{_ERA_NUMBER})(?:年度?\)(?:年度?)?|\)年度?)"
    r"(?P<western_era>)"
    rf"|[0-9]{{4}}年度?\((?P<ye_era>{_ERA})(?P<ye_number>{_ERA_NUMBER})年度?\)(?P<year_era>)"
    rf"|[明大昭平令][治正和成](?P<range_first>{_ERA_NUMBER})(?:年度?)?{_RANGE}(?:{_ERA})?(?P<range_last>{_ERA_NUMBER})"
    r"年度?(?P<era_range>)"
    rf"|[明大昭平令][治正和成](?P<ew_number>{_ERA_NUMBER})"
    r"(?:\((?P<ew_year>[0-9]{4})年?\)年度?|年度?(?:\((?P<ew_year2>[0-9]{4})年度?\))?)?(?P<era_western>)"
    rf"|[0-9]{{4}}(?:年度?)?{_RANGE}[0-9]{{2,4}}年度?(?P<year_range>)"
    rf"|[0-9]{{1,2}}(?:月)?{_RANGE}[0-9]{{1,2}}月(?P<month_range>)"
    # designators made of digits only, and code-like Latin tokens: letters and digits joined by - / + & ., that
    # begin with two capitals (ACM, IIA) or have a digit, + or & (F-35B, S&TF); words (Alliance) are no tokens
    r"|[0-9]+\+[0-9]+(?P<plus>)"
    r"|(?<![A-Za-z0-9])[A-Z](?=[A-Z]|[A-Za-z0-9/+&.-]*[0-9+&])[A-Za-z0-9]*(?:[-/+&.][A-Za-z0-9]+)*(?P<token>)"
    # numbers: 1万6,000人, 第151, 第1回, 三つ, 十一月, ①
    # (atomic, so that 第12章 is not taken for 第1 followed by 2章: chapters are read by the alternatives above)
    rf"|第(?>{_DIGIT_NUMBER}|{_KANJI_NUMBER})(?!章)(?P<ordinal_counter>{_alternatives(_COUNTERS)})?(?P<ordinal>)"
    rf"|{_DIGIT_NUMBER}(?P<digits_counter>{_alternatives(_COUNTERS)})?(?P<digits>)"
    rf"|{_KANJI_NUMBER}(?P<kanji_counter>{_alternatives(_KANJI_COUNTERS)})(?P<kanji>)"
    rf"|[{_CIRCLED_CLASS}](?P<circled>)")
# Where a match of _JAPANESE can begin: the first characters of its alternatives.
_JAPANESE_STARTS = _literals("図表", "資料", "脚注", *_ERAS, "第", *"0123456789", *map(chr, range(65, 91)),
                             *"〇一二三四五六七八九十百千", *_CIRCLED)
_CHAIN = re.compile(r"(?:(?P<part>[IVX]+)部)?(?:第?(?P<chapter>[0-9]+)章)?"
                    r"(?:第?(?P<section>[0-9]+)節(?:第?(?P<subsection>[0-9]+)項(?P<item>[0-9]+)?)?)?")
_ERA_KINDS = {"western_era": "we", "year_era": "ye", "era_western": "ew"}
_COUNTER_GROUPS = {"digits": "digits_counter", "ordinal": "ordinal_counter", "kanji": "kanji_counter"}
_DIGIT_RUN = re.compile(r"[0-9]+")

_NUMBER_PIECE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[^0-9]")
_NOT_ORDINAL_AFTER = ("線", "人者")   # 第一線 (front line), 第一人者 (leading figure)
# Where a footnote marker may be glued to the text (document.py finds markers the same way).
_MARKER_BEFORE = frozenset("」』)】〕")
_MARKER_AFTER = frozenset("(「」『』【〔、。をがはのとにでもやへ")


def japanese_number_value(text: str) -> Value | str:
    """The value of a Japanese number: digits, commas, kanji numerals and 十/百/千/万/億/兆 (1万6,000 = 16000).

    A number longer than LONGEST_NUMBER characters, commas aside (as the English side counts), is
    returned as its digits, a string (九九…九 is 99…9).
    """
    digits = text.replace(",", "")
    if len(digits) > LONGEST_NUMBER:
        return digits.translate(_KANJI_TO_ASCII)
    if text.isdigit() and text.isascii():
        return int(text)
    total: Value = 0
    section: Value = 0
    current: Value | None = None
    for piece in _NUMBER_PIECE.findall(text):
        if piece[0] in "0123456789":
            current = _number(piece.replace(",", ""))
        elif piece in _KANJI_DIGITS:
            current = (current or 0) * 10 + _KANJI_DIGITS[piece]
        elif piece in _SMALL_UNITS:
            section += (1 if current is None else current) * _SMALL_UNITS[piece]
            current = None
        elif piece in _BIG_UNITS:
            section += current or 0
            total += (section or 1) * _BIG_UNITS[piece]
            section, current = 0, None
    return _whole(total + section + (current or 0))


def _number(digits: str) -> Value | str:
    """The value of ASCII digits with or without a decimal part; a run too long to be a quantity stays a string."""
    if len(digits) > LONGEST_NUMBER:
        return digits
    return Decimal(digits) if "." in digits else int(digits)


def _number_key(value: Value | str) -> Key:
    """The key of a count, or of the digit string a number too long to be one is compared as."""
    return (DIGITS, value) if isinstance(value, str) else (NUMBER, value)


def _whole(value: Value) -> Value:
    return int(value) if value == int(value) else value


def _era_year(era: str, number: str) -> int:
    return _ERAS[era] + (1 if number == "元" else int(japanese_number_value(number)))


def _western(written: str, near: int) -> int:
    """A Western year as written: 1996, or two digits (15, 08) meaning the year of that century nearest ``near``."""
    year = int(written)
    if len(written) > 2:
        return year
    latest = near - (near - year) % 100   # the latest year not after ``near`` that ends in these two digits
    return latest + 100 if near - latest > 50 else latest


def _two_digit_year(year: int) -> int:
    return 2000 + year if year < 50 else 1900 + year


_NOTHING_READ = JapaneseReading()


def read_japanese(text: str, markers: tuple[int, ...] = ()) -> JapaneseReading:
    """The numbers, Latin tokens, cross references and era-year conflicts of a Japanese text.

    ``markers`` are the footnote numbers extraction recorded for the text.
    """
    folded, origin = fold(text)
    pending_markers = list(markers)
    numbers: list[Number] = []
    tokens: list[LatinToken] = []
    references: list[Reference] = []
    conflicts: list[EraConflict] = []
    for match in _scan(_JAPANESE_STARTS, _JAPANESE, folded):
        kind = match.lastgroup
        start, end = match.span() if origin is None else _span(origin, *match.span())
        if kind == "token":
            tokens.append(LatinToken(match.group(), start, end))
        elif kind in _COUNTER_GROUPS:
            number = _japanese_number(match, kind, folded, text[start:end], start, end, pending_markers)
            if number is not None:
                numbers.append(number)
        elif kind in _ERA_KINDS:
            numbers.extend(_era_numbers(match, _ERA_KINDS[kind], text[start:end], start, end, conflicts))
        elif kind in ("era_range", "year_range"):
            numbers.extend(_year_range(match, kind, text[start:end], start, end))
        elif kind == "month_range":
            numbers.extend(_month_range(match.group(), text[start:end], start, end))
        elif kind == "circled":
            numbers.append(Number(((NUMBER, _CIRCLED[match.group()]),), start, end, text[start:end]))
        elif kind == "plus":
            tokens.append(LatinToken(match.group(), start, end))
        elif folded[match.start() - 1:match.start()] == "第" and kind in ("chain", "chapter_chain"):
            start -= 1   # the scan does not take 第 for an ordinal before 部 or 章
            if kind == "chain":   # 第II部
                references.append(_reference(match.group(), kind, start, end, text[start:end]))
            else:   # 第7章 names a chapter of another document (国連憲章第7章): it is an ordinal
                chapter = _number(match.group()[:match.group().index("章")])
                numbers.append(Number((_number_key(chapter),), start, end, text[start:end]))
        else:
            references.append(_reference(match.group(), kind, start, end, text[start:end]))
    if not (numbers or tokens or references):
        return _NOTHING_READ
    return JapaneseReading(tuple(numbers), tuple(tokens), tuple(references), tuple(conflicts))


def _japanese_number(match: re.Match, kind: str, folded: str, written: str, start: int, end: int,
                     pending_markers: list[int]) -> Number | None:
    counter = match.group(_COUNTER_GROUPS[kind])
    ordinal = kind == "ordinal"
    body = match.group()[1 if ordinal else 0:len(match.group()) - len(counter or "")]
    if body[0] in _KANJI_DIGITS or body[0] in _SMALL_UNITS:
        date_after_date = counter in ("月", "日") and folded[match.start() - 1:match.start()] in ("年", "月")
        if body == "一" and not (ordinal or date_after_date) or folded[match.start() - 1:match.start()] == "数":
            return None
        if ordinal and folded.startswith(_NOT_ORDINAL_AFTER, match.start() + 1 + len(body)):
            return None
    value = japanese_number_value(body)
    if isinstance(value, str):   # too long for a quantity, date or marker: compared as its digits
        return Number(((DIGITS, value),), start, end, written, not ordinal and counter in _QUANTITY_COUNTERS)
    if kind == "digits" and counter is None and (folded.startswith("国間", match.end()) or pending_markers
                                                  and _is_marker(match, folded, value, pending_markers)):
        return None   # 2国間 is bilateral, not a number; a footnote marker is none either
    if counter == "割":   # 3割 is 30 percent
        return Number(((NUMBER, value * 10), (NUMBER, value)), start, end, written, True)
    if counter == "年度":
        return Number(((FISCAL_YEAR, _two_digit_year(value) if value < 100 else value),), start, end, written)
    if counter == "年" and len(body) == 2 and body.isdigit():
        return Number(((NUMBER, value), (NUMBER, _two_digit_year(value))), start, end, written)
    if counter == "月" and 1 <= value <= 12:
        return Number(((MONTH, value),), start, end, written)
    return Number(((NUMBER, value),), start, end, written, not ordinal and counter in _QUANTITY_COUNTERS)


def _is_marker(match: re.Match, folded: str, value: Value, pending_markers: list[int]) -> bool:
    """A digit run glued to the text that extraction recorded as a footnote marker (…協定2(ACSA…)."""
    if value not in pending_markers or match.group().startswith("0"):
        return False
    before = folded[match.start() - 1] if match.start() else " "
    after = folded[match.end()] if match.end() < len(folded) else ""
    glued = before in _MARKER_BEFORE or "\u3040" <= before <= "\u9fff" or before in "々〆〇"
    if glued and (not after or after in _MARKER_AFTER):
        pending_markers.remove(value)
        return True
    return False


def _era_numbers(match: re.Match, prefix: str, written: str, start: int, end: int,
                 conflicts: list[EraConflict]) -> list[Number]:
    """The year of an era year, adding to ``conflicts`` when a Western year is written with it and disagrees."""
    matched = match.group()
    era = matched[:2] if prefix == "ew" else match.group(f"{prefix}_era")
    if era not in _ERAS:   # 平和 (peace) and the like
        return []
    era_year = _era_year(era, match.group(f"{prefix}_number"))
    key_kind = FISCAL_YEAR if "年度" in matched else NUMBER
    if prefix == "we":
        year_text = matched[:matched.index("(")]
    elif prefix == "ye":
        year_text = matched[:4]
    else:
        year_text = match.group("ew_year") or match.group("ew_year2")
    western = era_year if year_text is None else _western(year_text, era_year)
    if western == era_year:
        return [Number(((key_kind, western),), start, end, written)]
    conflicts.append(EraConflict(start, end, written, western, era_year))
    return [Number(((key_kind, western), (key_kind, era_year)), start, end, written)]


def _month_range(matched: str, written: str, start: int, end: int) -> list[Number]:
    """The first and last month of 1～3月."""
    return [Number(((MONTH, month) if 1 <= month <= 12 else (NUMBER, month),), start, end, written)
            for month in map(int, _DIGIT_RUN.findall(matched))]


def _year_range(match: re.Match, kind: str, written: str, start: int, end: int) -> list[Number]:
    """The first and last year of 平成26～30年度 or 2014～18年度; fiscal years when 年度 ends the range."""
    key_kind = FISCAL_YEAR if match.group().endswith("年度") else NUMBER
    if kind == "era_range":
        era = match.group()[:2]
        if era not in _ERAS:
            return []
        first, last = _era_year(era, match.group("range_first")), _era_year(era, match.group("range_last"))
    else:
        first_text, last_text = _DIGIT_RUN.findall(match.group())
        first = int(first_text)
        last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    return [Number(((key_kind, first),), start, end, written), Number(((key_kind, last),), start, end, written)]


def _reference(matched: str, kind: str, start: int, end: int, written: str) -> Reference:
    if kind == "figure":
        return Reference("figure", f"Fig. {matched[2:].strip()}", start, end, written)
    if kind == "reference":
        return Reference("reference", f"Reference {matched[2:].strip()}", start, end, written)
    if kind == "footnote":
        return Reference("footnote", f"Footnote {matched[2:].strip()}", start, end, written)
    chain = _CHAIN.match(matched)
    parts = []
    if chain.group("part"):
        parts.append(f"Part {chain.group('part')}")
    if chain.group("chapter"):
        parts.append(f"Chapter {chain.group('chapter')}")
    section = [n for n in (chain.group("section"), chain.group("subsection"), chain.group("item")) if n]
    if section:
        parts.append(f"Section {'-'.join(section)}")
    return Reference("section", ", ".join(parts), start, end, written)


# ---- English -------------------------------------------------------------------

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_UNIT_ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TEN_ORDINALS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
_WORD_VALUES = {**{word: value for value, word in enumerate(_UNITS)},
                **{word: value for value, word in enumerate(_UNIT_ORDINALS)},
                **dict(zip(_TENS, range(20, 100, 10))), **dict(zip(_TEN_ORDINALS, range(20, 100, 10))),
                "once": 1, "twice": 2, "thrice": 3, "single": 1, "dozen": 12, "double": 2, "doubled": 2,
                "twofold": 2, "triple": 3, "tripled": 3, "threefold": 3, "bilateral": 2, "trilateral": 3,
                "quadrilateral": 4}
_WORD_SCALES = {"hundred": 100, "hundredth": 100, "thousand": 1000, "thousandth": 1000,
                "million": 10**6, "billion": 10**9, "trillion": 10**12}
# "a year", "a month": the 1 of 1年間 and 1か月
_A_UNIT = re.compile(r"\ban? (?=(?:year|month|week|day|hour)s?\b)")
# Lower-cased text is searched for number words; those that make one number (twenty-four) are put together.
_ENGLISH_WORD = re.compile(_alternatives((*_WORD_VALUES, *_WORD_SCALES)))
_WORD_JOINERS = ("-", " ", " and ")

_MONTHS = {name: index + 1 for index, name in enumerate(MONTH_NAMES)}
_MONTHS.update({"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8,
                "Sep.": 9, "Sept.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12})
_SECTION_TAIL = r"(?:,?\sSection\s[0-9]+(?:-[0-9]+)*)?"

# As for _JAPANESE, each alternative starts with a literal or a class; word starts are checked in Python.
# Lower-case phrases (fiscal 2014, note 4) are recognised from the digits, by what comes before them.
_ENGLISH = re.compile(
    r"FY\s?[0-9]{4}(?P<fy>)"
    r"|[0-9]{4}\s[Ff]iscal\s[Yy]ear(?P<fiscal_after>)"
    r"|Fig(?:ure)?s?\.?\s?(?:[IVX]+|[0-9]+)(?:-[0-9]+)+(?P<figure>)"
    r"|References?\s[0-9]+(?![0-9])(?P<reference>)"
    rf"|Part\s(?:[IVX]+|[0-9]+)(?![A-Za-z])(?:,?\sChapter\s[0-9]+)?{_SECTION_TAIL}(?P<section>)"
    rf"|Chapter\s[0-9]+{_SECTION_TAIL}(?P<chapter>)"
    r"|Chapter\s[IVX]+(?![A-Za-z])(?P<chapter_roman>)"
    r"|Section\s[0-9]+(?:-[0-9]+)*(?P<section_only>)"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])(?P<grouped>)"
    r"|[0-9][A-Za-z0-9]*(?:[-/+.][A-Za-z0-9]+)*(?P<digits>)"
    r"|[JFMASOND](?:anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|ctober|ovember|ecember"
    r"|an\.|eb\.|ar\.|pr\.|un\.|ul\.|ug\.|ept?\.|ct\.|ov\.|ec\.)(?![a-z])(?P<month>)")
# Where a match of _ENGLISH can begin: digits and capitals, which are rare enough to be found fast.
_ENGLISH_STARTS = _literals("FY", "Fig", "Reference", "Part", "Chapter", "Section", *"0123456789", *sorted(_MONTHS))
_REFERENCE_KINDS = {"figure": "figure", "reference": "reference", "section": "section", "chapter": "section",
                    "section_only": "section"}
_WORD_START_KINDS = frozenset(_REFERENCE_KINDS) | {"fy", "month", "chapter_roman"}
_FISCAL_BEFORE = ("fiscal ", "Fiscal ", "fiscal year ", "Fiscal year ", "Fiscal Year ", "fiscal years ",
                  "Fiscal years ", "FY ")
_NOTE_BEFORE = ("note ", "Note ", "notes ", "Notes ", "footnote ", "Footnote ", "footnotes ", "Footnotes ")
_YEAR_RANGE_AFTER = re.compile(r"\s?(?:-|to|through|and)\s?(?:FY\s?)?([0-9]{4}|(?<=-)[0-9]{2})(?![0-9])")
_TOKEN_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)[a-z]*")
_SCALES = (" thousand", " million", " billion", " trillion")
# Where a footnote number may be glued: a word, a bracket, a quote or a sentence stop (Agreement2, (ACSA)2, ”5, .3).
_MARKER_GLUE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ)]\"'”’.")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_ALNUM = _LETTERS | frozenset("0123456789")


def read_english(text: str, markers: tuple[int, ...] = (), tokens: tuple[str, ...] = (),
                 references: tuple[str, ...] = ()) -> EnglishReading:
    """The numbers of an English text, and where it has each of ``tokens`` and ``references``.

    ``markers`` are the footnote numbers of the source, ``tokens`` its Latin
    tokens and ``references`` the house forms of its cross references.
    """
    folded, origin = fold(text, english=True)
    masks: list[tuple[int, int]] = []   # the source's designators and references: their digits are no numbers
    found_tokens: dict[str, tuple[int, int]] = {}
    token_variants: dict[str, LatinToken] = {}
    for token in tokens:
        where = find_token(folded, token)
        if where is None:
            variant = _token_pattern(token, True).search(folded)
            if variant is not None:
                where = variant.span()
                start, end = _span(origin, *where)
                token_variants[token] = LatinToken(text[start:end], start, end)
        else:
            found_tokens[token] = _span(origin, *where)
        if where is not None and not token.isalpha():
            masks.append(where)
    found_references: dict[str, tuple[int, int]] = {}
    for english in references:
        where = _find_reference(folded, english)
        if where is not None:
            found_references[english] = _span(origin, *where)
            masks.append(where)
    numbers, others = _english_numbers(folded, origin, text, masks, list(markers))
    return EnglishReading(tuple(numbers), found_tokens, token_variants, found_references, tuple(others),
                          folded, origin, text)


def _english_numbers(folded: str, origin: list[int] | None, text: str, masks: list[tuple[int, int]],
                     pending_markers: list[int]) -> tuple[list[Number], list[Reference]]:
    numbers: list[Number] = []
    others: list[Reference] = []

    def add(key: Key, start: int, end: int, reportable: bool = True) -> None:
        if origin is not None:
            start, end = _span(origin, start, end)
        numbers.append(Number((key,), start, end, text[start:end], False, reportable))

    read_to = 0   # a fiscal-year range reads on past its match
    for match in _scan(_ENGLISH_STARTS, _ENGLISH, folded):
        kind = match.lastgroup
        start, end = match.span()
        if start < read_to or kind in _WORD_START_KINDS and start and folded[start - 1] in _ASCII_ALNUM:
            continue
        if masks and any(s < end and start < e for s, e in masks):
            continue
        if kind == "digits":
            # A run too long to be a year is no fiscal year; _add_digits compares its digits as a string.
            if folded.endswith(_FISCAL_BEFORE, 0, start) and end - start <= LONGEST_NUMBER:
                read_to = _add_fiscal_years(match, folded, add)
            elif folded.endswith(_NOTE_BEFORE, 0, start) and _starts_word(folded, _word_before(folded, start)):
                start, end = _span(origin, _word_before(folded, start), end)
                others.append(Reference("footnote", text[start:end], start, end, text[start:end]))
            else:
                _add_digits(match.group(), start, folded, add, pending_markers)
        elif kind == "month":
            name = match.group()
            if name in _MONTHS:
                add((MONTH, _MONTHS[name]), start, end, name != "May" or _number_beside(folded, start, end))
        elif kind == "grouped":
            value, end = _scaled(_number(match.group().replace(",", "")), folded, end)
            add(_number_key(value), start, end)
        elif kind == "fy":
            read_to = _add_fiscal_years(match, folded, add)
        elif kind == "fiscal_after":
            add((FISCAL_YEAR, int(match.group()[:4])), start, end)
        elif kind == "chapter_roman":   # Chapter VII (of the UN Charter) for 第7章
            add((NUMBER, _roman_value(match.group()[8:])), start + 8, end, False)
        else:
            start, end = _span(origin, start, end)
            others.append(Reference(_REFERENCE_KINDS[kind], text[start:end], start, end, text[start:end]))
    return numbers, others


def _roman_value(numeral: str) -> int:
    values = [{"I": 1, "V": 5, "X": 10}[char] for char in numeral]
    return sum(-value if value < following else value for value, following in zip(values, [*values[1:], 0]))


def _starts_word(folded: str, start: int) -> bool:
    return not start or folded[start - 1] not in _LETTERS


def _word_before(folded: str, start: int) -> int:
    """Where the word before the space before ``start`` begins (the "note" of "note 4")."""
    return folded.rfind(" ", 0, start - 1) + 1


def _add_fiscal_years(match: re.Match, folded: str, add) -> int:
    """FY2014, fiscal 2014, and the ranges FY2014-18, FY2014-FY2018, fiscal 2014 to 2018: fiscal years each.

    Returns where the reading ends.
    """
    start, end = match.span()
    years = _DIGIT_RUN.findall(match.group())
    last = _YEAR_RANGE_AFTER.match(folded, end)
    if last is not None:
        years.append(last.group(1))
        end = last.end()
    first = int(years[0])
    for year in years:
        add((FISCAL_YEAR, int(year) if len(year) == 4 else first // 100 * 100 + int(year)), start, end)
    return end


def _add_digits(token: str, start: int, folded: str, add, pending_markers: list[int]) -> None:
    """The numbers of a run that starts with a digit: 2015, 14th, 2014-2018, 24-hour; designator digits satisfy only."""
    before = folded[start - 1] if start else " "
    if (before in _LETTERS or before in "-/" and folded[start - 2:start - 1] in _LETTERS or "+" in token
            or not token.isdigit() and any(char in _CAPITALS for char in token)
            or before == " " and folded[start - 2:start - 1] in _CAPITALS and folded[start - 3:start - 2] in _CAPITALS):
        marker = _number(token) if token.isdigit() else None   # a too-long run is a string, never a marker
        if pending_markers and marker in pending_markers and before in _MARKER_GLUE:
            pending_markers.remove(marker)
            return
        for digits in _DIGIT_RUN.finditer(token):
            add(_number_key(_number(digits.group())), start + digits.start(), start + digits.end(), False)
        return
    if token.isdigit():
        value = _number(token)
        if pending_markers and value in pending_markers and _is_english_marker(folded, start, len(token)):
            pending_markers.remove(value)
            return
        value, end = _scaled(value, folded, start + len(token))
        add(_number_key(value), start, end)
        return
    offset = start
    for part in re.split("([-/])", token):
        number = _TOKEN_PART.fullmatch(part)
        if number:
            value, end = _number(number.group(1)), offset + len(part)
            if end == start + len(token):
                value, end = _scaled(value, folded, end)
            add(_number_key(value), offset, end)
        offset += len(part)


def _is_english_marker(folded: str, start: int, length: int) -> bool:
    """A footnote number glued to what it annotates ((ACSA)2, ”5, .3) or in brackets ([2])."""
    before = folded[start - 1] if start else " "
    return before in _MARKER_GLUE or before == "[" and folded[start + length:start + length + 1] == "]"


def _number_beside(folded: str, start: int, end: int) -> bool:
    """Whether a number is written right before or after ``folded[start:end]`` (May 2015, 14 May)."""
    return folded[end + 1:end + 2].isdigit() or folded[max(start - 2, 0):start - 1].isdigit()


def _scaled(value: Value | str, folded: str, end: int) -> tuple[Value | str, int]:
    """``value`` times a following thousand/million/billion, and the new end; a digit string is left as it is."""
    if isinstance(value, str) or not folded.startswith(_SCALES, end):
        return value, end
    word = folded[end + 1:].split(None, 1)[0]
    if word not in _WORD_SCALES:
        return value, end
    return _whole(value * _WORD_SCALES[word]), end + 1 + len(word)


def number_words(reading: EnglishReading) -> list[Number]:
    """The numbers written in words (four, twenty-four, first, twice, one hundred and forty) in a translation.

    They may satisfy source numbers but are never reported as extra.
    """
    lowered = reading.folded.lower()
    if len(lowered) != len(reading.folded):
        return []
    words: list[tuple[int, int, str]] = []   # start, end, last word
    for match in _ENGLISH_WORD.finditer(lowered):
        start, end = match.span()
        if (start and lowered[start - 1].isalpha()) or lowered[end:end + 1].isalpha():
            continue
        word = match.group()
        if words and lowered[words[-1][1]:start] in _WORD_JOINERS and _compound(words[-1][2], word):
            words[-1] = (words[-1][0], end, word)
        else:
            words.append((start, end, word))
    words.extend((match.start(), match.start() + 1, "one") for match in _A_UNIT.finditer(lowered))
    numbers = []
    for start, end, last in words:
        value = english_words_value(lowered[start:end]) if end - start > 1 else _WORD_VALUES[last]
        start, end = _span(reading.origin, start, end)
        numbers.append(Number(((NUMBER, value),), start, end, reading.text[start:end], False, False))
    return numbers


def _compound(previous: str, word: str) -> bool:
    """Whether ``word`` continues the number that ``previous`` ends: twenty-four, one hundred, hundred and forty."""
    if word in _WORD_SCALES:
        return previous not in _WORD_SCALES or _WORD_SCALES[previous] < _WORD_SCALES[word]
    if previous in _WORD_SCALES:
        return True
    return previous in _TENS and 0 < _WORD_VALUES[word] < 10


def english_words_value(words: str) -> int:
    """The value of English number words: twenty-four = 24, one hundred and forty = 140, sixteen thousand."""
    total = section = 0
    for word in re.split(r"[-\s]+", words.lower()):
        if word in _WORD_VALUES:
            section += _WORD_VALUES[word]
        elif word in ("hundred", "hundredth"):
            section = (section or 1) * 100
        elif word in _WORD_SCALES:
            total += (section or 1) * _WORD_SCALES[word]
            section = 0
    return total + section


def find_token(text: str, token: str) -> tuple[int, int] | None:
    """Where folded ``text`` has the Latin ``token`` as a whole token, or None.

    Case-sensitive; a plural or possessive may follow (F-35Bs, ACM's), a
    footnote number may follow a token ending in a letter (ACSA2), and where
    the token runs letters into digits a space or hyphen may part them
    (ALERT2014 = ALERT 2014).
    """
    at = text.find(token)
    while at != -1:
        if _token_bounded(text, token, at):
            return at, at + len(token)
        at = text.find(token, at + 1)
    match = _token_pattern(token, False).search(text)
    return match.span() if match else None


def _token_bounded(text: str, token: str, at: int) -> bool:
    if at and text[at - 1] in _ASCII_ALNUM:
        return False
    end = at + len(token)
    after = text[end:end + 1]
    if not after or after not in _ASCII_ALNUM:
        return True
    if after == "s" and text[end + 1:end + 2] not in _ASCII_ALNUM:
        return True
    return token[-1].isalpha() and after.isdigit()


@lru_cache(maxsize=1024)
def _token_pattern(token: str, variant: bool) -> re.Pattern:
    """``token`` with a space or hyphen allowed where letters meet digits; a *variant* also ignores case
    and allows a space, hyphen or slash, or nothing, between any two of its letter and digit runs."""
    pieces = re.findall(r"[A-Za-z]+|[0-9]+|.", token)
    if variant:
        runs = [piece for piece in pieces if piece[0].isalnum()]
        pattern = "[ /-]?".join(map(re.escape, runs))
    else:
        pattern = re.escape(pieces[0])
        for previous, piece in pairwise(pieces):
            parted = previous[0].isalnum() and piece[0].isalnum()
            pattern += ("[ -]?" if parted else "") + re.escape(piece)
    return re.compile(rf"(?<![A-Za-z0-9]){pattern}(?:s|'s)?(?![A-Za-z0-9])", re.IGNORECASE if variant else 0)


@lru_cache(maxsize=1024)
def _reference_pattern(english: str) -> re.Pattern:
    """How the house form of a cross reference may be written: spacing and commas vary, Footnote may be note.

    The pattern starts with a literal (Fig, Part, Reference), which the regex engine finds fastest.
    """
    if english.startswith("Footnote "):
        return re.compile(rf"(?:[Ff]oot)?[Nn]otes?\s{english.split()[1]}(?![0-9])")
    pattern = re.escape(english).replace(r"\.\ ", r"\.\s*").replace(r",\ ", r",?\s+").replace(r"\ ", r"\s+")
    return re.compile(rf"{pattern}(?![0-9A-Za-z]|-[0-9])")


def _find_reference(text: str, english: str) -> tuple[int, int] | None:
    """Where folded ``text`` has the house form ``english`` of a cross reference, starting a word."""
    for match in _reference_pattern(english).finditer(text):
        if not match.start() or text[match.start() - 1] not in _LETTERS:
            return match.span()
    return None
