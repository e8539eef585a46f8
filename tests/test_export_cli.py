"""`yakugo export` and `yakugo build` end to end, on a copy of the real project."""

from __future__ import annotations

import io
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import REAL_SOURCE, snapshot
from test_export_aligned import (ENGLISH, FUZZY_ENGLISH, PO, aligned, set_translations,
                                 translated_project)  # noqa: F401 - the fixture
from yakugo.catalog import load_catalog
from yakugo.cli import main
from yakugo.cli.export import export_command
from yakugo.export.document import english_text
from yakugo.export.tmx import tmx_bytes
from yakugo.export.xliff import xliff_bytes

STEM = REAL_SOURCE.stem
OUTPUTS = {f"{STEM}.en.{ext}" for ext in ("xlsx", "html", "docx", "tsv", "tmx", "xlf", "txt", "md")}


@pytest.fixture
def export(translated_project, monkeypatch):
    """Run ``yakugo export ARGS`` in the project and return the result."""
    def invoke(*args):
        monkeypatch.chdir(translated_project)
        return CliRunner().invoke(export_command, list(args), catch_exceptions=False)
    return invoke


def build_files(project) -> dict[str, bytes]:
    return snapshot(project / "build") if (project / "build").exists() else {}


def test_export_writes_one_file_per_po_into_the_build_folder(translated_project, export):
    result = export("xlsx")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"build/{STEM}.en.xlsx: 126 sentences\n"
    sheet = load_workbook(translated_project / "build" / f"{STEM}.en.xlsx")["Aligned"]
    assert sheet.max_row == 127


@pytest.mark.parametrize("output_format, marker", [
    ("html", b"<!DOCTYPE html>"), ("docx", b"PK\x03\x04"), ("tsv", b"source\ttarget\tstatus\tlocation\n"),
    ("tmx", b"<?xml"), ("xliff", b"<?xml")])
def test_each_format_to_a_named_file(translated_project, export, output_format, marker):
    result = export(output_format, PO, "-o", "out/review.bin")
    assert result.exit_code == 0, result.output
    assert (translated_project / "out" / "review.bin").read_bytes().startswith(marker)
    assert result.stdout.startswith("out/review.bin: ")


def test_tmx_and_xliff_are_the_cat_exchange_writers_output(translated_project, export):
    catalogs = [(PO, load_catalog(translated_project / PO))]
    assert export("tmx", "--include-fuzzy").exit_code == 0
    assert (translated_project / "build" / f"{STEM}.en.tmx").read_bytes() == tmx_bytes(catalogs, include_fuzzy=True)
    result = export("xliff")
    assert result.stdout == f"build/{STEM}.en.xlf: 124 units\n"
    assert (translated_project / "build" / f"{STEM}.en.xlf").read_bytes() == xliff_bytes(catalogs)


def test_document_below_the_threshold_is_refused_and_nothing_is_written(translated_project, export):
    result = export("document")
    assert result.exit_code == 2
    assert result.stderr == (f"yakugo: error: {PO}: only 11.3% of the entries are translated, below the 80% "
                             "threshold for the English document; translate more or lower --threshold\n")
    assert build_files(translated_project) == {}


def test_a_threshold_that_is_not_a_number_is_a_usage_error(translated_project, export):
    result = export("document", "--threshold", "nan")
    assert result.exit_code == 2 and "Invalid value for '--threshold': not a number" in result.stderr
    assert build_files(translated_project) == {}


def test_document_with_a_lower_threshold_counts_the_japanese_left_in(translated_project, export):
    result = export("document", "--threshold", "10")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"build/{STEM}.en.txt: 126 sentences, 111 left in Japanese\n"
    assert result.stderr == (f"build/{STEM}.en.txt: warning: 111 sentences were left in Japanese "
                             "(untranslated, or fuzzy without --include-fuzzy)\n")
    written = (translated_project / "build" / f"{STEM}.en.txt").read_text(encoding="utf-8")
    assert written == english_text(aligned(translated_project), threshold=0).text


