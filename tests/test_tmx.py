"""TMX export of the real project's PO files, and reading TMX files from other tools."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage.tmx import tmxfile

from conftest import REPO, STANDARDS
from yakugo import __version__
from yakugo.catalog import load_catalog, write_catalog
from yakugo.errors import YakugoError
from yakugo.export.tmx import read_tmx_pairs, tmx_bytes

PO_NAME = "dowj2018_II-4-2-3_alliance_initiatives.po"
REAL_PO = REPO / "translations" / "en" / PO_NAME
PO_PATH = f"translations/en/{PO_NAME}"

# English for some of the source's own sentences, following the glossary hints of each entry.
ENGLISH = {
    "第II部 わが国の安全保障・防衛政策と日米同盟":
        "Part II Japan's Security and Defense Policy and the Japan-U.S. Alliance",
    "3 同盟強化の主な取組": "3 Major Initiatives for Strengthening the Alliance",
    "1 同盟内の調整の強化": "1 Strengthening Coordination within the Alliance",
    "(1)同盟調整メカニズムの設置": "(1) Establishment of the Alliance Coordination Mechanism",
    "15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和と安全に影響を与える状況や、その他の同盟としての"
    "対応を必要とする可能性があるあらゆる状況に、切れ目のない形で実効的に対処することを目的として、同盟調整メカニズム"
    "(ACM:Alliance Coordination Mechanism)を設置した。":
        "In November 2015, based on the Guidelines for Japan-U.S. Defense Cooperation, the Governments of Japan "
        "and the United States established the Alliance Coordination Mechanism (ACM) in order to respond "
        "seamlessly and effectively to situations that affect Japan's peace and security and to any other "
        "situation that may require an Alliance response.",
    "(2)ミサイル防衛": "(2) Missile Defense",
    "とりわけ、実戦経験豊富な米軍から習得できる知見や技術は極めて貴重であり、自衛隊の能力向上に大きく資するものである。":
        "In particular, the knowledge and skills that can be learned from the U.S. Forces, with their extensive "
        "combat experience, are extremely valuable and contribute greatly to improving the capabilities of the "
        "Self-Defense Forces (SDF).",
    "これらの観点を踏まえ、防衛省・自衛隊は、引き続き共同訓練の充実に努めているところである。":
        "From these perspectives, the Ministry of Defense and Self-Defense Forces (MOD/SDF) continue to strive "
        "to enhance joint training.",
    "米海兵隊との実動訓練(ノーザンヴァイパー)で調整を行う陸自隊員":
        "Japan Ground Self-Defense Force (JGSDF) personnel coordinating with the U.S. Marine Corps (USMC) "
        "during field training (Northern Viper)",
}
# A translation that uses the glossary's forbidden rendering: a reviewer would send it back as fuzzy.
BROKEN_MSGID = "(2)ミサイル防衛"
BROKEN_ENGLISH = "(2) Missile Defence"
CAPTION = "米海兵隊との実動訓練(ノーザンヴァイパー)で調整を行う陸自隊員"  # occurs on lines 61 and 63

needs_standards = pytest.mark.skipif(not STANDARDS.is_dir(),
                                     reason=f"{STANDARDS} (the shared standards folder) is absent")


def untranslated_copy(folder: Path) -> Path:
    """The real PO file copied under ``folder`` with every translation, fuzzy flag and translator comment removed.

    The project's own translations grow while we work; tests that count need a known start.
    """
    target = folder / PO_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog(REAL_PO)
    for entry in catalog:
        if entry.msgid:
            entry.msgstr, entry.tcomment, entry.previous_msgid = "", "", None
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    write_catalog(catalog, target)
    return target


def translated_catalog(folder: Path, english: dict[str, str] = ENGLISH, fuzzy: tuple[str, ...] = ()) -> polib.POFile:
    """An untranslated copy of the real PO file under ``folder`` with ``english`` filled in, saved and loaded again."""
    target = untranslated_copy(folder)
    catalog = load_catalog(target)
    for entry in catalog:
        if entry.msgid in english:
            entry.msgstr = english[entry.msgid]
            if entry.msgid in fuzzy:
                entry.flags.append("fuzzy")
    write_catalog(catalog, target)
    return load_catalog(target)


def finished_pairs(catalog: polib.POFile) -> list[tuple[str, str]]:
    return [(e.msgid, e.msgstr) for e in catalog if e.msgid and e.msgstr and not e.fuzzy and not e.obsolete]


@needs_standards
def test_real_project_tmx_is_valid_tmx_14b_with_the_required_header(tmp_path):
    catalog = translated_catalog(tmp_path)
    data = tmx_bytes([(PO_PATH, catalog)])
    dtd = etree.DTD(str(STANDARDS / "tmx" / "tmx14.dtd"))
    root = etree.fromstring(data)
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    header = root.find("header").attrib
    assert header == {"creationtool": "yakugo", "creationtoolversion": __version__, "segtype": "sentence",
                      "o-tmf": "PO", "adminlang": "en", "srclang": "ja", "datatype": "plaintext"}
    assert root.get("version") == "1.4"


@needs_standards
def test_the_project_po_file_as_it_is_exports_its_finished_translations(tmp_path):
    catalog = load_catalog(REAL_PO)
    data = tmx_bytes([(PO_PATH, catalog)])
    dtd = etree.DTD(str(STANDARDS / "tmx" / "tmx14.dtd"))
    assert dtd.validate(etree.fromstring(data)), dtd.error_log.filter_from_errors()
    path = tmp_path / "project.tmx"
    path.write_bytes(data)
    assert read_tmx_pairs(path) == finished_pairs(catalog)
    assert [(u.source, u.target) for u in tmxfile.parsestring(data).units] == finished_pairs(catalog)


def test_default_export_holds_the_translated_non_fuzzy_entries_in_file_order(tmp_path):
    catalog = translated_catalog(tmp_path, fuzzy=(BROKEN_MSGID,))
    path = tmp_path / "out.tmx"
    path.write_bytes(tmx_bytes([(PO_PATH, catalog)]))
    expected = [(e.msgid, ENGLISH[e.msgid]) for e in catalog if e.msgid in ENGLISH and e.msgid != BROKEN_MSGID]
    assert len(expected) == len(ENGLISH) - 1
    assert read_tmx_pairs(path) == expected
    assert b"x-fuzzy" not in path.read_bytes()


def test_include_fuzzy_adds_the_fuzzy_entries_marked_with_a_prop(tmp_path):
    english = {**ENGLISH, BROKEN_MSGID: BROKEN_ENGLISH}
    catalog = translated_catalog(tmp_path, english, fuzzy=(BROKEN_MSGID,))
    root = etree.fromstring(tmx_bytes([(PO_PATH, catalog)], include_fuzzy=True))
    marked = [tu.find("tuv/seg").text for tu in root.iter("tu") if tu.find("prop[@type='x-fuzzy']") is not None]
    assert marked == [BROKEN_MSGID]
    assert len(root.findall("body/tu")) == len(ENGLISH)


def test_translate_toolkit_reads_back_the_same_pairs(tmp_path):
    catalog = translated_catalog(tmp_path)
    data = tmx_bytes([(PO_PATH, catalog)])
    store = tmxfile.parsestring(data)
    toolkit_pairs = [(unit.source, unit.target) for unit in store.units]
    path = tmp_path / "out.tmx"
    path.write_bytes(data)
    assert toolkit_pairs == read_tmx_pairs(path)
    assert dict(toolkit_pairs) == ENGLISH


def test_units_carry_po_file_references_and_translator_comment(tmp_path):
    catalog = translated_catalog(tmp_path)
    catalog.find(CAPTION).tcomment = "Caption of the photo; keep it short."
    tu = next(tu for tu in etree.fromstring(tmx_bytes([(PO_PATH, catalog)])).iter("tu")
              if tu.find("tuv/seg").text == CAPTION)
    props = [(p.get("type"), p.text) for p in tu.iterfind("prop")]
    assert props == [("x-po-file", PO_PATH),
                     ("x-reference", "source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt:61"),
                     ("x-reference", "source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt:63")]
    assert [n.text for n in tu.iterfind("note")] == ["Caption of the photo; keep it short."]
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.iterfind("tuv")] == ["ja", "en"]


def test_tuid_is_stable_across_exports_and_differs_between_po_files(tmp_path):
    few = {k: ENGLISH[k] for k in list(ENGLISH)[:3]}
    first = etree.fromstring(tmx_bytes([(PO_PATH, translated_catalog(tmp_path / "a", few))]))
    second = etree.fromstring(tmx_bytes([(PO_PATH, translated_catalog(tmp_path / "b"))]))
    ids_first = {tu.find("tuv/seg").text: tu.get("tuid") for tu in first.iter("tu")}
    ids_second = {tu.find("tuv/seg").text: tu.get("tuid") for tu in second.iter("tu")}
    assert ids_first == {k: ids_second[k] for k in few}
    assert len(set(ids_second.values())) == len(ENGLISH)
    other = etree.fromstring(tmx_bytes([("translations/en/other.po", translated_catalog(tmp_path / "c", few))]))
    assert not {tu.get("tuid") for tu in other.iter("tu")} & set(ids_first.values())


def test_output_is_deterministic_and_has_no_timestamps(tmp_path, monkeypatch):
    catalog = translated_catalog(tmp_path)
    first = tmx_bytes([(PO_PATH, catalog)])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert tmx_bytes([(PO_PATH, load_catalog(tmp_path / PO_PATH))]) == first
    assert b"date" not in first


def test_untranslated_catalog_gives_an_empty_body(tmp_path):
    root = etree.fromstring(tmx_bytes([(PO_PATH, load_catalog(untranslated_copy(tmp_path)))]))
    assert root.find("body") is not None and len(root.find("body")) == 0


@needs_standards
def test_reads_openxliff_tmx_with_explicit_languages():
    sample = STANDARDS / "samples" / "tmxvalidator_es.tmx"
    pairs = read_tmx_pairs(sample, source_language="en", target_language="es")
    assert len(pairs) == 35  # `grep -c '<tu ' tmxvalidator_es.tmx`
    assert pairs[0] == ("Reload with DTD", "Recargar con DTD")
    assert ("Unbalanced number of <bpt>/<ept> elements\n\n{0}",
            "Número desequilibrado de elementos <bpt>/<ept>\n\n{0}") in pairs
    assert read_tmx_pairs(sample) == []  # it has no Japanese


@needs_standards
def test_inline_code_reads_as_the_original_markup():
    pairs = read_tmx_pairs(STANDARDS / "samples" / "minimal" / "minimal.tmx", "en", "fr")
    assert pairs == [("Hello <br/>world", "Bonjour le monde")]


def test_languages_match_regional_tags_and_tmx_11_lang(tmp_path):
    path = tmp_path / "regional.tmx"
    path.write_text(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" '
        'adminlang="en" srclang="ja-JP" datatype="plaintext"/><body>'
        '<tu><tuv xml:lang="ja-JP"><seg>防空</seg></tuv><tuv xml:lang="EN-us"><seg>air defense</seg></tuv></tu>'
        '<tu><tuv lang="ja"><seg>宇宙</seg></tuv><tuv lang="en"><seg>space</seg></tuv></tu>'
        '<tu><tuv xml:lang="ja"><seg>平時</seg></tuv><tuv xml:lang="fr"><seg>temps de paix</seg></tuv></tu>'
        "</body></tmx>", encoding="utf-8")
    assert read_tmx_pairs(path) == [("防空", "air defense"), ("宇宙", "space")]


@pytest.mark.parametrize(("content", "line", "words"), [
    (b"not xml at all", 1, "malformed XML"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "b">\n]>\n<tmx/>', 2, "declares entities"),
    (b'<?xml version="1.0"?>\n\n<xliff version="1.2"/>', 3, "not a TMX file"),
])
def test_bad_input_is_a_located_error(tmp_path, content, line, words):
    path = tmp_path / "bad.tmx"
    path.write_bytes(content)
    with pytest.raises(YakugoError) as caught:
        read_tmx_pairs(path)
    assert caught.value.path == str(path) and caught.value.line == line
    assert words in caught.value.message


def test_text_xml_cannot_hold_names_the_po_entry(tmp_path):
    catalog = translated_catalog(tmp_path)
    entry = catalog.find("(2)ミサイル防衛")
    entry.msgstr = "(2) Missile\x07Defense"
    with pytest.raises(YakugoError) as caught:
        tmx_bytes([(PO_PATH, catalog)])
    assert (caught.value.path, caught.value.line) == (PO_PATH, entry.linenum)
    assert "U+0007" in caught.value.message


def test_plural_entries_are_refused_not_dropped():
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="one ship", msgid_plural="%d ships", msgstr_plural={0: "a", 1: "b"}))
    with pytest.raises(YakugoError, match="plural"):
        tmx_bytes([("translations/en/ships.po", catalog)])


xml_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn"), include_characters="\t\n"),
                   min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.dictionaries(xml_text, xml_text, min_size=1, max_size=8))
def test_any_text_survives_tmx_and_translate_toolkit_agrees(tmp_path, pairs):
    catalog = polib.POFile()
    for msgid, msgstr in pairs.items():
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    data = tmx_bytes([(PO_PATH, catalog)])
    path = tmp_path / "random.tmx"
    path.write_bytes(data)
    assert read_tmx_pairs(path) == list(pairs.items())
    assert [(u.source, u.target) for u in tmxfile.parsestring(data).units] == list(pairs.items())
    assert tmx_bytes([(PO_PATH, catalog)]) == data
