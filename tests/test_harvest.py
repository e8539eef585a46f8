"""Harvesting term proposals from the definitions the real source gives itself."""

from __future__ import annotations

import pytest

from conftest import REAL_SOURCE
from yakugo.document import parse_document, read_document
from yakugo.glossary.harvest import harvest


def summary(glossary):
    """Japanese preferred term -> (English terms, formal-name note) for each proposal."""
    return {c.preferred("ja").text: ([t.text for t in c.terms_in("en")], c.note) for c in glossary}


@pytest.fixture(scope="module")
def proposals():
    return summary(harvest([read_document(REAL_SOURCE)]))


def test_every_parenthesised_definition_of_the_source_is_proposed(proposals):
    english = {ja: terms for ja, (terms, _) in proposals.items()}
    assert english == {
        "情報収集・警戒監視・偵察": ["Intelligence, Surveillance and Reconnaissance", "ISR"],
        "同盟調整メカニズム": ["Alliance Coordination Mechanism", "ACM"],
        "共同計画策定メカニズム": ["Bilateral Planning Mechanism", "BPM"],
        "弾道ミサイル防衛用能力向上型迎撃ミサイル": [],
        "日米物品役務相互提供協定": ["Acquisition and Cross-Servicing Agreement", "ACSA"],
        "米海兵隊オスプレイ": ["MV-22"],
        "第151連合任務部隊": ["Combined Task Force 151", "CTF 151"],
        "拡散に対する安全保障構想": ["PSI"],
        "日米宇宙協力ワーキンググループ": ["Space Cooperation Working Group", "SCWG"],
        "日米サイバー防衛政策ワーキンググループ": ["Cyber Defense Policy Working Group", "CDPWG"],
        "日米装備・技術定期協議": ["Systems and Technology Forum", "S&TF"],
        "相互の防衛調達に関する覚書": [
            "Reciprocal Defense Procurement Memorandum of Understanding", "RDP MOU",
            "Memorandum of Understanding between the Department of Defense of the United States of America "
            "and the Ministry of Defense of Japan concerning Reciprocal Defense Procurement"],
        "輸送ヘリコプター": ["CH-47JA"],
        "オスプレイ": ["V-22"],
        "対米武器技術供与取極": [],
        "対米武器・武器技術供与取極": [],
    }


def test_footnote_marker_between_term_and_definition_is_skipped(proposals):
    assert "日米物品役務相互提供協定2" not in proposals


def test_formal_names_from_footnotes_are_attached_to_the_marked_term(proposals):
    assert proposals["日米物品役務相互提供協定"][1].startswith("正式名称 (formal name): 日本国の自衛隊とアメリカ合衆国軍隊")
    assert proposals["対米武器技術供与取極"][1].endswith("武器技術の供与に関する交換公文")
    assert proposals["対米武器・武器技術供与取極"][1].endswith("武器及び武器技術の供与に関する交換公文")


def test_japanese_variant_in_brackets_is_a_variant_term():
    glossary = harvest([read_document(REAL_SOURCE)])
    missile = next(c for c in glossary if c.preferred("ja").text.endswith("迎撃ミサイル"))
    assert [(t.text, t.status, t.type) for t in missile.terms_in("ja")][1] == ("SM-3ブロックIIA", "admitted", "variant")


def test_readings_years_and_numbers_in_brackets_are_not_definitions():
    document = parse_document("「対米取極(とりきめ)」を締結した。平成28年(2016年)に。(1)見出し\n", "x.txt")
    assert len(harvest([document])) == 0
