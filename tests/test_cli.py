"""The command line end to end, on a copy of the real project."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from conftest import REAL_SOURCE, run_msgfmt, snapshot
from yakugo.cli import main
from yakugo.config import check_language

POT = "translations/templates/" + REAL_SOURCE.stem + ".pot"
PO = "translations/en/" + REAL_SOURCE.stem + ".po"


@pytest.fixture
def run(project, monkeypatch):
    """Run ``yakugo ARGS`` inside the project folder (or a subfolder) and return the result."""
    def invoke(*args, cwd=project):
        monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    return invoke


def test_build_makes_template_and_catalog_that_msgfmt_accepts(project, run, msgfmt):
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "0.0%" in result.output
    for path in (POT, PO):
        assert run_msgfmt(msgfmt, project / path).returncode == 0
    assert len(polib.pofile(str(project / PO))) == 124


def test_rerunning_build_changes_no_byte(project, run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run("build")
    first = snapshot(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    result = run("build")
    assert "(unchanged)" in result.output and "(written)" not in result.output
    assert snapshot(project) == first


def test_commands_find_the_project_from_a_subfolder(project, run):
    (project / "source_ja" / "notes").mkdir()
    result = run("extract", cwd=project / "source_ja" / "notes")
    assert result.exit_code == 0, result.output
    assert (project / POT).exists()


def test_extract_one_source_to_a_named_output(project, run):
    result = run("extract", str(project / "source_ja" / REAL_SOURCE.name), "-o", str(project / "out.pot"))
    assert result.exit_code == 0, result.output
    assert len(polib.pofile(str(project / "out.pot"))) == 124
    assert not (project / POT).exists()


def test_extract_reads_shift_jis_with_encoding(project, run):
    sjis = project / "source_ja" / REAL_SOURCE.name
    sjis.write_bytes(REAL_SOURCE.read_text(encoding="utf-8").encode("cp932"))
    assert run("extract").exit_code == 2
    result = run("extract", "--encoding", "cp932")
    assert result.exit_code == 0, result.output
    assert len(polib.pofile(str(project / POT))) == 124


def test_undecodable_source_is_one_clear_error_and_writes_nothing(project, run):
    run("build")
    (project / "source_ja" / "zz_broken.txt").write_bytes("見出し\n本文".encode() + b"\x81\x00")
    before = snapshot(project)
    result = run("extract")
    assert result.exit_code == 2
    assert re.fullmatch(r"yakugo: error: \S*source_ja/zz_broken\.txt:2: cannot decode as utf-8 "
                        r"at byte offset 16 \(b'\\x81\\x00'\); convert the file to UTF-8 or pass --encoding\n",
                        result.output)
    assert "Traceback" not in result.output
    assert snapshot(project) == before


def test_broken_catalog_stops_update_before_anything_is_written(project, run):
    run("build")
    second = project / "source_ja" / "another.txt"
    second.write_text("第2の文書である。\n", encoding="utf-8")
    run("extract")
    (project / PO).write_text((project / PO).read_text(encoding="utf-8") + "\nthis line is not PO\n", encoding="utf-8")
    before = snapshot(project)
    result = run("update")
    assert result.exit_code == 2
    assert f"{PO}:" in result.output.replace(str(project) + "/", "") and "not a valid PO file" in result.output
    assert snapshot(project) == before
    assert not (project / "translations/en/another.po").exists()


def test_a_broken_catalog_stops_build_before_its_first_step_writes(project, run):
    run("build")
    source = project / "source_ja" / REAL_SOURCE.name
    source.write_text(source.read_text(encoding="utf-8") + "新しい文である。\n", encoding="utf-8")
    (project / PO).write_text((project / PO).read_text(encoding="utf-8") + "\nthis line is not PO\n", encoding="utf-8")
    before = snapshot(project)
    result = run("build")
    assert result.exit_code == 2 and "not a valid PO file" in result.stderr
    assert snapshot(project) == before   # the template was not re-extracted either


def test_update_after_a_source_edit(project, run):
    run("build")
    catalog = polib.pofile(str(project / PO), wrapwidth=0)
    for number, item in enumerate(catalog):
        item.msgstr = f"English sentence {number}."
    catalog.save()
    source = project / "source_ja" / REAL_SOURCE.name
    text = source.read_text(encoding="utf-8")
    text = text.replace("近年では、地方自治体が開催する防災訓練", "近年では、地方公共団体が開催する防災訓練")
    text = text.replace("参照資料23(日米共同研究・開発プロジェクト)\n", "")
    text = text.replace("(2)教育・研究交流\n", "(2)教育・研究交流\n\n新しい段落である。\n")
    source.write_text(text, encoding="utf-8")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "122 kept, 1 fuzzy, 1 new, 1 obsolete" in result.output
    stats = json.loads(run("stats", "--format", "json").output)["total"]
    assert (stats["translated"], stats["fuzzy"], stats["untranslated"], stats["obsolete"]) == (122, 1, 1, 1)


def test_stats_agree_with_msgfmt(project, run, msgfmt):
    run("build")
    catalog = polib.pofile(str(project / PO), wrapwidth=0)
    for number, item in enumerate(catalog):
        if number % 3 == 0:
            item.msgstr = "Translated text."
        elif number % 3 == 1:
            item.msgstr = "Draft text."
            item.flags.append("fuzzy")
        elif number % 7 == 2:
            item.flags.append("fuzzy")  # fuzzy but empty: msgfmt counts it untranslated
    catalog.save()
    data = json.loads(run("stats", "--format", "json").output)["files"][0]
    printed = run_msgfmt(msgfmt, project / PO, "--statistics").stderr
    numbers = {kind: int(n) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", printed)}
    assert numbers == {"translated": data["translated"], "fuzzy": data["fuzzy"],
                       "untranslated": data["untranslated"]}
    assert data["percent"] == round(100 * data["translated"] / 124, 1)
    assert data["target_words"] == 2 * data["translated"]
    text = run("stats").output
    assert re.search(rf"{re.escape(PO)}\s+{data['translated']}\s+{data['fuzzy']}\s+{data['untranslated']}", text)


def test_console_script_is_installed_and_reports_usage_errors(project):
    executable = str(Path(sys.executable).with_name("yakugo"))
    if not Path(executable).exists():
        executable = shutil.which("yakugo")
    (project / "source_ja" / "second.txt").write_text("二つ目の文書。\n", encoding="utf-8")
    result = subprocess.run([executable, "extract", "-o", "x.pot"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "yakugo: error: -o/--output needs exactly one source file"


def test_a_mistyped_setting_is_reported_with_the_file(project, run):
    toml = project / "pyproject.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("languages", "langauges"), encoding="utf-8")
    result = run("stats")
    assert result.exit_code == 2
    assert "pyproject.toml: [tool.yakugo] has unknown setting(s) langauges" in result.output


def test_the_command_line_starts_without_the_office_libraries():
    # openpyxl (with numpy) and python-docx double the start-up time of every command;
    # only the formats that write XLSX or DOCX import them.
    code = "import sys, yakugo.cli; print(sorted({'openpyxl', 'docx', 'numpy'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("setting", ['languages = ["../../escape"]', 'languages = [""]', "languages = 5",
                                     'languages = {a = 1}', 'languages = ["en/../.."]'])
def test_a_language_must_be_a_code_not_a_path(project, run, setting):
    toml = project / "pyproject.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('languages = ["en"]', setting), encoding="utf-8")
    before = snapshot(project)
    result = run("update")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith("yakugo: error: ") and "language" in result.stderr
    assert snapshot(project) == before and not (project.parent / "escape").exists()


@pytest.mark.parametrize("code", ["../../escape", "", "en/x", "."])
def test_lang_options_take_only_language_codes(project, run, code):
    run("build")
    before = snapshot(project)
    result = run("update", "--lang", code)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"yakugo: error: {code!r} is not a language code (like en, en_GB or pt-BR)"
    assert snapshot(project) == before and not (project.parent / "escape").exists()


@pytest.mark.parametrize("args", [
    ["check", PO, "-o", PO, "--format", "json"],
    ["export", "tsv", PO, "-o", PO],
    ["export", "document", PO, "-o", "source_ja/" + REAL_SOURCE.name, "--threshold", "0"],
    ["extract", "source_ja/" + REAL_SOURCE.name, "-o", PO],
    ["extract", "source_ja/" + REAL_SOURCE.name, "-o", "source_ja/" + REAL_SOURCE.name],
    ["score", PO, "--ref", PO.replace(".po", ".copy.po"), "-o", PO],
    ["glossary", "export", "--format", "csv", "-o", "pyproject.toml"],
    ["export", "tmx", PO, "-o", POT],
])
def test_an_output_may_not_overwrite_an_input_or_a_project_file(project, run, args):
    run("build")
    shutil.copy(project / PO, project / PO.replace(".po", ".copy.po"))
    before = snapshot(project)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "is an input of this command or a source, PO or glossary file of the project" in result.stderr
    assert snapshot(project) == before


def test_extract_may_still_write_a_template_with_o(project, run):
    run("build")
    result = run("extract", "source_ja/" + REAL_SOURCE.name, "-o", POT)
    assert result.exit_code == 0, result.output


def test_a_missing_glossary_is_said_not_silently_skipped(project, run):
    run("build")
    result = run("check")
    assert "glossary/glossary.tbx: warning: glossary not found; term checks are skipped" in result.stderr
    assert "glossary not found; PO entries get no term hints" in run("update").stderr


def test_a_write_that_fails_is_one_clear_error(project, run):
    run("build")
    (project / "build").rename(project / "old-build")
    (project / "build").write_text("a file where the build folder should be")
    result = run("export", "xlsx")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.startswith("yakugo: error: ") and "a part of the path is a file" in result.stderr


@pytest.mark.parametrize("code", ["ja", "en", "pt_BR", "pt-BR", "zh-Hant", "es-419", "sr@latin", "sd_IN@devanagari"])
def test_real_language_codes_are_accepted(code):
    assert check_language(code) == code
