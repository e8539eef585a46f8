"""Shared fixtures: the real source, a throwaway copy of the project, GNU gettext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCE_DIR = REPO / "source_ja"
REAL_SOURCE = SOURCE_DIR / "dowj2018_II-4-2-3_alliance_initiatives.txt"
STANDARDS = REPO.parent / "shared" / "standards"

PROJECT_TOML = """\
[project]
name = "sample-translation"

[tool.yakugo]
source = "source_ja"
translations = "translations"
languages = ["en"]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh project folder holding a copy of the real source and nothing else."""
    (tmp_path / "pyproject.toml").write_text(PROJECT_TOML, encoding="utf-8")
    (tmp_path / "source_ja").mkdir()
    shutil.copy(REAL_SOURCE, tmp_path / "source_ja" / REAL_SOURCE.name)
    return tmp_path


@pytest.fixture
def real_project(tmp_path: Path) -> Path:
    """A copy of the repository's translation project: source, PO files, glossary, as committed."""
    (tmp_path / "pyproject.toml").write_text(PROJECT_TOML + 'glossary = "glossary/glossary.tbx"\n', encoding="utf-8")
    for folder in ("source_ja", "translations", "glossary"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture(scope="session")
def msgfmt() -> str:
    """Path of GNU gettext's msgfmt; tests that need it skip when it is not installed."""
    path = shutil.which("msgfmt")
    if path is None:
        pytest.skip("GNU gettext's msgfmt is not installed (Debian package 'gettext')")
    return path


def run_msgfmt(msgfmt: str, po: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([msgfmt, "--check", *options, "-o", "/dev/null", str(po)],
                          capture_output=True, text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove what a command did or did not write."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
