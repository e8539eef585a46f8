"""Reading and structuring source documents: the real source, encodings, roles, footnote markers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_SOURCE
from yakugo.document import parse_document, read_document
from yakugo.errors import YakugoError


@pytest.fixture(scope="module")
def real():
    return read_document(REAL_SOURCE)


def by_line(document, line):
    return [s for s in document.segments if s.line == line]


def test_real_source_rebuilds_byte_for_byte(real):
    assert real.text().encode("utf-8") == REAL_SOURCE.read_bytes()


def test_real_source_roles(real):
    role = {s.line: s.role for s in real.segments}
    assert role[1] == "heading"            # Contents
    assert role[3] == "heading"            # 第II部 …
    assert role[5] == "heading"            # 3 同盟強化の主な取組
    assert role[10] == "heading"           # (1)同盟調整メカニズムの設置
    assert role[20] == "cross-reference"   # 参照図表II-4-2-3(…)
    assert role[22] == "figure"            # 図表II-4-2-3 …
    assert role[61] == "caption"           # photo caption
    assert role[95] == role[96] == "cross-reference"  # continuation of a 参照 block
    assert role[163] == role[164] == "cross-reference"
    assert role[90] == "body"
    assert {s.line for s in real.segments if s.role == "footnote"} == {166, 168, 170, 172, 174, 176, 178}


def test_footnotes_keep_their_number_out_of_the_text(real):
    note = by_line(real, 166)[0]
    assert note.footnote == 2
    assert note.text.startswith("正式名称:")


def test_footnote_markers_are_found_and_nothing_else(real):
    markers = {(s.line, m.number, m.context(s.text, 4)) for s in real.segments for m in s.markers}
    assert markers == {
        (90, 2, "相互提供協定"[-4:]),   # 日米物品役務相互提供協定2(ACSA…
        (90, 3, "している"),             # …基本原則としている3
        (121, 4, "(PSI)"[-4:]),          # 「拡散に対する安全保障構想(PSI)4」
        (150, 5, "きめ)」"),             # 「対米武器技術供与取極(とりきめ)」5
        (150, 6, "技術供与取極」"[-4:]),   # 「対米武器・武器技術供与取極」6
        (152, 7, "ng)」"),              # …Reciprocal Defense Procurement Memorandum of Understanding)」7
        (154, 8, "スプレイ"),            # オスプレイ8との
    }
    for segment in real.segments:
        for marker in segment.markers:
            assert segment.text[marker.offset:marker.offset + marker.width] == str(marker.number)


def test_sentences_of_a_paragraph_share_its_line(real):
    assert [s.text[:6] for s in by_line(real, 76)] == ["18(平成3", "米空軍との間"]


def test_bom_and_crlf_are_accepted_and_kept(tmp_path):
    data = "\ufeff見出し\r\n\r\n本文です。次です。\r\n".encode("utf-8")
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert [s.text for s in document.segments] == ["見出し", "本文です。", "次です。"]
    assert document.text().encode("utf-8") == data


def test_shift_jis_with_encoding_option(tmp_path):
    path = tmp_path / "sjis.txt"
    path.write_bytes(REAL_SOURCE.read_text(encoding="utf-8").encode("cp932"))
    document = read_document(path, "cp932")
    assert document.text().encode("cp932") == path.read_bytes()
    assert len(document.segments) == len(read_document(REAL_SOURCE).segments)


def test_undecodable_input_names_file_line_and_byte_offset(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("一行目。\n二行目".encode("utf-8") + b"\xff\xfe" + "です。".encode("utf-8"))
    with pytest.raises(YakugoError) as error:
        read_document(path)
    offset = len("一行目。\n二行目".encode("utf-8"))
    assert error.value.path == str(path)
    assert f"byte offset {offset}" in str(error.value) and error.value.line == 2


def test_a_long_digit_run_before_a_marker_follower_is_not_a_footnote_marker():
    text = "部隊は" + "9" * 5000 + "。\n\n1 脚注である。\n"
    document = parse_document(text)
    assert document.text() == text


def test_control_characters_are_refused_with_their_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("第1節\n防衛\x1b政策。\n", encoding="utf-8")
    with pytest.raises(YakugoError, match="control character U\\+001B") as error:
        read_document(path)
    assert error.value.line == 2
    path.write_text("第1節\n\f防衛政策。\n", encoding="utf-8")   # a page break, as pdftotext writes it
    assert [s.text for s in read_document(path).segments] == ["第1節", "防衛政策。"]


def test_unknown_encoding_is_a_user_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("あ。", encoding="utf-8")
    with pytest.raises(YakugoError, match="unknown encoding"):
        read_document(path, "no-such-codec")
    with pytest.raises(YakugoError, match="unknown encoding 'rot13'; use a text encoding"):
        read_document(path, "rot13")   # a codec, but from text to text


_line = st.text(alphabet=st.sampled_from(list("参照図表第部章(（1) 2\u3000。！」「日米協定正式名称:\r\ufeffab")), max_size=30)


@settings(max_examples=300)
@given(st.lists(_line, max_size=12).map("\n".join) | st.text(max_size=200))
def test_any_text_is_rebuilt_exactly(text: str):
    document = parse_document(text)
    assert document.text() == text
    for segment in document.segments:
        assert segment.text and segment.text == segment.text.strip()
        assert "\n" not in segment.text
