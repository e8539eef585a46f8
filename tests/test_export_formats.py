"""The review formats read back by their real readers: openpyxl, lxml.html, python-docx, csv, and Chromium."""

from __future__ import annotations

import csv
import io
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText

from conftest import REAL_SOURCE, snapshot
from test_export_aligned import (CAPTION, ENGLISH, FUZZY_ENGLISH, LINE12, NOTE2, PO, SOURCE, aligned, set_translations,
                                 translated_project)  # noqa: F401 - the fixture
from yakugo.catalog import load_catalog
from yakugo.checks.model import Finding
from yakugo.cli.export import export_command
from yakugo.document import read_document
from yakugo.errors import YakugoError
from yakugo.export.docx import docx_bytes
from yakugo.export.html import html_text
from yakugo.export.tsv import escape, tsv_text, unescape
from yakugo.export.xlsx import xlsx_bytes

SEGMENTS = read_document(REAL_SOURCE).segments
CROSS_REFERENCE = "参照図表II-4-2-3(同盟調整メカニズム(ACM)の構成)"       # line 20
FORBIDDEN = "See Fig. II-4-2-3 (Structure of the Alliance Adjustment Mechanism (ACM))"
HEADING24 = "(2)運用面の調整の強化"
FORMULA_LIKE = '=HYPERLINK("x","y") (2) Enhancing Operational Coordination'
LINE12_EN_TERMS = ["Guidelines", "Alliance Coordination Mechanism", "ACM", "seamlessly"]
LINE12_JA_TERMS = ["ガイドライン", "切れ目のない", "同盟調整メカニズム"]


@pytest.fixture
def review(translated_project):
    """The aligned document with a forbidden term (and its finding) and a formula-like translation."""
    set_translations(translated_project / PO, {**ENGLISH, CROSS_REFERENCE: FORBIDDEN, HEADING24: FORMULA_LIKE},
                     FUZZY_ENGLISH)
    start = FORBIDDEN.index("Alliance Adjustment Mechanism")
    finding = Finding(PO, 120, CROSS_REFERENCE, FORBIDDEN, "term-forbidden", "error",
                      "'Alliance Adjustment Mechanism' is forbidden; use 'Alliance Coordination Mechanism (ACM)'",
                      target_span=(start, start + len("Alliance Adjustment Mechanism")))
    return aligned(translated_project, findings={(PO, CROSS_REFERENCE): [finding]})


def row_of(document, line: int, sentence: int = 0):
    return next(r for r in document.rows if r.line == line and r.sentence == sentence)


# --- XLSX ----------------------------------------------------------------------------------


@pytest.fixture
def sheet(review):
    workbook = load_workbook(io.BytesIO(xlsx_bytes([review], "review")), rich_text=True)
    return workbook["Aligned"]


def sheet_row(sheet, line: int):
    return next(row for row in sheet.iter_rows(min_row=2) if row[0].value == line)


def bold_runs(value) -> list[str]:
    return [str(block) for block in value if getattr(block, "font", None) is not None and block.font.b]


