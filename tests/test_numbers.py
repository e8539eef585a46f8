"""Reading Japanese and English numbers, designators and references (yakugo.numbers), each rule both ways."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yakugo.numbers import (
    DIGITS,
    FISCAL_YEAR,
    LONGEST_NUMBER,
    MONTH,
    NUMBER,
    describe,
    english_words_value,
    find_token,
    fold,
    japanese_number_value,
    number_words,
    read_english,
    read_japanese,
)


def values(text: str, markers: tuple[int, ...] = ()) -> list[str]:
    """The numbers of a Japanese text as a reader would say them, accepted readings joined by |."""
    return ["|".join(describe(key) for key in number.keys) for number in read_japanese(text, markers).numbers]


def english(text: str, markers: tuple[int, ...] = (), tokens: tuple[str, ...] = ()) -> list[str]:
    """The reportable numbers of an English text."""
    return [describe(n.keys[0]) for n in read_english(text, markers, tokens).numbers if n.reportable]


def satisfying(text: str, tokens: tuple[str, ...] = ()) -> list[str]:
    """The numbers of an English text that only satisfy (designator digits, 'May', words)."""
    reading = read_english(text, (), tokens)
    return [describe(n.keys[0]) for n in (*reading.numbers, *number_words(reading)) if not n.reportable]


# ---- folding ------------------------------------------------------------------------

def test_folding_turns_full_width_forms_and_dashes_into_ascii_and_keeps_offsets():
    folded, origin = fold("ＳＭ－３（平成２７）‐５　x")
    assert folded == "SM-3(平成27)-5 x"
    assert origin is None


def test_folding_a_roman_numeral_character_maps_offsets_back():
    text = "図表Ⅱ-4-2-3"
    folded, origin = fold(text)
    assert folded == "図表II-4-2-3"
    assert [text[i] for i in origin[:4]] == ["図", "表", "Ⅱ", "Ⅱ"]
    [reference] = read_japanese(text).references
    assert text[reference.start:reference.end] == text and reference.english == "Fig. II-4-2-3"


def test_plain_text_is_not_copied():
    text = "no folding needed, 2015"
    assert fold(text)[0] is text


# ---- Japanese numbers ------------------------------------------------------------------

@pytest.mark.parametrize("written, value", [
    ("16,000", 16000), ("1万6,000", 16000), ("1万6000", 16000), ("3億5千万", 350_000_000), ("5千", 5000),
    ("一万六千", 16000), ("二千十五", 2015), ("二〇一五", 2015), ("十一", 11), ("二十七", 27), ("百四十", 140),
    ("1.5万", 15000), ("2.5", __import__("decimal").Decimal("2.5")),
])
def test_japanese_number_values(written, value):
    assert japanese_number_value(written) == value


def test_digits_with_commas_multipliers_and_full_width_digits_are_one_number():
    assert values("人員約1万6,000人、艦船約15隻") == ["16,000", "15"]
    assert values("人員約１万６，０００人") == ["16,000"]
    assert values("約140機") == ["140"]


def test_circled_numbers_are_numbers():
    assert values("①平時から、②日本国内で、⑳最後に") == ["1", "2", "20"]


def test_kanji_numerals_are_numbers_only_before_a_counter_or_after_dai():
    assert values("三つの空母打撃群と二十人の隊員が十一月に") == ["3", "20", "November"]
    assert values("第一に、第三者") == ["1", "3"]


@pytest.mark.parametrize("word", ["一層強化", "一方で", "唯一の", "一部の", "一体となって", "一環として", "同一の",
                                  "統一的な", "三か国及び多国間", "日米二国間", "多国間", "武器輸出三原則",
                                  "十分な", "一人ひとり", "九州西方", "四国", "第一線の部隊", "第一人者", "一日も早く",
                                  "千差万別", "万全の"])
def test_kanji_numerals_inside_words_are_not_numbers(word):
    assert values(word) == []


def test_era_years_are_western_years():
    assert values("平成27年") == ["2015"]
    assert values("平成元年") == ["1989"]
    assert values("令和元年") == ["2019"]
    assert values("昭和58年") == ["1983"]
    assert values("大正3年") == ["1914"]
    assert values("明治元年") == ["1868"]
    assert values("平成二十七年") == ["2015"]


def test_a_western_year_given_with_an_era_year_is_one_year():
    assert values("15(平成27)年11月") == ["2015", "November"]
    assert values("08(平成20)年3月") == ["2008", "March"]
    assert values("1996(平成8)年") == ["1996"]
    assert values("平成28年(2016年)熊本地震") == ["2016"]
    assert values("2016年(平成28年)") == ["2016"]
    assert values("１５（平成２７）年") == ["2015"]


def test_fiscal_years():
    assert values("平成26(2014)年度から平成30(2018)年度の5年間") == ["FY2014", "FY2018", "5"]
    assert values("昭和60(1985)年度以降") == ["FY1985"]
    assert values("平成29年度") == ["FY2017"]
    assert values("令和元年度") == ["FY2019"]
    assert values("2017年度") == ["FY2017"]
    assert values("17年度") == ["FY2017"]
    assert values("平成26～30年度") == ["FY2014", "FY2018"]


def test_an_era_year_and_a_western_year_that_disagree_are_a_conflict_accepting_either():
    reading = read_japanese("15(平成26)年11月")
    assert values("15(平成26)年11月") == ["2015|2014", "November"]
    [conflict] = reading.era_conflicts
    assert (conflict.text, conflict.western, conflict.era_year) == ("15(平成26)年", 2015, 2014)
    assert read_japanese("平成26(2015)年度").era_conflicts[0].text == "平成26(2015)年度"
    assert read_japanese("15(平成27)年").era_conflicts == ()


def test_a_year_without_an_era_is_a_year_and_two_digits_may_be_a_count_or_a_year():
    assert values("2016年") == ["2016"]
    assert values("15年のガイドライン") == ["15|2015"]
    assert values("5年間") == ["5"]


def test_months_days_and_month_counts():
    assert values("17(平成29)年4月14日に国会で承認され、同月25日に発効") == ["2017", "April", "14", "25"]
    assert values("3か月") == ["3"] and read_japanese("3か月").numbers[0].keys[0][0] == NUMBER
    assert read_japanese("11月").numbers[0].keys == ((MONTH, 11),)
    assert values("13月") == ["13"]


def test_ordinals():
    assert values("第1回日米宇宙協議") == ["1"]
    assert values("第151連合任務部隊") == ["151"]


def test_percentages_and_counts_are_quantities_but_dates_and_ordinals_are_not():
    reading = read_japanese("50%、50パーセント、計4回、1万6,000人、15(平成27)年11月3日、第1回、①")
    assert [(describe(n.keys[0]), n.strict) for n in reading.numbers] == [
        ("50", True), ("50", True), ("4", True), ("16,000", True), ("2015", False), ("November", False),
        ("3", False), ("1", False), ("1", False)]


def test_spans_point_at_what_is_written():
    text = "また、15(平成27)年4月の「2+2」において、計4回"
    for number in read_japanese(text).numbers:
        assert text[number.start:number.end] == number.text
    assert [n.text for n in read_japanese(text).numbers] == ["15(平成27)年", "4月", "4回"]


# ---- footnote markers ---------------------------------------------------------------------

def test_a_recorded_footnote_marker_glued_to_the_text_is_not_a_number():
    text = "日米物品役務相互提供協定2(ACSA:Acquisition and Cross-Servicing Agreement)による"
    assert values(text, (2,)) == []
    assert values(text) == ["2"]
    assert values("基本原則としている3", (3,)) == []
    assert values("構想(PSI)4」阻止訓練", (4,)) == []


def test_a_marker_number_is_still_a_number_where_it_is_not_glued_or_has_a_counter():
    assert values("計4回の会合", (4,)) == ["4"]
    assert values("(2)運用面の調整", (2,)) == ["2"]
    assert values("協定2(ACSA)と協定2(ACSA)", (2,)) == ["2"]


# ---- designators and Latin tokens ----------------------------------------------------------

def test_designators_are_tokens_and_their_digits_are_not_numbers():
    reading = read_japanese("米空軍B-1B爆撃機、B-52爆撃機、F-35B、F/A-18戦闘機、SM-3ブロックIIA、MV-22(24機)、「2+2」、"
                            "「みちのくALERT2014」、C-130輸送機、CH-47JA")
    assert [t.text for t in reading.tokens] == ["B-1B", "B-52", "F-35B", "F/A-18", "SM-3", "IIA", "MV-22", "2+2",
                                                "ALERT2014", "C-130", "CH-47JA"]
    assert values("MV-22(24機)") == ["24"]


def test_only_code_like_latin_words_are_tokens():
    reading = read_japanese("同盟調整メカニズム(ACM:Alliance Coordination Mechanism)、(S&TF:Systems and Technology Forum)")
    assert [t.text for t in reading.tokens] == ["ACM", "S&TF"]


def test_full_width_tokens_are_folded_and_spans_are_in_the_original():
    text = "迎撃ミサイル(ＳＭ－３ブロックⅡＡ)"
    tokens = read_japanese(text).tokens
    assert [t.text for t in tokens] == ["SM-3", "IIA"]
    assert [text[t.start:t.end] for t in tokens] == ["ＳＭ－３", "ⅡＡ"]


# ---- cross references ---------------------------------------------------------------------

@pytest.mark.parametrize("written, english", [
    ("図表II-4-2-3", "Fig. II-4-2-3"), ("資料22", "Reference 22"), ("脚注4", "Footnote 4"),
    ("III部1章2節3項", "Part III, Chapter 1, Section 2-3"), ("3章2節3項8", "Chapter 3, Section 2-3-8"),
    ("III部2章2節", "Part III, Chapter 2, Section 2"), ("第II部", "Part II"), ("3章", "Chapter 3"),
])
def test_cross_references_have_a_house_form(written, english):
    [reference] = read_japanese(f"参照{written}(見出し)").references
    assert (reference.text, reference.english) == (written, english)


def test_digits_of_references_are_not_numbers_and_unit_words_are_not_parts():
    assert values("参照III部2章4節2項脚注4参照") == []
    assert values("3部隊が参加") == ["3"]


def test_a_chapter_of_another_document_is_an_ordinal_not_a_reference():
    reading = read_japanese("国連憲章第7章に基づく")
    assert reading.references == () and [n.text for n in reading.numbers] == ["第7章"] and values("第7章") == ["7"]
    assert satisfying("under Chapter VII of the UN Charter") == ["7"]
    # Two digits are one chapter, never 第1 followed by 2章; a chapter in kanji is not guessed at.
    assert [n.text for n in read_japanese("国連憲章第12章に基づく").numbers] == ["第12章"] and values("第12章") == ["12"]
    assert values("第十二章") == []


# ---- what the source says without a number of the translation ------------------------------------

def test_approximate_kanji_quantities_are_not_numbers():
    assert values("数十人の隊員と数百機") == []
    assert values("十数人") == []


def test_tenths_month_ranges_and_bilateral_digits():
    assert values("約3割") == ["30|3"]
    assert values("1～3月") == ["January", "March"]
    assert values("4〜6月") == ["April", "June"]
    assert values("日米2国間") == []
    assert values("日米豪3か国") == ["3"]


def test_words_for_counts_the_source_gives_in_digits():
    assert satisfying("a trilateral exercise and bilateral talks, doubled, threefold") == ["3", "2", "2", "3"]
    assert satisfying("for a year and a half, within a month") == ["1", "1"]
    assert satisfying("a major exercise") == []
    assert english("3 trillion yen") == ["3,000,000,000,000"]


# ---- English -------------------------------------------------------------------------------

def test_english_digits_commas_decimals_scales_and_ordinals():
    assert english("approximately 16,000 personnel, 15 ships and 140 aircraft") == ["16,000", "15", "140"]
    assert english("1.5 million yen and 16 thousand troops") == ["1,500,000", "16,000"]
    assert english("on the 14th and the 1st, in the 1990s, a 24-hour watch") == ["14", "1", "1990", "24"]
    assert english("from 2014-2018") == ["2014", "2018"]


@pytest.mark.parametrize("text, expected", [
    ("in FY2014", ["FY2014"]), ("in FY 2014", ["FY2014"]), ("in fiscal 2014", ["FY2014"]),
    ("in fiscal year 2014", ["FY2014"]), ("the 2014 fiscal year", ["FY2014"]), ("FY2014-18", ["FY2014", "FY2018"]),
    ("from FY2014 to FY2018", ["FY2014", "FY2018"]), ("fiscal years 2014-2018", ["FY2014", "FY2018"]),
    ("FY2017 and 20 aircraft", ["FY2017", "20"]),
])
def test_english_fiscal_years(text, expected):
    assert english(text) == expected


def test_month_names_and_the_verb_may():
    assert english("In November 2015 and Sept. 2016") == ["November", "2015", "September", "2016"]
    assert english("in May 2015") == ["May", "2015"]
    assert english("May of that year") == [] and satisfying("May of that year") == ["May"]
    assert english("Marine Corps in Mayor's office") == []


def test_number_words_only_satisfy():
    assert english("four meetings, the first dialogue, twice, a five-year plan") == []
    assert satisfying("four meetings, the first dialogue, twice, a five-year plan") == ["4", "1", "2", "5"]
    assert satisfying("twenty-four aircraft, one hundred and forty aircraft, sixteen thousand troops") == [
        "24", "140", "16,000"]
    assert satisfying("often, someone, attention, tone, weight") == []


def test_designator_digits_only_satisfy():
    text = "MV-22 Ospreys, CTF151, F/A-18 fighters, B-1B bombers, the SM 3, 2+2 meeting"
    assert english(text) == []
    assert satisfying(text) == ["22", "151", "18", "1", "3", "2", "2"]


def test_a_source_token_found_in_the_translation_gives_no_numbers():
    assert english("the Michinoku ALERT 2014 exercise", tokens=("ALERT2014",)) == []
    assert satisfying("the Michinoku ALERT 2014 exercise", tokens=("ALERT2014",)) == []


@pytest.mark.parametrize("written", ["Agreement2", "Agreement (ACSA)2", "Agreement [2]", "Agreement²",
                                     "Agreement.2", "“Agreement”2"])
def test_english_footnote_markers_are_ignored(written):
    assert english(f"the {written} of 1996", (2,)) == ["1996"]


@pytest.mark.parametrize("written", ["Agreement (ACSA)2", "Agreement [2]", "Agreement.2", "“Agreement”2"])
def test_a_glued_number_that_is_no_recorded_marker_is_a_number(written):
    assert english(f"the {written} of 1996", (3,)) == ["2", "1996"]


def test_digits_glued_to_a_word_are_a_designator_when_no_marker_is_recorded():
    assert english("the Agreement2 of 1996", (3,)) == ["1996"]
    assert satisfying("the Agreement2 of 1996") == ["2"]


def test_reference_phrases_hide_their_digits():
    reading = read_english("See Fig. II-4-2-3 and Part III, Chapter 1, Section 2-3, Reference 22 and note 4")
    assert reading.numbers == ()
    assert [(r.kind, r.text) for r in reading.other_references] == [
        ("figure", "Fig. II-4-2-3"), ("section", "Part III, Chapter 1, Section 2-3"),
        ("reference", "Reference 22"), ("footnote", "note 4")]
    found = read_english("See Fig. II-4-2-3", references=("Fig. II-4-2-3",))
    assert found.references == {"Fig. II-4-2-3": (4, 17)} and found.other_references == ()


# ---- tokens in the translation ----------------------------------------------------------------

@pytest.mark.parametrize("text, token, found", [
    ("the ACM was", "ACM", True), ("the ACM's role", "ACM", True), ("the acm", "ACM", False),
    ("MV-22s", "MV-22", True), ("MV‑22", "MV-22", True), ("MV–22", "MV-22", True), ("MV-220", "MV-22", False),
    ("Part III", "II", False), ("Block IIA", "IIA", True), ("F-35B", "F-35", False), ("F-35", "F-35B", False),
    ("(ACSA2)", "ACSA", True), ("Michinoku ALERT 2014", "ALERT2014", True), ("the “2+2”", "2+2", True),
    ("12+2", "2+2", False),
])
def test_finding_a_token(text, token, found):
    assert (find_token(fold(text)[0], token) is not None) == found


# ---- digit runs too long to be numbers ------------------------------------------------------------

NINES = "9" * 4301   # one digit more than Python turns into an int by default
NINES_SHOWN = "99999…99999 (4,301 digits)"
GROUPED = ",".join(["999"] * 1500)


def test_a_digit_run_too_long_for_an_int_is_its_digit_string_on_both_sides():
    [source] = read_japanese(f"部隊は{NINES}人である。").numbers
    assert source.keys == ((DIGITS, NINES),) and source.strict and source.text == f"{NINES}人"
    [target] = read_english(f"The unit has {NINES} members.").numbers
    assert target.keys == source.keys and target.reportable
    assert describe(source.keys[0]) == NINES_SHOWN


def test_the_limit_counts_digits_not_commas_on_both_sides():
    grouped = format(int("9" * 90), ",")   # 90 digits, 119 characters
    [source], [target] = read_japanese(f"{grouped}円").numbers, read_english(f"{grouped} yen").numbers
    assert source.keys == target.keys == ((NUMBER, int("9" * 90)),)


def test_a_long_run_of_full_width_digits_reads_as_its_ascii_digits():
    wide = "９" * 4301
    text = f"部隊は{wide}人である。"
    [number] = read_japanese(text).numbers
    assert number.keys == ((DIGITS, NINES),) and text[number.start:number.end] == f"{wide}人"
    [english] = read_english(f"Contents {'１' * 4301}").numbers
    assert english.keys == ((DIGITS, "1" * 4301),) and english.text == "１" * 4301


@pytest.mark.parametrize("written, expected", [
    (f"第{NINES}回", [NINES_SHOWN]),
    (f"{NINES}年度", [NINES_SHOWN]),             # no fiscal year
    (f"{NINES}月", [NINES_SHOWN]),               # no month
    (f"{NINES}割", [NINES_SHOWN]),               # not also ten times itself
    ("九" * 4301 + "人", [NINES_SHOWN]),         # kanji digits are the same digits
    (f"{NINES}万人", ["99999…9999万 (4,301 digits)"]),
    (f"{GROUPED}人", ["99999…99999 (4,500 digits)"]),
    (f"{NINES}.5人", ["99999…999.5 (4,302 digits)"]),
])
def test_every_japanese_reading_of_a_long_run_is_its_digit_string(written, expected):
    assert values(written) == expected


@pytest.mark.parametrize("written, expected", [
    (f"fiscal {NINES}", [NINES_SHOWN]),          # no fiscal year
    (f"FY2014-{NINES}", ["FY2014", NINES_SHOWN]),
    (f"the {NINES}th", [NINES_SHOWN]),
    (f"{NINES}-{NINES}", [NINES_SHOWN, NINES_SHOWN]),
    (f"{GROUPED} people", ["99999…99999 (4,500 digits)"]),
    (f"{NINES} thousand", [NINES_SHOWN]),        # not scaled
])
def test_every_english_reading_of_a_long_run_is_its_digit_string(written, expected):
    assert english(written) == expected


def test_a_long_run_after_a_designator_or_a_word_only_satisfies_and_is_no_footnote_marker():
    assert satisfying(f"CTF-{NINES}") == [NINES_SHOWN]
    assert [describe(n.keys[0]) for n in read_english(f"the Agreement{NINES}", (9,)).numbers] == [NINES_SHOWN]


def test_the_longest_numbers_read_as_values_can_be_shown_under_pythons_lowest_digit_limit():
    # Python lets a user lower its limit to 640 digits; "trillion" and 兆 multiply a value by 10**12.
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        longest = "9" * LONGEST_NUMBER
        [english_value] = read_english(f"{longest} trillion").numbers
        [japanese_value] = read_japanese(f"{longest[1:]}兆人").numbers
        assert english_value.keys == ((NUMBER, int(longest) * 10**12),)
        assert japanese_value.keys == ((NUMBER, int(longest[1:]) * 10**12),)
        assert describe(english_value.keys[0]).endswith(",999,000,000,000,000")
        assert read_english(f"{longest}9").numbers[0].keys[0][0] == DIGITS
        assert read_japanese(f"{longest}兆人").numbers[0].keys[0][0] == DIGITS
    finally:
        sys.set_int_max_str_digits(limit)


# ---- properties --------------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
KANJI_DIGITS = "〇一二三四五六七八九"


def japanese_with_units(value: int, commas: bool) -> str:
    """1億2,345万6,789: groups of four digits with 億 and 万, the way Japanese writes large numbers."""
    parts = []
    for unit, size in (("億", 10**8), ("万", 10**4)):
        if value >= size:
            parts.append(f"{value // size:,}" if commas else str(value // size))
            parts.append(unit)
            value %= size
    if value or not parts:
        parts.append(f"{value:,}" if commas else str(value))
    return "".join(parts)


def kanji(value: int) -> str:
    """二千十五, 一万六千: kanji numerals with 十/百/千/万/億."""
    if value == 0:
        return "〇"
    text = ""
    for unit, size in (("億", 10**8), ("万", 10**4)):
        if value >= size:
            text += kanji(value // size) + unit
            value %= size
    for unit, size in (("千", 1000), ("百", 100), ("十", 10)):
        if value >= size:
            digit = value // size
            text += ("" if digit == 1 else KANJI_DIGITS[digit]) + unit
            value %= size
    return text + (KANJI_DIGITS[value] if value else "")


@settings(max_examples=300, deadline=None)
@given(value=st.integers(0, 99_999_999_999), commas=st.booleans(), full_width=st.booleans())
def test_a_number_written_the_japanese_way_reads_back(value, commas, full_width):
    written = japanese_with_units(value, commas)
    if full_width:
        written = written.translate(FULL_WIDTH)
    assert japanese_number_value(written.translate(str.maketrans("０１２３４５６７８９，", "0123456789,"))) == value
    [number] = read_japanese(f"合計{written}人が参加").numbers
    assert number.keys == ((NUMBER, value),) and number.strict


@settings(max_examples=300, deadline=None)
@given(value=st.integers(2, 99_999_999_999))
def test_a_number_in_kanji_numerals_reads_back(value):
    # 1 is left out: a lone 一 before a counter (一人, 一つ) is read as a word, not a number
    [number] = read_japanese(f"合計{kanji(value)}人").numbers
    assert number.keys == ((NUMBER, value),)


ERAS = {"明治": (1868, 45), "大正": (1912, 15), "昭和": (1926, 64), "平成": (1989, 31), "令和": (2019, 30)}


@settings(max_examples=300, deadline=None)
@given(era=st.sampled_from(sorted(ERAS)), data=st.data(), fiscal=st.booleans())
def test_era_year_and_western_year_round_trip(era, data, fiscal):
    first, length = ERAS[era]
    year = data.draw(st.integers(1, length))
    western = first + year - 1
    era_text = "元" if year == 1 else str(year)
    kind = FISCAL_YEAR if fiscal else NUMBER
    suffix = "年度" if fiscal else "年"
    for written in (f"{era}{era_text}{suffix}", f"{western}({era}{era_text}){suffix}",
                    f"{western % 100:02d}({era}{era_text}){suffix}", f"{era}{era_text}({western}){suffix}"):
        reading = read_japanese(f"また、{written}には")
        assert [n.keys for n in reading.numbers] == [((kind, western),)], written
        assert reading.era_conflicts == ()
    wrong = read_japanese(f"{western + 1}({era}{era_text}){suffix}")
    assert [(c.western, c.era_year) for c in wrong.era_conflicts] == [(western + 1, western)]


ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(value: int) -> str:
    """Standard English number words, written here independently of the code under test."""
    if value < 20:
        return ONES[value]
    if value < 100:
        return TENS[value // 10] + ("-" + ONES[value % 10] if value % 10 else "")
    if value < 1000:
        rest = value % 100
        return ONES[value // 100] + " hundred" + (" and " + in_words(rest) if rest else "")
    rest = value % 1000
    return in_words(value // 1000) + " thousand" + (" " + in_words(rest) if rest else "")


@settings(max_examples=300, deadline=None)
@given(value=st.integers(0, 999_999))
def test_english_number_words_and_digits_read_back(value):
    assert english_words_value(in_words(value)) == value
    [word] = number_words(read_english(f"They sent {in_words(value)} ships."))
    assert word.keys == ((NUMBER, value),) and not word.reportable
    [digits] = read_english(f"They sent {value:,} ships.").numbers
    assert digits.keys == ((NUMBER, value),) and digits.reportable


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("平成27年度(15)11月第一①二三つ人ＡＢ-、。,.Ⅱ部章節項図表資料 ")), max_size=40))
def test_every_span_read_from_japanese_points_at_its_text(text):
    reading = read_japanese(text)
    for number in reading.numbers:
        assert text[number.start:number.end] == number.text
    for item in (*reading.tokens, *reading.references):
        assert 0 <= item.start < item.end <= len(text)
