"""XLIFF 1.2 export of the real project's PO files, import of CAT-tool work, and other tools' XLIFF."""

from __future__ import annotations

import copy
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage.xliff import xlifffile

from conftest import STANDARDS, run_msgfmt, snapshot
from test_tmx import (
    BROKEN_ENGLISH, BROKEN_MSGID, CAPTION, ENGLISH, PO_PATH, REAL_PO, translated_catalog, untranslated_copy)
from yakugo.catalog import load_catalog, render
from yakugo.cli.imports import import_group
from yakugo.config import load_config
from yakugo.errors import YakugoError
from yakugo.export.xliff import (
    XLIFF_12, XliffUnit, import_xliff, merge_units, read_xliff, read_xliff_pairs, xliff_bytes)

NS = {"x": XLIFF_12}
FOOTNOTE_SENTENCE = ("日米が協力する機会の増加に伴い、1996(平成8)年に締結(1999(平成11)年及び04(平成16)年に改正)した"
                     "日米物品役務相互提供協定2(ACSA:Acquisition and Cross-Servicing Agreement)による後方支援でも、"
                     "日米間の協力は着実に進展した。")
UNTOUCHED = "(1)情報収集・警戒監視・偵察(ISR)活動"

needs_standards = pytest.mark.skipif(not STANDARDS.is_dir(),
                                     reason=f"{STANDARDS} (the shared standards folder) is absent")

PROJECT_TOML = '[project]\nname = "p"\n\n[tool.yakugo]\nlanguages = ["en"]\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose PO file is the real one, without translations."""
    (tmp_path / "pyproject.toml").write_text(PROJECT_TOML, encoding="utf-8")
    untranslated_copy(tmp_path)
    return tmp_path


def exported(tmp_path: Path, fuzzy: tuple[str, ...] = (), english: dict[str, str] = ENGLISH) -> bytes:
    return xliff_bytes([(PO_PATH, translated_catalog(tmp_path / "work", english, fuzzy))])


def unit_for(root: etree._Element, source: str) -> etree._Element:
    return next(u for u in root.iterfind(".//x:trans-unit", NS) if u.findtext("x:source", namespaces=NS) == source)


def import_into(project: Path, data: bytes, **options) -> list:
    path = project / "from-cat-tool.xlf"
    path.write_bytes(data)
    return import_xliff(load_config(project), path, **options)


@needs_standards
def test_real_project_xliff_is_valid_against_the_strict_schema(tmp_path):
    english = {**ENGLISH, BROKEN_MSGID: BROKEN_ENGLISH}
    root = etree.fromstring(exported(tmp_path, fuzzy=(BROKEN_MSGID,), english=english))
    schema = etree.XMLSchema(etree.parse(str(STANDARDS / "xliff" / "xliff-core-1.2-strict.xsd")))
    assert schema.validate(root), schema.error_log
    [file] = root.iterfind("x:file", NS)
    assert dict(file.attrib) == {"original": PO_PATH, "source-language": "ja", "target-language": "en",
                                 "datatype": "plaintext"}


def entries(catalog: polib.POFile) -> list[tuple]:
    return [(e.msgid, e.msgstr, e.flags, e.tcomment, e.comment, e.occurrences) for e in catalog]


@needs_standards
def test_the_project_po_file_as_it_is_round_trips_through_xliff(tmp_path, project):
    real = load_catalog(REAL_PO)
    data = xliff_bytes([(PO_PATH, real)])
    schema = etree.XMLSchema(etree.parse(str(STANDARDS / "xliff" / "xliff-core-1.2-strict.xsd")))
    assert schema.validate(etree.fromstring(data)), schema.error_log
    (tmp_path / "real.xlf").write_bytes(data)
    assert read_xliff_pairs(tmp_path / "real.xlf") == [(e.msgid, e.msgstr) for e in real if e.msgid and e.msgstr]
    import_into(project, data)
    assert entries(load_catalog(project / PO_PATH)) == entries(real)


def test_states_say_translated_fuzzy_and_new(tmp_path):
    english = {**ENGLISH, BROKEN_MSGID: BROKEN_ENGLISH}
    root = etree.fromstring(exported(tmp_path, fuzzy=(BROKEN_MSGID,), english=english))
    units = root.findall(".//x:trans-unit", NS)
    assert len(units) == 124  # the msgids of the real PO file, without the header
    states = {u.findtext("x:source", namespaces=NS): (u.find("x:target", NS).get("state"), u.get("approved"),
                                                      u.findtext("x:target", namespaces=NS)) for u in units}
    assert states[CAPTION] == ("translated", "yes", ENGLISH[CAPTION])
    assert states[BROKEN_MSGID] == ("needs-review-translation", None, BROKEN_ENGLISH)
    assert states[UNTOUCHED] == ("needs-translation", None, "")
    assert sum(state == "translated" for state, _, _ in states.values()) == len(ENGLISH) - 1
    assert all(u.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for u in units)


