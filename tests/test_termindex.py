"""Finding glossary terms in Japanese text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from yakugo.glossary.model import Concept, Glossary, Term
from yakugo.termindex import TermIndex, fold

GLOSSARY = Glossary([
    Concept("acsa", terms=[Term("日米物品役務相互提供協定", "ja"), Term("ACSA", "en", "admitted", "acronym")]),
    Concept("japan-us", terms=[Term("日米", "ja")]),
    Concept("sm3", terms=[Term("SM-3ブロックIIA", "ja")]),
    Concept("jgsdf", terms=[Term("陸上自衛隊", "ja"), Term("陸自", "ja", "admitted", "shortForm")]),
    Concept("acm-code", terms=[Term("ACM", "ja", "preferred", "acronym")]),
    Concept("guidelines", terms=[Term("ガイドライン", "ja")]),
])


def found(text):
    return [(m.concept.id, m.surface) for m in TermIndex(GLOSSARY).find(text)]


def test_longest_term_wins_and_the_shorter_one_inside_is_not_reported():
    assert found("日米物品役務相互提供協定2(ACSA)と日米") == [("acsa", "日米物品役務相互提供協定"), ("japan-us", "日米")]


def test_full_width_text_matches_and_offsets_point_at_the_original():
    text = "新型のＳＭ－３ブロックⅡＡを開発"
    assert found(text) == [("sm3", "ＳＭ－３ブロックⅡＡ")]


def test_short_forms_belong_to_their_concept():
    assert found("陸自と陸上自衛隊") == [("jgsdf", "陸自"), ("jgsdf", "陸上自衛隊")]


def test_acronyms_match_case_sensitively():
    assert found("acmとACM") == [("acm-code", "ACM")]


def test_half_width_katakana_is_folded():
    assert found("ｶﾞｲﾄﾞﾗｲﾝでは") == [("guidelines", "ｶﾞｲﾄﾞﾗｲﾝ")]


@given(st.text(max_size=40))
def test_fold_maps_every_folded_character_to_an_original_index(text):
    folded, origin = fold(text)
    if origin is None:   # nothing to fold: offsets are the same
        assert folded == text
        origin = list(range(len(text)))
    assert len(folded) == len(origin)
    assert origin == sorted(origin) and all(0 <= i < len(text) for i in origin)
    for match in TermIndex(GLOSSARY).find(text + "日米"):
        assert (text + "日米")[match.start:match.end] == match.surface
