"""``yakugo check`` end to end on a copy of the real, translated project.

The committed translation is clean; each test breaks or annotates one real
entry and asserts what the command reports, how it exits and what it writes.
"""

from __future__ import annotations

import json

import jsonschema
import polib
import pytest
from click.testing import CliRunner

from conftest import REAL_SOURCE, REPO, snapshot
from yakugo.catalog import load_catalog, write_catalog
from yakugo.cli import main

PO = "translations/en/" + REAL_SOURCE.stem + ".po"
ACM_SENTENCE = "15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の"   # introduces the ACM


@pytest.fixture
def run(real_project, monkeypatch):
    def invoke(*args):
        monkeypatch.chdir(real_project)
        return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)
    return invoke


def edit(project, starts_with: str, msgstr=None, comment=None, fuzzy=False) -> polib.POEntry:
    """Change the entry whose msgid starts with ``starts_with``; return it as written."""
    path = project / PO
    catalog = load_catalog(path)
    [entry] = [e for e in catalog if e.msgid.startswith(starts_with)]
    if msgstr is not None:
        entry.msgstr = msgstr(entry.msgstr)
    if comment is not None:
        entry.tcomment = comment
    if fuzzy:
        entry.flags.append("fuzzy")
    write_catalog(catalog, path)
    return entry


def msgid_line(project, msgid: str) -> int:
    lines = (project / PO).read_text(encoding="utf-8").split("\n")
    return lines.index(f'msgid "{msgid}"') + 1


def test_the_committed_translation_is_clean(run):
    result = run()
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "0 errors, 0 warnings, 0 suppressed; checked 1 file, 124 entries"


def test_junit_of_the_clean_project_shows_its_file_as_checked(run):
    result = run("--format", "junit")
    assert result.exit_code == 0
    junitparser = pytest.importorskip("junitparser", reason="junitparser is in the [test] extra")
    [suite] = junitparser.JUnitXml.fromstring(result.output.encode())
    assert suite.name == PO
    [case] = list(suite)
    assert case.name == "no findings" and case.is_passed


def test_a_wrong_year_is_an_error_at_the_msgid_line(real_project, run):
    entry = edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("November 2015", "November 2016"))
    result = run()
    assert result.exit_code == 1
    line = msgid_line(real_project, entry.msgid)
    [finding] = [x for x in result.output.splitlines() if x.startswith(PO)]
    assert finding.startswith(f"{PO}:{line}: error: ")
    assert finding.endswith("[number-mismatch]")
    assert "2015" in finding and "2016" in finding


def test_json_carries_term_details(real_project, run):
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("Alliance Coordination Mechanism (ACM)",
                                                                 "Alliance Coordination Council"))
    result = run("--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    [term] = [f for f in report["findings"] if f["check"] == "term-missing"]
    assert term["term"] == "同盟調整メカニズム"
    assert "Alliance Coordination Mechanism" in " ".join(term["renderings"])
    assert term["concept"] and term["msgid"].startswith(ACM_SENTENCE)
    assert report["summary"]["errors"] >= 1 and report["summary"]["by_check"]["term-missing"] == 1


def test_suppression_comment_silences_one_entry_and_is_counted(real_project, run):
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("November 2015", "November 2016"),
         comment="yakugo: ignore number-mismatch -- the 2016 revision date is meant here")
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["findings"] == []
    [silenced] = report["suppressed"]
    assert silenced["check"] == "number-mismatch"
    assert silenced["suppressed"] == "the 2016 revision date is meant here"
    assert silenced["suppressed_in"] == "source"
    assert report["summary"]["suppressed"] == 1


def test_suppression_without_a_reason_does_not_silence(real_project, run):
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("November 2015", "November 2016"),
         comment="yakugo: ignore number-mismatch")
    result = run()
    assert result.exit_code == 1
    assert "[number-mismatch]" in result.output
    assert "no reason after ' -- '" in result.output and "[invalid-suppression]" in result.output


def test_unknown_id_in_a_suppression_and_an_unused_one_are_reported(real_project, run):
    edit(real_project, ACM_SENTENCE, comment="yakugo: ignore number-mismatch -- old\nyakugo: ignore term-mising -- typo")
    result = run("--fail-on", "warning")
    assert result.exit_code == 1
    assert "[unused-suppression]" in result.output
    assert "unknown check id 'term-mising'" in result.output


def test_project_wide_ignore_is_counted_as_suppressed(real_project, run):
    toml = real_project / "pyproject.toml"
    toml.write_text(toml.read_text() + '\n[tool.yakugo.check]\nignore = ["number-mismatch"]\n')
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("November 2015", "November 2016"))
    result = run("--format", "json")
    assert result.exit_code == 0
    [silenced] = json.loads(result.output)["suppressed"]
    assert silenced["suppressed_in"] == "project"


def test_severity_override_from_the_project(real_project, run):
    toml = real_project / "pyproject.toml"
    toml.write_text(toml.read_text() + '\n[tool.yakugo.check]\nseverity = { number-mismatch = "warning" }\n')
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("November 2015", "November 2016"))
    assert run().exit_code == 0
    assert run("--fail-on", "warning").exit_code == 1
    assert "warning: " in run().output


def test_fail_on_decides_the_exit_code(real_project, run):
    edit(real_project, ACM_SENTENCE, fuzzy=True)
    assert run().exit_code == 0                              # fuzzy is a warning
    assert run("--fail-on", "warning").exit_code == 1
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("2015", "2016"))
    assert run("--fail-on", "never").exit_code == 0


def test_select_and_ignore(real_project, run):
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("November 2015", "November 2016") + "  ")
    assert "[double-space]" not in run("--select", "number-mismatch").output
    assert "[number-mismatch]" not in run("--ignore", "number-mismatch").output
    result = run("--select", "no-such-check")
    assert result.exit_code == 2 and "unknown check id" in result.output


def test_untranslated_entries_are_warnings(real_project, run):
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: "")
    result = run()
    assert result.exit_code == 0
    assert "warning: not translated yet [untranslated]" in result.output


def test_sarif_file_is_valid_and_nothing_else_is_written(real_project, run):
    edit(real_project, ACM_SENTENCE, msgstr=lambda s: s.replace("2015", "2016"))
    before = snapshot(real_project)
    result = run("--format", "sarif", "-o", "report.sarif")
    assert result.exit_code == 1
    after = snapshot(real_project)
    assert set(after) - set(before) == {"report.sarif"}
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(after["report.sarif"])
    jsonschema.validate(log, schema)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"number-mismatch"}


def test_xlsx_needs_an_output_file(run):
    result = run("--format", "xlsx")
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_unreadable_po_is_exit_2_with_location(real_project, run):
    broken = real_project / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    result = run("broken.po")
    assert result.exit_code == 2
    assert result.output.startswith("yakugo: error: broken.po:")
    assert "Traceback" not in result.output


def test_list_checks_names_every_id(run):
    output = run("--list-checks").output
    for check_id in ("term-missing", "term-forbidden", "number-mismatch", "source-text-in-target",
                     "untranslated", "fuzzy", "inconsistent-translation", "inconsistent-source"):
        assert check_id in output


def test_progress_reports_add_up_to_the_entries_checked(real_project):
    from yakugo.checks.runner import Checker
    from yakugo.poreader import read_po_entries
    entries = read_po_entries(real_project / PO, PO)
    calls = []
    Checker(None).run([entries * 9, entries], progress=calls.append)   # 1,116 + 124 entries
    assert sum(calls) == 10 * len(entries) and calls[0] == 1000