def test_notes_carry_comments_term_hints_and_footnote_markers_and_contexts_the_references(tmp_path):
    catalog = translated_catalog(tmp_path)
    catalog.find(CAPTION).tcomment = "Photo caption: keep it short."
    root = etree.fromstring(xliff_bytes([(PO_PATH, catalog)]))
    footnote = unit_for(root, FOOTNOTE_SENTENCE)
    assert [(n.get("from"), n.text) for n in footnote.iterfind("x:note", NS)] == [
        ("developer", "type: body"),
        ("developer", 'footnote marker: 2 after "相互提供協定"'),
        ("developer", "用語: 日米物品役務相互提供協定 → Acquisition and Cross-Servicing Agreement (ACSA)"),
        ("developer", "用語: 後方支援 → logistics support; not: rear support, rear area support")]
    caption = unit_for(root, CAPTION)
    assert [(n.get("from"), n.text) for n in caption.iterfind("x:note", NS)][-1] == (
        "translator", "Photo caption: keep it short.")
    locations = [[(c.get("context-type"), c.text) for c in group]
                 for group in caption.iterfind("x:context-group[@purpose='location']", NS)]
    assert locations == [[("sourcefile", "source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt"), ("linenumber", n)]
                         for n in ("61", "63")]


def test_translate_toolkit_reads_states_notes_and_locations(tmp_path):
    english = {**ENGLISH, BROKEN_MSGID: BROKEN_ENGLISH}
    store = xlifffile.parsestring(exported(tmp_path, fuzzy=(BROKEN_MSGID,), english=english))
    units = {unit.source: unit for unit in store.units}
    assert units[CAPTION].istranslated() and not units[CAPTION].isfuzzy()
    assert units[BROKEN_MSGID].isfuzzy() and units[BROKEN_MSGID].target == BROKEN_ENGLISH
    assert not units[UNTOUCHED].istranslated()
    assert units[CAPTION].getlocations() == ["source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt:61",
                                             "source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt:63"]
    assert "用語: 陸自 → Japan Ground Self-Defense Force (JGSDF)" in units[CAPTION].getnotes("developer")


def test_unit_ids_are_unique_and_stable_and_output_deterministic(tmp_path):
    first = exported(tmp_path / "a")
    assert exported(tmp_path / "b") == first
    untranslated = etree.fromstring(xliff_bytes([(PO_PATH, load_catalog(untranslated_copy(tmp_path / "c")))]))
    ids = [u.get("id") for u in etree.fromstring(first).iterfind(".//x:trans-unit", NS)]
    assert len(set(ids)) == len(ids)
    assert ids == [u.get("id") for u in untranslated.iterfind(".//x:trans-unit", NS)]


