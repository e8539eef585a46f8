"""The English document rebuilt from the PO file: text and Markdown, threshold, fallbacks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REAL_SOURCE
from test_export_aligned import (CAPTION, ENGLISH, FUZZY_ENGLISH, LINE12, LINE14, LINE90, NOTE2, NOTE4, PARA7_1,
                                 PARA7_2, PARA7_3, PO, aligned, set_translations,
                                 translated_project)  # noqa: F401 - the fixture
from yakugo.errors import YakugoError
from yakugo.export.document import english_markdown, english_text, markdown_escape

SOURCE_LINES = REAL_SOURCE.read_text(encoding="utf-8").split("\n")


def test_text_keeps_the_source_line_layout(translated_project):
    english = english_text(aligned(translated_project), threshold=0)
    lines = english.text.split("\n")
    assert english.text.endswith("\n") and lines[-1] == ""
    assert len(lines) - 1 == len(SOURCE_LINES) == 178
    for number, source_line in enumerate(SOURCE_LINES, 1):
        assert (lines[number - 1] == "") == (source_line.strip() == ""), number
    assert lines[2] == ENGLISH["第II部 わが国の安全保障・防衛政策と日米同盟"]
    assert lines[8:10] == [ENGLISH["1 同盟内の調整の強化"], ENGLISH["(1)同盟調整メカニズムの設置"]]
    assert lines[11] == ENGLISH[LINE12]
    assert lines[60] == lines[62] == ENGLISH[CAPTION]


def test_sentences_join_with_a_space_and_untranslated_ones_stay_japanese(translated_project):
    english = english_text(aligned(translated_project), threshold=0)
    lines = english.text.split("\n")
    assert lines[6] == f"{ENGLISH[PARA7_1]} {PARA7_2} {ENGLISH[PARA7_3]}"
    # Line 90: the first sentence is translated, the second is not.
    assert lines[89].startswith(ENGLISH[LINE90] + " この協定は、")
    # A paragraph left wholly in Japanese joins its sentences as the Japanese does.
    assert lines[101] == SOURCE_LINES[101]
    # 126 rows; translated: lines 1, 3, 5, 7 (twice), 9, 10, 12, 20, 22, 61, 63, 90, 166, 170.
    assert (english.sentences, english.fallbacks) == (126, 126 - 15)


def test_footnotes_keep_their_numbers_and_the_translator_s_markers(translated_project):
    lines = english_text(aligned(translated_project), threshold=0).text.split("\n")
    assert lines[165] == "2 " + ENGLISH[NOTE2]
    assert lines[169] == "4 " + ENGLISH[NOTE4]
    assert lines[167] == SOURCE_LINES[167]          # note 3, untranslated: "3 " and the Japanese
    assert "Cross-Servicing Agreement2 (ACSA)" in lines[89]


def test_fuzzy_translations_are_used_only_when_asked(translated_project):
    document = aligned(translated_project)
    assert english_text(document, threshold=0).text.split("\n")[13] == LINE14
    with_fuzzy = english_text(document, threshold=0, include_fuzzy=True)
    assert with_fuzzy.text.split("\n")[13] == FUZZY_ENGLISH[LINE14]
    assert with_fuzzy.fallbacks == english_text(document, threshold=0).fallbacks - 1


def test_below_the_threshold_the_document_is_refused(translated_project):
    document = aligned(translated_project)
    percent = 100 * len(ENGLISH) / 124
    with pytest.raises(YakugoError, match=rf"only {percent:.1f}% of the entries are translated, below the 80% "
                                          "threshold") as caught:
        english_text(document)
    assert caught.value.path.endswith(".po")
    with pytest.raises(YakugoError, match="below the 12% threshold"):
        english_markdown(document, threshold=12)   # 11.3% translated
    assert english_markdown(document, threshold=12, include_fuzzy=True).sentences == 126  # 12.1% with the fuzzy one


def test_markdown_structure(translated_project):
    markdown = english_markdown(aligned(translated_project), threshold=0).text
    blocks = markdown.rstrip("\n").split("\n\n")
    assert blocks[:5] == ["# Contents", "# Part II Japan's Security and Defense Policy and the Japan-U.S. Alliance",
                          "## 3 Main Initiatives to Strengthen the Alliance",
                          f"{ENGLISH[PARA7_1]} {PARA7_2} {ENGLISH[PARA7_3]}",
                          "## 1 Strengthening Coordination within the Alliance"]
    assert blocks[5] == "### (1) Establishing the Alliance Coordination Mechanism"
    assert "See Fig. II-4-2-3 (Structure of the Alliance Coordination Mechanism (ACM))" in blocks
    rule = blocks.index("---")
    notes = blocks[rule + 1:]
    assert [int(note.split(" ", 1)[0]) for note in notes] == [2, 3, 4, 5, 6, 7, 8]
    assert notes[0] == "2 " + ENGLISH[NOTE2]
    assert not any(block.startswith(("2 ", "3 ")) for block in blocks[:rule] if not block.startswith("#"))
    assert all(re.match(r"#{1,3} ", block) for block in blocks if block.lstrip("#") != block)


def test_markdown_escapes_what_would_change_the_rendering(translated_project):
    po_text = {"(2)運用面の調整の強化": "(2) *Enhancing* operational_coordination [draft]",
               "参照図表II-4-2-3(同盟調整メカニズム(ACM)の構成)": "# 1. not a heading <b>"}
    set_translations(translated_project / PO, po_text)
    blocks = english_markdown(aligned(translated_project), threshold=0).text.split("\n\n")
    assert r"### (2) \*Enhancing\* operational\_coordination \[draft\]" in blocks
    assert r"\# 1. not a heading \<b>" in blocks
    assert markdown_escape("2015. A year") == r"2015\. A year" and markdown_escape("S&TF &amp;") == r"S&TF \&amp;"


markdown_special = st.text(alphabet="ab1.#*_[]<>&;-+` \\", max_size=20)


@given(markdown_special)
def test_markdown_escape_leaves_no_unescaped_syntax(text):
    escaped = markdown_escape(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text            # removing the escapes gives the text back
    unescaped = re.sub(r"\\.", "", escaped)
    assert not re.search(r"[*_\[\]<`]", unescaped)
    assert not re.match(r"[#>+-]|\d+[.)]", escaped)
