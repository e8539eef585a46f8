"""Sentence segmentation of one paragraph: boundaries, brackets, and losslessness."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from yakugo.segment import bracket_spans, split_sentences


def sentences(paragraph: str) -> list[str]:
    return [p.text for p in split_sentences(paragraph) if p.is_sentence]


def test_splits_at_japanese_terminators():
    assert sentences("日米は協力した。両国は合意した！本当か？") == [
        "日米は協力した。", "両国は合意した！", "本当か？"]


def test_never_splits_inside_brackets_even_nested():
    text = "「切れ目のない確保。(注。)」のため、協力する。次の文。"
    assert sentences(text) == ["「切れ目のない確保。(注。)」のため、協力する。", "次の文。"]


def test_real_nested_parentheses_of_the_source():
    text = "区分は、輸送(空輸を含む。)及び弾薬(武力攻撃事態の場合のみ。)である(武器の提供は含まれない。)。"
    assert sentences(text) == [text]


def test_closing_quote_after_terminator_stays_with_the_sentence():
    # An opener outside the paragraph leaves a stray closer after the terminator.
    assert sentences("と述べた。」次に進む。") == ["と述べた。」", "次に進む。"]


def test_ellipsis_and_latin_abbreviations_are_not_boundaries():
    assert sentences("これは……続く。U.S.と日本は協力する。") == ["これは……続く。", "U.S.と日本は協力する。"]


def test_ascii_marks_end_sentences_only_after_japanese():
    assert sentences("すごい!次だ?Yahoo!ニュースを見た。") == ["すごい!", "次だ?", "Yahoo!ニュースを見た。"]


def test_unmatched_opener_does_not_glue_the_paragraph():
    assert sentences("「閉じない引用。次の文。") == ["「閉じない引用。", "次の文。"]
    assert bracket_spans("「a(b」c)") == [(0, 4)]


def test_paragraph_without_terminator_is_one_segment():
    assert sentences("図表II-4-2-3 同盟調整メカニズム(ACM)の構成") == ["図表II-4-2-3 同盟調整メカニズム(ACM)の構成"]


def test_space_between_sentences_is_a_gap():
    pieces = split_sentences("実施した。 米空軍との間においても訓練した。")
    assert [(p.text, p.is_sentence) for p in pieces] == [
        ("実施した。", True), (" ", False), ("米空軍との間においても訓練した。", True)]


_alphabet = st.sampled_from(list("日米同盟協力aZ1 \u3000\t。！？!?」』)）】〕「『(（【〔……．.、・"))


@settings(max_examples=400)
@given(st.text(alphabet=_alphabet, max_size=60) | st.text(max_size=60).map(lambda s: s.replace("\n", "")))
def test_segmentation_is_lossless_and_clean(paragraph: str):
    pieces = split_sentences(paragraph)
    assert "".join(p.text for p in pieces) == paragraph
    position = 0
    for piece in pieces:
        assert piece.start == position
        position += len(piece.text)
        if piece.is_sentence:
            assert piece.text and piece.text == piece.text.strip()
        else:
            assert piece.text.strip() == ""
    kinds = [p.is_sentence for p in pieces]
    assert all(a or b for a, b in zip(kinds, kinds[1:])), "gaps are maximal: never two in a row"
