"""The glossary commands end to end, and term hints written by `yakugo update`."""

from __future__ import annotations

import csv
import io

import polib
import pytest
from click.testing import CliRunner

from conftest import REAL_SOURCE, snapshot
from yakugo.cli import main
from yakugo.glossary.model import Concept, Glossary, Term
from yakugo.glossary.tbx import read_tbx, save_tbx

PO = "translations/en/" + REAL_SOURCE.stem + ".po"


@pytest.fixture
def run(project, monkeypatch):
    def invoke(*args):
        monkeypatch.chdir(project)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    return invoke


@pytest.fixture
def glossary(project):
    """A small project glossary with a short form, an acronym and a forbidden rendering."""
    (project / "glossary").mkdir()
    path = project / "glossary" / "glossary.tbx"
    save_tbx(Glossary([
        Concept("c001-acm", "alliance mechanisms", terms=[
            Term("同盟調整メカニズム", "ja"),
            Term("Alliance Coordination Mechanism", "en"),
            Term("ACM", "en", "admitted", "acronym"),
            Term("Alliance Adjustment Mechanism", "en", "deprecated")]),
        Concept("c002-jgsdf", "organizations", terms=[
            Term("陸上自衛隊", "ja"), Term("陸自", "ja", "admitted", "shortForm"),
            Term("Japan Ground Self-Defense Force", "en"), Term("JGSDF", "en", "admitted", "acronym")]),
    ]), path)
    return path


def test_update_writes_term_hints_and_refreshes_them(project, run, glossary):
    run("build")
    catalog = polib.pofile(str(project / PO))
    acm = next(e for e in catalog if e.msgid.startswith("15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の"))
    assert "用語: 同盟調整メカニズム → Alliance Coordination Mechanism (ACM); not: Alliance Adjustment Mechanism" \
        in acm.comment.splitlines()
    caption = next(e for e in catalog if e.msgid.startswith("米海兵隊との実動訓練"))
    assert "用語: 陸自 → Japan Ground Self-Defense Force (JGSDF)" in caption.comment.splitlines()
    caption.tcomment = "photo caption: keep it short"
    catalog.wrapwidth = 0
    catalog.save()

    changed, _ = read_tbx(glossary)
    changed.concepts[1].terms[2].text = "Japan Ground Self Defense Force"
    save_tbx(changed, glossary)
    run("update")
    caption = next(e for e in polib.pofile(str(project / PO)) if e.msgid.startswith("米海兵隊との実動訓練"))
    assert "用語: 陸自 → Japan Ground Self Defense Force (JGSDF)" in caption.comment.splitlines()
    assert sum(line.startswith("用語:") for line in caption.comment.splitlines()) == 1
    assert caption.tcomment == "photo caption: keep it short"


def test_validate_reports_problems_with_location_and_exit_code(project, run, glossary):
    result = run("glossary", "validate")
    assert result.exit_code == 0, result.output
    assert "2 concepts, 0 errors" in result.output
    broken, _ = read_tbx(glossary)
    broken.concepts[1].terms[0].text = "同盟調整メカニズム"
    save_tbx(broken, glossary)
    result = run("glossary", "validate")
    assert result.exit_code == 1
    assert "glossary/glossary.tbx: concept c002-jgsdf" in result.output and "error" in result.output


def test_export_and_import_back_changes_nothing(project, run, glossary):
    before = glossary.read_bytes()
    for fmt in ("xlsx", "csv", "tbx"):
        result = run("glossary", "export", "--format", fmt)
        assert result.exit_code == 0, result.output
        result = run("glossary", "import", f"build/glossary.{fmt}")
        assert result.exit_code == 0, result.output
        assert "0 added, 0 changed, 0 removed" in result.output
        assert glossary.read_bytes() == before


def test_import_of_an_edited_csv_reports_and_writes_the_change(project, run, glossary):
    run("glossary", "export", "--format", "csv")
    exported = project / "build" / "glossary.csv"
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    rows[1][rows[0].index("English")] = "Alliance Coordination Mechanisms"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    exported.write_text(out.getvalue(), encoding="utf-8-sig")
    result = run("glossary", "import", str(exported))
    assert result.exit_code == 0, result.output
    assert "Alliance Coordination Mechanisms" in result.output and "1 changed" in result.output
    assert read_tbx(glossary)[0].concepts[0].preferred("en").text == "Alliance Coordination Mechanisms"


def test_import_that_would_break_the_glossary_writes_nothing(project, run, glossary):
    run("glossary", "export", "--format", "csv")
    exported = project / "build" / "glossary.csv"
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    rows[2][rows[0].index("Japanese")] = "同盟調整メカニズム"    # same Japanese term in two concepts
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    exported.write_text(out.getvalue(), encoding="utf-8-sig")
    before = snapshot(project)
    result = run("glossary", "import", str(exported))
    assert result.exit_code == 2 and "nothing written" in result.output
    assert snapshot(project) == before


def test_harvest_proposes_and_applies_only_what_is_new(project, run, glossary):
    result = run("glossary", "harvest")
    assert result.exit_code == 0, result.output
    assert "同盟調整メカニズム → Alliance Coordination Mechanism (ACM)  (known)" in result.output
    assert "共同計画策定メカニズム → Bilateral Planning Mechanism (BPM)  (new)" in result.output
    assert (project / "build" / "glossary-harvest.tbx").exists()
    assert len(read_tbx(glossary)[0]) == 2, "nothing is applied without --apply"
    result = run("glossary", "harvest", "--apply")
    assert result.exit_code == 0, result.output
    applied = read_tbx(glossary)[0]
    japanese = [c.preferred("ja").text for c in applied]
    assert "共同計画策定メカニズム" in japanese and japanese.count("同盟調整メカニズム") == 1
    assert "弾道ミサイル防衛用能力向上型迎撃ミサイル" not in japanese, "no English term: left for review"
    assert run("glossary", "validate").exit_code == 0


def test_lookup_by_japanese_english_or_sentence(project, run, glossary):
    assert run("glossary", "lookup", "陸自").output.startswith("c002-jgsdf: 陸上自衛隊 → Japan Ground")
    assert run("glossary", "lookup", "coordination").output.startswith("c001-acm:")
    result = run("glossary", "lookup", "同盟調整メカニズムと陸自の活動")
    assert [line.split(":")[0] for line in result.output.splitlines()] == ["c001-acm", "c002-jgsdf"]
    assert run("glossary", "lookup", "存在しない").exit_code == 1
