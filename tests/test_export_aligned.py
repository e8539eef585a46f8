"""The aligned model under every bilingual export, on a copy of the real project with English written for it.

This module also holds the translations and the project fixture that the
other export tests import.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REAL_SOURCE, REPO
from yakugo.catalog import load_catalog, write_catalog
from yakugo.checks.model import Finding
from yakugo.config import load_config
from yakugo.document import read_document
from yakugo.errors import YakugoError
from yakugo.export.aligned import TERM, Highlight, align, heading_level, runs
from yakugo.glossary.tbx import read_tbx

PO = f"translations/en/{REAL_SOURCE.stem}.po"
SOURCE = f"source_ja/{REAL_SOURCE.stem}.txt"

# English written for this test suite, keyed by the Japanese of the real source.
PARA7_1 = ("ガイドラインでは、「日本の平和及び安全の切れ目のない確保」のため、情報収集・警戒監視・偵察(ISR)活動、"
           "防空及びミサイル防衛、海洋安全保障、共同訓練・演習などの措置をとることや、"
           "日本における大規模災害への対処において協力することなどが明示されている。")
PARA7_2 = ("また、「地域の及びグローバルな平和と安全のための協力」として、国際的な活動において協力することや"
           "三か国及び多国間協力を推進・強化すること、新たな戦略的領域である宇宙及びサイバー空間に関して協力すること、"
           "日米協力の実効性をさらに向上させるための基盤として防衛装備・技術協力などの"
           "「日米共同の取組」を発展・強化することなどが明示されている。")
PARA7_3 = ("その項目の多くは、防衛大綱においても「日米同盟の抑止力及び対処力の強化」と"
           "「幅広い分野における協力の強化・拡大」として盛り込まれている。")
LINE12 = ("15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和と安全に影響を与える状況や、"
          "その他の同盟としての対応を必要とする可能性があるあらゆる状況に、切れ目のない形で実効的に対処することを"
          "目的として、同盟調整メカニズム(ACM:Alliance Coordination Mechanism)を設置した。")
LINE14 = ("同メカニズムでは、図表II-4-2-3に示す構成に基づき、平時から緊急事態までのあらゆる段階における、"
          "自衛隊及び米軍により実施される活動に関連した政策面及び運用面の調整を行い、"
          "適時の情報共有や共通の情勢認識の構築・維持を行う。")
CAPTION = "米海兵隊との実動訓練(ノーザンヴァイパー)で調整を行う陸自隊員"   # lines 61 and 63
LINE90 = ("日米が協力する機会の増加に伴い、1996(平成8)年に締結(1999(平成11)年及び04(平成16)年に改正)した"
          "日米物品役務相互提供協定2(ACSA:Acquisition and Cross-Servicing Agreement)による後方支援でも、"
          "日米間の協力は着実に進展した。")
NOTE2 = ("正式名称:日本国の自衛隊とアメリカ合衆国軍隊との間における後方支援、物品又は役務の相互の提供に関する"
         "日本国政府とアメリカ合衆国政府との間の協定")
NOTE4 = "III部2章4節2項脚注4参照"

ENGLISH = {
    "Contents": "Contents",
    "第II部 わが国の安全保障・防衛政策と日米同盟":
        "Part II Japan's Security and Defense Policy and the Japan-U.S. Alliance",
    "3 同盟強化の主な取組": "3 Main Initiatives to Strengthen the Alliance",
    PARA7_1: ("The Guidelines set out measures such as intelligence, surveillance and reconnaissance (ISR) "
              "activities, air defense and missile defense, maritime security, and joint training and exercises "
              "for \"seamlessly ensuring Japan's peace and security\", together with cooperation in responding "
              "to large-scale disasters in Japan."),
    PARA7_3: ("Many of these items are also included in the National Defense Program Guidelines (NDPG) as "
              "\"strengthening the deterrence and response capabilities of the Japan-U.S. Alliance\" and "
              "\"strengthening and expanding cooperation in a wide range of areas\"."),
    "1 同盟内の調整の強化": "1 Strengthening Coordination within the Alliance",
    "(1)同盟調整メカニズムの設置": "(1) Establishing the Alliance Coordination Mechanism",
    LINE12: ("In November 2015, based on the Guidelines, the Japanese and U.S. governments established the "
             "Alliance Coordination Mechanism (ACM) to respond seamlessly and effectively to situations that "
             "affect Japan's peace and security and to any other situation that may require an Alliance response."),
    "参照図表II-4-2-3(同盟調整メカニズム(ACM)の構成)":
        "See Fig. II-4-2-3 (Structure of the Alliance Coordination Mechanism (ACM))",
    "図表II-4-2-3 同盟調整メカニズム(ACM)の構成":
        "Fig. II-4-2-3 Structure of the Alliance Coordination Mechanism (ACM)",
    CAPTION: ("JGSDF personnel coordinating during a field training exercise with the U.S. Marine Corps "
              "(Northern Viper)"),
    LINE90: ("As opportunities for Japan-U.S. cooperation have grown, cooperation between the two countries has "
             "also advanced steadily in logistics support under the Japan-U.S. Acquisition and Cross-Servicing "
             "Agreement2 (ACSA), concluded in 1996 and amended in 1999 and 2004."),
    NOTE2: ("Official title: Agreement between the Government of Japan and the Government of the United States "
            "of America concerning Reciprocal Provision of Logistic Support, Supplies and Services between the "
            "Self-Defense Forces of Japan and the Armed Forces of the United States of America"),
    NOTE4: "See Part III, Chapter 2, Section 4-2, footnote 4",
}
# A translation that still needs review.
FUZZY_ENGLISH = {
    LINE14: ("Using the structure shown in Fig. II-4-2-3, the ACM coordinates the policy and operational aspects "
             "of activities of the Self-Defense Forces and the U.S. Forces at every stage from peacetime to "
             "contingencies, and shares information in a timely way while building a common situational awareness."),
}


def set_translations(po: Path, translated: dict[str, str], fuzzy: dict[str, str] | None = None) -> None:
    """Make ``po`` hold exactly these translations: every other entry empty and not fuzzy."""
    catalog = load_catalog(po)
    fuzzy = fuzzy or {}
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        entry.msgstr = translated.get(entry.msgid) or fuzzy.get(entry.msgid, "")
        entry.flags = [f for f in entry.flags if f != "fuzzy"] + (["fuzzy"] if entry.msgid in fuzzy else [])
    write_catalog(catalog, po)


@pytest.fixture
def translated_project(tmp_path: Path) -> Path:
    """A copy of the real project (source, PO files, glossary) holding the English above."""
    for name in ("pyproject.toml", "source_ja", "translations", "glossary"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    set_translations(tmp_path / PO, ENGLISH, FUZZY_ENGLISH)
    return tmp_path


def aligned(project: Path, **options):
    glossary = read_tbx(project / "glossary" / "glossary.tbx")[0]
    return align(load_catalog(project / PO), PO, load_config(project).root, language="en", glossary=glossary,
                 **options)


def rows_at(document, line: int):
    return [row for row in document.rows if row.line == line]


def test_rows_follow_the_source_with_duplicates(translated_project):
    document = aligned(translated_project)
    segments = read_document(REAL_SOURCE).segments
    assert [(r.line, r.source, r.role) for r in document.rows] == [(s.line, s.text, s.role) for s in segments]
    assert len(document.rows) == 126 and len({r.source for r in document.rows}) == 124
    assert [r.target for r in rows_at(document, 61) + rows_at(document, 63)] == [ENGLISH[CAPTION]] * 2
    assert document.source_file == SOURCE and document.rows[0].position == f"{SOURCE}:1"
    assert [r.sentence for r in rows_at(document, 7)] == [0, 1, 2]


def test_status_and_counts(translated_project):
    document = aligned(translated_project)
    by_source = {r.source: r for r in document.rows}
    assert by_source[LINE12].status == "translated"
    assert by_source[LINE14].status == "fuzzy" and by_source[LINE14].target == FUZZY_ENGLISH[LINE14]
    assert by_source[PARA7_2].status == "untranslated" and by_source[PARA7_2].target == ""
    assert (document.translated, document.fuzzy, document.untranslated) == (len(ENGLISH), 1, 124 - len(ENGLISH) - 1)
    assert document.percent() == pytest.approx(100 * len(ENGLISH) / 124)
    assert document.percent(include_fuzzy=True) == pytest.approx(100 * (len(ENGLISH) + 1) / 124)


def test_roles_footnotes_and_heading_levels(translated_project):
    document = aligned(translated_project)
    levels = {r.line: r.heading_level for r in document.rows}
    assert (levels[1], levels[3], levels[5], levels[9], levels[10]) == (1, 1, 2, 2, 3)
    assert levels[7] == levels[20] == 0
    notes = [(r.line, r.footnote) for r in document.rows if r.role == "footnote"]
    assert notes == [(166, 2), (168, 3), (170, 4), (172, 5), (174, 6), (176, 7), (178, 8)]
    assert heading_level("第II部 わが国の安全保障") == 1 and heading_level("(3)海洋安全保障") == 3


def test_glossary_terms_are_highlighted_on_both_sides(translated_project):
    row = rows_at(aligned(translated_project), 12)[0]
    japanese = {row.source[h.start:h.end]: h for h in row.source_highlights}
    english = {row.target[h.start:h.end]: h for h in row.target_highlights}
    assert set(japanese) == {"ガイドライン", "切れ目のない", "同盟調整メカニズム"}
    assert set(english) == {"Guidelines", "seamlessly", "Alliance Coordination Mechanism", "ACM"}
    assert japanese["同盟調整メカニズム"].label == english["ACM"].label == "Alliance Coordination Mechanism (ACM)"
    assert english["ACM"].concept == "c001-acm" and english["seamlessly"].kind == TERM
    assert "同盟調整メカニズム → Alliance Coordination Mechanism (ACM); not: Alliance Adjustment Mechanism" in row.terms


def test_english_highlights_only_concepts_of_the_source_as_whole_words(translated_project):
    po = translated_project / PO
    # "space" is a glossary rendering, but 同盟調整メカニズム's sentence has no 宇宙; "ACMs" is not "ACM".
    set_translations(po, {"(1)同盟調整メカニズムの設置":
                          "(1) Setting up ACMs in space: the alliance coordination mechanism"})
    row = rows_at(aligned(translated_project), 10)[0]
    assert [row.target[h.start:h.end] for h in row.target_highlights] == ["alliance coordination mechanism"]


def test_a_given_target_term_finder_replaces_the_simple_search(translated_project):
    calls = []

    def finder(text):
        calls.append(text)
        return [(0, 2, "c001-acm")] if text else []

    row = rows_at(aligned(translated_project, find_target_terms=finder), 12)[0]
    assert ENGLISH[LINE12] in calls
    assert [(h.start, h.end, h.label) for h in row.target_highlights] == [
        (0, 2, "Alliance Coordination Mechanism (ACM)")]


def test_findings_are_attached_by_po_path_and_msgid(translated_project):
    wrong = "See Fig. II-4-2-3 (Structure of the Alliance Adjustment Mechanism (ACM))"
    source = "参照図表II-4-2-3(同盟調整メカニズム(ACM)の構成)"
    set_translations(translated_project / PO, {source: wrong})
    start = wrong.index("Alliance Adjustment Mechanism")
    finding = Finding(PO, 120, source, wrong, "term-forbidden", "error", "forbidden rendering",
                      target_span=(start, start + len("Alliance Adjustment Mechanism")))
    document = aligned(translated_project, findings={(PO, source): [finding], ("other.po", source): ["wrong"]})
    row = rows_at(document, 20)[0]
    assert row.findings == (finding,)
    marked = [h for h in row.target_highlights if h.kind == "error"]
    assert [(wrong[h.start:h.end], h.label) for h in marked] == [
        ("Alliance Adjustment Mechanism", "term-forbidden: forbidden rendering")]
    assert all(not r.findings for r in document.rows if r.line != 20)


def test_without_a_glossary_there_are_no_terms(translated_project):
    document = align(load_catalog(translated_project / PO), PO, translated_project, language="en")
    assert all(not r.source_highlights and not r.target_highlights and not r.terms for r in document.rows)


def test_a_po_file_behind_the_source_is_refused(translated_project):
    source = translated_project / SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace("(2)運用面の調整の強化", "(2)運用面の調整"),
                      encoding="utf-8")
    with pytest.raises(YakugoError, match=r"source_ja/.*\.txt:24 is not in this PO file; run 'yakugo update'"):
        aligned(translated_project)


def test_a_po_file_naming_two_sources_is_refused(translated_project):
    catalog = load_catalog(translated_project / PO)
    catalog[3].occurrences.append(("source_ja/other.txt", "1"))
    with pytest.raises(YakugoError, match="one source document per PO file.*other.txt"):
        align(catalog, PO, translated_project, language="en")


def test_revision_date_comes_from_the_header(translated_project):
    catalog = load_catalog(translated_project / PO)
    catalog.metadata["PO-Revision-Date"] = "2024-03-05 09:30+0900"
    document = align(catalog, PO, translated_project, language="en")
    assert document.revised.isoformat() == "2024-03-05T00:30:00+00:00"
    catalog.metadata["PO-Revision-Date"] = "YEAR-MO-DA HO:MI+ZONE"
    catalog.metadata["POT-Creation-Date"] = "YEAR-MO-DA HO:MI+ZONE"
    assert align(catalog, PO, translated_project, language="en").revised.year == 1980


spans = st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted)


@given(st.text(max_size=30), st.lists(spans, max_size=6))
def test_runs_cover_the_text_and_respect_every_highlight(text, pairs):
    highlights = [Highlight(a, b, TERM, "") for a, b in pairs]
    pieces = runs(text, highlights)
    assert "".join(piece for piece, _ in pieces) == text
    offset = 0
    for piece, covering in pieces:
        assert piece
        end = offset + len(piece)
        valid = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
        assert set(covering) == {h for h in valid if h.start <= offset and end <= h.end}
        assert all(not (h.start < end and offset < h.end) or h in covering for h in valid)
        offset = end