def test_po_to_xliff_to_po_through_the_command_restores_every_entry(tmp_path, project, monkeypatch, msgfmt):
    english = {**ENGLISH, BROKEN_MSGID: BROKEN_ENGLISH}
    translated = translated_catalog(tmp_path / "work", english, fuzzy=(BROKEN_MSGID,))
    translated.find(CAPTION).tcomment = "Photo caption: keep it short."
    (project / "cat.xlf").write_bytes(xliff_bytes([(PO_PATH, translated)]))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(import_group, ["xliff", "cat.xlf", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output == f"{PO_PATH}: {len(english)} updated, {124 - len(english)} unchanged, 0 unknown (written)\n"
    imported = load_catalog(project / PO_PATH)
    assert entries(imported) == entries(translated)
    assert imported.metadata["PO-Revision-Date"] != translated.metadata["PO-Revision-Date"]
    assert run_msgfmt(msgfmt, project / PO_PATH).returncode == 0
    before = snapshot(project)
    again = CliRunner().invoke(import_group, ["xliff", "cat.xlf"])
    assert again.output == f"{PO_PATH}: 0 updated, 124 unchanged, 0 unknown (unchanged)\n"
    assert snapshot(project) == before


def test_cat_tool_edits_merge_by_state_and_never_erase_a_translation(tmp_path, project):
    already = translated_catalog(project, {CAPTION: ENGLISH[CAPTION], BROKEN_MSGID: "(2) Missile Defense"})
    root = etree.fromstring(xliff_bytes([(PO_PATH, already)]))
    edits = {
        "1 同盟内の調整の強化": ("final", ENGLISH["1 同盟内の調整の強化"]),
        "3 同盟強化の主な取組": ("signed-off", ENGLISH["3 同盟強化の主な取組"]),
        BROKEN_MSGID: ("needs-review-translation", BROKEN_ENGLISH),
        CAPTION: ("needs-translation", ""),  # the tool emptied it: the PO keeps its translation
        UNTOUCHED: ("new", UNTOUCHED),  # the tool copied the source into a new unit: not a translation
    }
    for source, (state, text) in edits.items():
        target = unit_for(root, source).find("x:target", NS)
        target.set("state", state)
        target.text = text
    stranger = copy.deepcopy(unit_for(root, "Contents"))
    stranger.find("x:source", NS).text = "存在しない文"
    stranger.set("id", "stranger")
    root.find(".//x:body", NS).append(stranger)
    [outcome] = import_into(project, etree.tostring(root))
    assert (outcome.counts.updated, outcome.counts.unchanged, outcome.counts.unknown) == (3, 121, 1)
    catalog = load_catalog(project / PO_PATH)
    assert catalog.find("1 同盟内の調整の強化").msgstr == ENGLISH["1 同盟内の調整の強化"]
    assert not catalog.find("1 同盟内の調整の強化").fuzzy
    assert catalog.find("3 同盟強化の主な取組").msgstr == ENGLISH["3 同盟強化の主な取組"]
    assert (catalog.find(BROKEN_MSGID).msgstr, catalog.find(BROKEN_MSGID).fuzzy) == (BROKEN_ENGLISH, True)
    assert catalog.find(CAPTION).msgstr == ENGLISH[CAPTION]
    assert catalog.find(UNTOUCHED).msgstr == ""


def test_a_finished_unit_clears_fuzzy_and_the_previous_msgid(tmp_path):
    catalog = polib.POFile()
    entry = polib.POEntry(msgid="(2)ミサイル防衛", msgstr="(2) Missile Defence", flags=["fuzzy"],
                          previous_msgid="(2)ミサイル防衛システム")
    catalog.append(entry)
    units = units_of(tmp_path, xliff_bytes([(PO_PATH, catalog)]))
    assert units[0].status == "fuzzy"
    finished = XliffUnit("(2)ミサイル防衛", "(2) Missile Defense", "translated", None, (), 1)
    counts = merge_units(catalog, [finished])
    assert (counts.updated, entry.msgstr, entry.fuzzy, entry.previous_msgid) == (1, "(2) Missile Defense", False, None)


def units_of(folder: Path, data: bytes) -> list:
    path = folder / "in.xlf"
    path.write_bytes(data)
    return [unit for file in read_xliff(path) for unit in file.units]


def test_dry_run_reports_and_writes_nothing(tmp_path, project, monkeypatch):
    (project / "cat.xlf").write_bytes(exported(tmp_path))
    before = snapshot(project)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(import_group, ["xliff", "cat.xlf", "--dry-run"])
    assert result.exit_code == 0
    assert result.output == f"{PO_PATH}: {len(ENGLISH)} updated, {124 - len(ENGLISH)} unchanged, 0 unknown (dry run)\n"
    assert snapshot(project) == before


def _second_file(good: bytes, name: str, value: str) -> tuple[bytes, int]:
    """``good`` with a copy of its file appended, the copy's attribute ``name`` set to ``value``."""
    root = etree.fromstring(good)
    second = copy.deepcopy(root.find("x:file", NS))
    second.set(name, value)
    root.append(second)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return data, etree.fromstring(data).findall("x:file", NS)[1].sourceline


def _last_unit_without_source(good: bytes) -> tuple[bytes, int]:
    root = etree.fromstring(good)
    unit = root.findall(".//x:trans-unit", NS)[-1]
    unit.remove(unit.find("x:source", NS))
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return data, etree.fromstring(data).findall(".//x:trans-unit", NS)[-1].sourceline


def _a_translated_unit_repeated_with_another_target(good: bytes) -> tuple[bytes, int]:
    root = etree.fromstring(good)
    unit = next(u for u in root.iterfind(".//x:trans-unit", NS) if u.get("approved") == "yes")
    again = copy.deepcopy(unit)
    again.set("id", unit.get("id") + "-again")
    again.find("x:target", NS).text = "A different translation."
    unit.getparent().append(again)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return data, etree.fromstring(data).findall(".//x:trans-unit", NS)[-1].sourceline


@pytest.mark.parametrize(("make", "words"), [
    (lambda good: (b"<xliff version='1.2'", 1), "malformed XML"),
    (lambda good: (b'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY t "x">]>\n<xliff/>', 2), "declares entities"),
    (lambda good: (b'<?xml version="1.0"?>\n<tmx version="1.4"/>', 2), "not an XLIFF 1.2 or 2.0 document"),
    (lambda good: _second_file(good, "original", "translations/en/missing.po"), "not a PO file"),
    (lambda good: _second_file(good, "original", "../outside/" + PO_PATH), "not a PO file"),
    (lambda good: _second_file(good, "target-language", "fr"), "does not match"),
    (_last_unit_without_source, "has no <source>"),
    (_a_translated_unit_repeated_with_another_target, "translates the same source as the unit at line"),
])
def test_bad_xliff_is_one_located_error_and_nothing_is_written(tmp_path, project, monkeypatch, make, words):
    # The bad part comes after good translations, so writing before the whole file was checked would show.
    data, line = make(exported(tmp_path))
    (project / "cat.xlf").write_bytes(data)
    before = snapshot(project)
    with pytest.raises(YakugoError) as caught:
        import_xliff(load_config(project), project / "cat.xlf")
    assert (caught.value.path, caught.value.line) == (str(project / "cat.xlf"), line)
    assert words in caught.value.message
    monkeypatch.chdir(project)
    result = CliRunner().invoke(import_group, ["xliff", "cat.xlf"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and words in result.output
    assert snapshot(project) == before


def test_lang_option_limits_the_po_files_accepted(tmp_path, project):
    with pytest.raises(YakugoError, match="for language de"):
        import_into(project, exported(tmp_path), language="de")


@needs_standards
def test_reads_xcode_xliff_12():
    pairs = read_xliff_pairs(STANDARDS / "samples" / "KeepingYouAwake_de.xliff")
    assert len(pairs) == 65  # 71 trans-units, 65 with a translated target (counted with grep)
    assert pairs[0] == ("(Default)", "(Standard)")
    assert ("Activate for Duration", "Aktivierungsdauer") in pairs


@needs_standards
def test_reads_openxliff_xliff_20():
    pairs = read_xliff_pairs(STANDARDS / "samples" / "tmxvalidator_es.xlf")
    assert len(pairs) == 35
    assert pairs[0] == ("Reload with DTD", "Recargar con DTD")


@needs_standards
def test_minimal_samples_with_placeholders():
    minimal = STANDARDS / "samples" / "minimal"
    assert read_xliff_pairs(minimal / "minimal_xliff12.xlf") == [("Hello world", "Bonjour le monde")]
    assert read_xliff_pairs(minimal / "minimal_xliff20.xlf") == [("Hello world", "Bonjour le monde")]


def test_inline_elements_read_as_their_text(tmp_path):
    path = tmp_path / "inline.xlf"
    path.write_text(f"""<xliff version="1.2" xmlns="{XLIFF_12}">
<file original="doc.html" source-language="ja" target-language="en" datatype="html"><body>
<group id="g1"><trans-unit id="1">
<source><g id="1">防空</g>及び<x id="2"/>ミサイル防衛<ph id="3">&lt;br/&gt;</ph></source>
<seg-source><mrk mtype="seg" mid="1"><g id="1">防空</g>及び<x id="2"/>ミサイル防衛<ph id="3">&lt;br/&gt;</ph></mrk></seg-source>
<target state="translated"><mrk mtype="seg" mid="1"><g id="1">Air defense</g> and <x id="2"/>missile defense\
<bpt id="4">&lt;b&gt;</bpt>!<ept id="4">&lt;/b&gt;</ept><ph id="3">&lt;br/&gt;</ph></mrk></target>
<alt-trans><source>別の文</source><target>another sentence</target></alt-trans>
</trans-unit></group></body></file></xliff>""", encoding="utf-8")
    assert read_xliff_pairs(path) == [("防空及びミサイル防衛<br/>", "Air defense and missile defense<b>!</b><br/>")]


def test_xliff_20_units_join_their_segments_and_code_points(tmp_path):
    path = tmp_path / "two.xlf"
    path.write_text("""<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ja" trgLang="en">
<file id="f1" original="translations/en/x.po"><group id="g"><unit id="u1">
<segment state="final"><source>宇宙<cp hex="0007"/>。</source><target>Space<cp hex="0007"/>.</target></segment>
<ignorable><source> </source></ignorable>
<segment state="reviewed"><source><pc id="1">サイバー</pc>空間。</source><target><pc id="1">Cyber</pc>space.</target></segment>
</unit><unit id="u2">
<segment><source>平時</source><target>peacetime</target></segment>
</unit><unit id="u3">
<segment state="translated"><source>防空</source><target>air defense</target></segment><segment><source>。</source></segment>
</unit></group></file></xliff>""", encoding="utf-8")
    [file] = read_xliff(path)
    assert [(u.source, u.target, u.status) for u in file.units] == [
        ("宇宙\x07。 サイバー空間。", "Space\x07. Cyberspace.", "translated"),
        ("平時", "peacetime", "fuzzy"),  # no state is "initial": not yet confirmed
        ("防空。", "", "untranslated")]  # one segment without target: the unit is not translated
    assert (file.original, file.target_language) == ("translations/en/x.po", "en")


def test_xliff_20_from_a_cat_tool_imports_into_the_project(project):
    sentence = "(1)同盟調整メカニズムの設置"
    root = etree.Element("{urn:oasis:names:tc:xliff:document:2.0}xliff", version="2.0", srcLang="ja", trgLang="en-US",
                         nsmap={None: "urn:oasis:names:tc:xliff:document:2.0"})
    file = etree.SubElement(root, "{urn:oasis:names:tc:xliff:document:2.0}file", id="f", original=PO_PATH)
    unit = etree.SubElement(file, "{urn:oasis:names:tc:xliff:document:2.0}unit", id="1")
    segment = etree.SubElement(unit, "{urn:oasis:names:tc:xliff:document:2.0}segment", state="final")
    etree.SubElement(segment, "{urn:oasis:names:tc:xliff:document:2.0}source").text = sentence
    etree.SubElement(segment, "{urn:oasis:names:tc:xliff:document:2.0}target").text = ENGLISH[sentence]
    if STANDARDS.is_dir():
        schema = etree.XMLSchema(etree.parse(str(STANDARDS / "xliff" / "xliff_core_2.0.xsd")))
        assert schema.validate(root), schema.error_log
    [outcome] = import_into(project, etree.tostring(root))
    assert (outcome.counts.updated, outcome.written) == (1, True)
    assert load_catalog(project / PO_PATH).find(sentence).msgstr == ENGLISH[sentence]


def test_msgctxt_tells_apart_entries_with_the_same_msgid(tmp_path):
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="平時", msgstr="peacetime"))
    catalog.append(polib.POEntry(msgid="平時", msgctxt="table header", msgstr="Peacetime"))
    units = units_of(tmp_path, xliff_bytes([(PO_PATH, catalog)]))
    template = polib.POFile()
    template.append(polib.POEntry(msgid="平時", msgstr=""))
    template.append(polib.POEntry(msgid="平時", msgctxt="table header", msgstr=""))
    merge_units(template, units)
    assert [(e.msgctxt, e.msgstr) for e in template] == [(None, "peacetime"), ("table header", "Peacetime")]


def test_text_xml_cannot_hold_names_the_po_entry(tmp_path):
    catalog = translated_catalog(tmp_path)
    catalog.find(CAPTION).tcomment = "bell\x07"
    with pytest.raises(YakugoError) as caught:
        xliff_bytes([(PO_PATH, catalog)])
    assert (caught.value.path, caught.value.line) == (PO_PATH, catalog.find(CAPTION).linenum)


xml_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn"), include_characters="\t\n\"\\"),
                   max_size=30)


