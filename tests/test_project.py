"""The bundled translation project: its glossary and its committed files are what the tools produce."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from lxml import etree, isoschematron

from conftest import REAL_SOURCE, REPO, STANDARDS, snapshot
from yakugo.cli import main
from yakugo.document import read_document
from yakugo.glossary.harvest import harvest
from yakugo.glossary.tbx import read_tbx, write_tbx
from yakugo.glossary.validate import validate_glossary
from yakugo.termindex import TermIndex

GLOSSARY = REPO / "glossary" / "glossary.tbx"


@pytest.fixture(scope="module")
def glossary():
    loaded, warnings = read_tbx(GLOSSARY)
    assert warnings == []
    return loaded


def test_glossary_is_large_valid_and_canonical(glossary):
    assert len(glossary) >= 80
    assert validate_glossary(glossary, "glossary/glossary.tbx") == []
    assert write_tbx(glossary) == GLOSSARY.read_bytes()


def test_glossary_passes_both_official_schemas():
    if not (STANDARDS / "tbx").is_dir():
        pytest.skip(f"the shared standards folder is not available at {STANDARDS}")
    document = etree.parse(str(GLOSSARY))
    rng = etree.RelaxNG(etree.parse(str(STANDARDS / "tbx" / "TBXcoreStructV03.rng")))
    assert rng.validate(document), rng.error_log
    sch = isoschematron.Schematron(etree.parse(str(STANDARDS / "tbx" / "TBX-Basic_DCA.xslt1.sch")),
                                   store_report=True)
    assert sch.validate(document), sch.validation_report


def test_glossary_covers_what_the_source_defines(glossary):
    english = {t.text for c in glossary for t in c.terms_in("en")}
    assert {"ACM", "BPM", "ISR", "ACSA", "SCWG", "CDPWG", "RDP MOU", "S&TF", "PSI"} <= english
    japanese = {t.text: c for c in glossary for t in c.terms_in("ja")}
    for short, full in (("陸自", "陸上自衛隊"), ("海自", "海上自衛隊"), ("空自", "航空自衛隊")):
        assert japanese[short] is japanese[full] and japanese[short].preferred("ja").text == full
    accepted = {t.text for c in glossary for t in c.accepted("en")}
    index = TermIndex(glossary)
    for proposal in harvest([read_document(REAL_SOURCE)]):
        assert index.find(proposal.preferred("ja").text), proposal.preferred("ja").text
        assert {t.text for t in proposal.terms_in("en")} - {""} <= accepted


def test_committed_translation_files_are_what_build_writes(tmp_path, monkeypatch):
    for name in ("pyproject.toml", "source_ja", "translations", "glossary"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    before = snapshot(tmp_path / "translations")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path / "translations") == before
    assert "glossary: " in result.output and " 0 errors" in result.output