def test_markdown_counts_fuzzy_entries_only_when_asked(translated_project, export):
    assert export("markdown", "--threshold", "12").exit_code == 2
    result = export("markdown", "--threshold", "12", "--include-fuzzy")
    assert result.exit_code == 0, result.output
    markdown = (translated_project / "build" / f"{STEM}.en.md").read_text(encoding="utf-8")
    assert FUZZY_ENGLISH[next(iter(FUZZY_ENGLISH))] in markdown and markdown.startswith("# Contents\n\n")


def test_several_po_files_go_into_one_file_with_o(translated_project, export):
    shutil.copy(translated_project / PO, translated_project / "translations" / "en" / "copy.po")
    result = export("xlsx", "-o", "all.xlsx")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO((translated_project / "all.xlsx").read_bytes()))["Aligned"]
    assert sheet.max_row == 1 + 2 * 126
    refused = export("document", "-o", "all.txt", "--threshold", "0")
    assert refused.exit_code == 2 and "one file per PO file" in refused.stderr
    assert not (translated_project / "all.txt").exists()
    assert export("tsv").stdout.splitlines() == ["build/copy.en.tsv: 126 sentences",
                                                 f"build/{STEM}.en.tsv: 126 sentences"]


def test_one_bad_po_file_stops_the_export_before_anything_is_written(translated_project, export):
    stale = translated_project / "translations" / "en" / "stale.po"
    stale.write_text((translated_project / PO).read_text(encoding="utf-8").replace(
        'msgid "Contents"', 'msgid "Contents (old)"'), encoding="utf-8")
    result = export("html")
    assert result.exit_code == 2
    assert result.stderr.startswith("yakugo: error: translations/en/stale.po: the sentence at "
                                    f"source_ja/{STEM}.txt:1 is not in this PO file")
    assert build_files(translated_project) == {}


def test_no_po_files_is_a_clear_error(translated_project, export):
    result = export("tsv", "--lang", "fr")
    assert result.exit_code == 2 and "no PO files found; run 'yakugo update' first" in result.stderr


def test_build_writes_every_output_and_skips_the_document_below_the_threshold(translated_project, monkeypatch):
    monkeypatch.chdir(translated_project)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = set(build_files(translated_project)) - {"glossary.xlsx"}
    assert written == OUTPUTS - {f"{STEM}.en.txt", f"{STEM}.en.md"}
    assert f"build/{STEM}.en.txt: not written, 11.3% translated is below the 80% threshold" in result.stdout
    for name in written:
        assert f"build/{name}: " in result.stdout


def test_build_writes_the_document_once_enough_is_translated_and_reruns_change_no_byte(translated_project,
                                                                                        monkeypatch):
    catalog = load_catalog(translated_project / PO)
    stand_ins = {e.msgid: f"Sentence {number}." for number, e in enumerate(catalog) if e.msgid not in ENGLISH}
    set_translations(translated_project / PO, {**stand_ins, **ENGLISH})
    monkeypatch.chdir(translated_project)
    first = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    files = build_files(translated_project)
    assert set(files) - {"glossary.xlsx"} == OUTPUTS
    assert files[f"{STEM}.en.txt"].decode("utf-8").split("\n")[11] == ENGLISH[next(
        k for k in ENGLISH if k.startswith("15(平成27)年11月"))]
    again = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert again.exit_code == 0
    assert {k: v for k, v in build_files(translated_project).items() if k != "glossary.xlsx"} == {
        k: v for k, v in files.items() if k != "glossary.xlsx"}


@pytest.mark.parametrize("output_format", ["xlsx", "html", "docx"])
def test_a_control_character_in_a_translation_is_refused_at_its_entry(translated_project, export, output_format):
    set_translations(translated_project / PO, {**ENGLISH, "Contents": "Con\x0btents"})
    line = next(e.linenum for e in load_catalog(translated_project / PO) if e.msgid == "Contents")
    result = export(output_format)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"yakugo: error: {PO}:{line}: the translation holds the control character "
                                    "U+000B")
    assert build_files(translated_project) == {}