@st.composite
def catalogs(draw):
    """A catalog of random entries: translated, fuzzy or new, some with translator comments."""
    catalog = polib.POFile(wrapwidth=0)
    for msgid in draw(st.lists(xml_text.filter(bool), min_size=1, max_size=8, unique=True)):
        msgstr = draw(xml_text)
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=draw(xml_text),
                              occurrences=[("source_ja/doc.txt", str(draw(st.integers(1, 999))))],
                              comment=draw(st.sampled_from(["", "type: body", "type: heading\n用語: 防空 → air defense"])))
        if msgstr and draw(st.booleans()):  # a fuzzy flag on an empty msgstr means nothing to gettext
            entry.flags.append("fuzzy")
        catalog.append(entry)
    return catalog


def template_of(catalog: polib.POFile) -> polib.POFile:
    """What `yakugo update` gives for the same source: no translations, flags or translator comments."""
    template = copy.deepcopy(catalog)
    for entry in template:
        entry.msgstr, entry.tcomment, entry.flags = "", "", []
    return template


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalog=catalogs())
def test_po_to_xliff_to_po_is_exact(tmp_path, catalog):
    path = tmp_path / "round.xlf"
    path.write_bytes(xliff_bytes([(PO_PATH, catalog)]))
    [file] = read_xliff(path)
    template = template_of(catalog)
    counts = merge_units(template, file.units)
    assert render(template) == render(catalog)
    assert counts.unknown == 0
    assert counts.updated == sum(bool(e.msgstr or e.tcomment) for e in catalog)