def test_xlsx_rows_follow_the_document_with_duplicates(sheet):
    header = [c.value for c in sheet[1]]
    assert header == ["Line", "Role", "Japanese", "English", "Status", "Glossary terms", "Findings", "File"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [(r[0], str(r[2])) for r in rows] == [(s.line, s.text) for s in SEGMENTS]
    assert [r[0] for r in rows].count(61) == 1 and [r[0] for r in rows].count(63) == 1
    assert {r[7] for r in rows} == {SOURCE}
    statuses = {r[0]: r[4] for r in rows}
    assert (statuses[12], statuses[14], statuses[102]) == ("translated", "fuzzy", "untranslated")
    assert rows[[r[0] for r in rows].index(166)][1] == "footnote 2"


def test_xlsx_terms_are_rich_text_in_both_columns(sheet):
    row = sheet_row(sheet, 12)
    japanese, english = row[2].value, row[3].value
    assert isinstance(japanese, CellRichText) and isinstance(english, CellRichText)
    assert str(japanese) == LINE12 and str(english) == ENGLISH[LINE12]
    assert bold_runs(japanese) == LINE12_JA_TERMS
    assert bold_runs(english) == LINE12_EN_TERMS
    assert "同盟調整メカニズム → Alliance Coordination Mechanism (ACM); not: Alliance Adjustment Mechanism" in \
        row[5].value.split("\n")


def test_xlsx_findings_and_status_are_shown(sheet):
    row = sheet_row(sheet, 20)
    assert row[6].value.startswith("error term-forbidden: 'Alliance Adjustment Mechanism' is forbidden")
    underlined = [str(b) for b in row[3].value if getattr(b, "font", None) is not None and b.font.u]
    assert underlined == ["Alliance Adjustment Mechanism"]
    untranslated = sheet_row(sheet, 102)
    assert untranslated[3].value is None and untranslated[3].fill.fgColor.rgb.endswith("F8CBAD")
    assert sheet_row(sheet, 14)[4].fill.fgColor.rgb.endswith("FFF2CC")


def test_xlsx_layout_and_print_set_up(sheet):
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H127"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_area == "'Aligned'!$A$1:$G$127"
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert all(sheet_row(sheet, 12)[i].alignment.wrap_text for i in range(1, 7))
    assert sheet.row_dimensions[sheet_row(sheet, 12)[0].row].height > 3 * sheet.row_dimensions[2].height


def test_xlsx_formula_like_text_stays_text(review):
    data = xlsx_bytes([review], "review")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    cell = sheet_row(load_workbook(io.BytesIO(data))["Aligned"], 24)[3]
    assert cell.value == FORMULA_LIKE and cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize("character", ["\ufffe", "\uffff"])
def test_xlsx_refuses_a_character_xml_cannot_hold_at_its_entry_and_writes_nothing(translated_project, monkeypatch,
                                                                                   character):
    # Not a control character, so openpyxl lets it in and fails only when saving, naming no entry.
    set_translations(translated_project / PO, {**ENGLISH, "Contents": f"Con{character}tents"}, FUZZY_ENGLISH)
    line = next(e.linenum for e in load_catalog(translated_project / PO) if e.msgid == "Contents")
    message = (f"{PO}:{line}: the translation holds the control character U+{ord(character):04X}, "
               "which a workbook cannot store; remove it")
    with pytest.raises(YakugoError) as error:
        xlsx_bytes([aligned(translated_project)], "review")
    assert str(error.value) == message

    monkeypatch.chdir(translated_project)
    result = CliRunner().invoke(export_command, ["xlsx"], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (2, f"yakugo: error: {message}\n")
    build = translated_project / "build"
    assert not build.exists() or snapshot(build) == {}


# --- HTML ----------------------------------------------------------------------------------


@pytest.fixture
def page(review):
    return html_text([review], "review")


def marks(cell) -> list[tuple[str, str]]:
    return [(m.text_content(), m.get("title")) for m in cell.iter("mark") if "term" in m.get("class").split()]


def html_row(tree, line: int, sentence: int = 0):
    rows = tree.xpath(f"//tr[starts-with(@id, 'd1-L{line}')]")
    return rows[sentence]


def test_html_is_self_contained_and_declares_languages(page):
    tree = lxml_html.document_fromstring(page)
    assert page.startswith("<!DOCTYPE html>") and tree.get("lang") == "en"
    assert not tree.xpath("//script | //link | //img | //iframe | //object | //*[@src] | //*[@href]")
    style = "".join(tree.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style and "@media print" in style
    segments = tree.xpath("//tr[contains(concat(' ', @class, ' '), ' segment ')]")
    assert len(segments) == len(SEGMENTS) == 126
    assert all(r.xpath("td[@lang='ja']") and r.xpath("td[@lang='en']") for r in segments)
    assert [r.xpath("string(td[@lang='ja'])") for r in segments] == [
        (str(s.footnote) if s.footnote and index == 0 else "") + s.text for index, s in _sentence_numbers(SEGMENTS)]


def _sentence_numbers(segments):
    previous, index = None, 0
    for segment in segments:
        index = index + 1 if segment.paragraph == previous else 0
        previous = segment.paragraph
        yield index, segment


def test_html_marks_terms_in_both_languages_with_the_approved_term_as_title(page):
    row = html_row(lxml_html.document_fromstring(page), 12)
    japanese, english = row.xpath("td[@lang='ja']")[0], row.xpath("td[@lang='en']")[0]
    assert [text for text, _ in marks(japanese)] == LINE12_JA_TERMS
    assert [text for text, _ in marks(english)] == LINE12_EN_TERMS
    assert ("同盟調整メカニズム", "Alliance Coordination Mechanism (ACM)") in marks(japanese)
    assert ("ACM", "Alliance Coordination Mechanism (ACM)") in marks(english)
    assert ("Guidelines", "Guidelines for Japan-U.S. Defense Cooperation") in marks(english)
    assert english.text_content() == ENGLISH[LINE12]


def test_html_keeps_headings_footnotes_status_and_findings(page):
    tree = lxml_html.document_fromstring(page)
    part_heading = ENGLISH["第II部 わが国の安全保障・防衛政策と日米同盟"]
    assert html_row(tree, 3).xpath("string(td[@lang='en']/h2)") == part_heading
    assert html_row(tree, 5).xpath("td[@lang='ja']/h3/text()") == ["3 同盟強化の主な取組"]
    assert html_row(tree, 10).xpath("string(td[@lang='en']/h4)") == ENGLISH["(1)同盟調整メカニズムの設置"]
    note = html_row(tree, 166)
    assert note.xpath("string(td[@lang='en']/span[@class='note-number'])") == "2"
    assert note.xpath("string(td[@lang='en'])") == "2" + ENGLISH[NOTE2]
    assert "fuzzy" in html_row(tree, 14).get("class").split()
    assert html_row(tree, 7, 1).xpath("td[@lang='en']/span[@class='empty']")
    assert html_row(tree, 7, 1).xpath("string(td[@class='pos']/span)") == "untranslated"
    finding = html_row(tree, 20)
    assert finding.xpath("string(.//ul[@class='findings']/li[@class='error']/span[@class='check'])") == "term-forbidden"
    assert finding.xpath("string(.//mark[contains(@class, 'finding')])") == "Alliance Adjustment Mechanism"


def test_html_renders_in_headless_chromium_without_console_errors(page, tmp_path):
    browser = Path("/usr/bin/chromium")
    if not browser.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (Debian package 'chromium')")

    def render(html: str) -> tuple[str, str]:
        path = tmp_path / "page.html"
        path.write_text(html, encoding="utf-8")
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
             "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout, "\n".join(line for line in done.stderr.splitlines() if ":CONSOLE" in line)

    # The check itself works: a page with a script error is caught.
    assert "Uncaught" in render("<!DOCTYPE html><script>missing()</script>")[1]
    dom, console = render(page)
    assert console == ""
    assert dom.count('class="segment ') == 126 and "同盟調整メカニズム" in dom


# --- DOCX ----------------------------------------------------------------------------------


@pytest.fixture
def word(review):
    return docx.Document(io.BytesIO(docx_bytes([review], "review")))


def test_docx_is_a_landscape_review_table_with_a_repeated_header(word):
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Line", "Japanese", "English", "Comments"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])
    assert len(table.rows) == 127
    body = table.rows[1:]
    assert [(r.cells[0].text.split("\n")[0], r.cells[1].text) for r in body] == [
        (str(s.line), (f"{s.footnote} " if s.footnote else "") + s.text) for s in SEGMENTS]
    english = {r.cells[0].text.split("\n")[0]: r.cells[2].text for r in body}
    assert english["12"] == ENGLISH[LINE12] and english["102"] == ""
    assert english["166"] == "2 " + ENGLISH[NOTE2]


def test_docx_marks_terms_languages_status_and_findings(word):
    rows = {r.cells[0].text.split("\n")[0]: r for r in word.tables[0].rows[1:]}
    line12 = rows["12"]
    assert [run.text for run in line12.cells[2].paragraphs[0].runs if run.bold] == LINE12_EN_TERMS
    assert [run.text for run in line12.cells[1].paragraphs[0].runs if run.bold] == LINE12_JA_TERMS
    japanese_run = line12.cells[1].paragraphs[0].runs[0]._r
    assert japanese_run.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"
    assert line12.cells[2].paragraphs[0].runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-US"
    assert rows["14"].cells[0].text == "14\nfuzzy"
    assert rows["14"].cells[2]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "FFF2CC"
    assert rows["20"].cells[3].text.startswith("error term-forbidden:")
    assert [run.text for run in rows["20"].cells[2].paragraphs[0].runs if run.underline] == [
        "Alliance Adjustment Mechanism"]


# --- TSV -----------------------------------------------------------------------------------


def test_tsv_round_trips_through_the_csv_module(translated_project):
    awkward = "(2) Enhancing\toperational\ncoordination \\ with\r\"quotes\""
    set_translations(translated_project / PO, {**ENGLISH, HEADING24: awkward})
    document = aligned(translated_project)
    text = tsv_text([document])
    assert text.count("\n") == 127 and "\r" not in text
    read = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert read[0] == ["source", "target", "status", "location"]
    assert [[unescape(cell) for cell in row] for row in read[1:]] == [
        [r.source, r.target, r.status, r.position] for r in document.rows]
    assert [unescape(row[1]) for row in read[1:] if row[3] == f"{SOURCE}:24"] == [awkward]
    by_location = {row[3]: row[:3] for row in read[1:]}
    assert by_location[f"{SOURCE}:61"] == by_location[f"{SOURCE}:63"] == [
        "米海兵隊との実動訓練(ノーザンヴァイパー)で調整を行う陸自隊員", escape(ENGLISH[CAPTION]), "translated"]


@given(st.text())
def test_tsv_escaping_is_reversible_and_leaves_no_separator(text):
    escaped = escape(text)
    assert unescape(escaped) == text
    assert not set(escaped) & {"\t", "\n", "\r"}


# --- Determinism ---------------------------------------------------------------------------


def test_zip_formats_are_byte_identical_across_runs_and_dated_from_the_po(review):
    first = xlsx_bytes([review], "review"), docx_bytes([review], "review")
    time.sleep(1.1)  # zip members carry seconds: a later run must not change them
    assert (xlsx_bytes([review], "review"), docx_bytes([review], "review")) == first
    assert html_text([review], "review") == html_text([review], "review")
    revised = review.revised.timetuple()[:6]
    for data in first:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {member.date_time for member in archive.infolist()} == {revised}
    assert load_workbook(io.BytesIO(first[0])).properties.modified == review.revised.replace(tzinfo=None)
    assert docx.Document(io.BytesIO(first[1])).core_properties.created == review.revised
