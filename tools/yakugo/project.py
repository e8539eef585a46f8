"""The project's jobs as plain functions: extract templates, update catalogs.

Each job reads and checks all of its input before it writes anything, so a bad
file stops the job with nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from .catalog import add_term_hints, load_catalog, template_from_document, write_catalog
from .config import Config
from .document import read_document
from .errors import YakugoError
from .gcpause import gc_paused
from .glossary.tbx import read_tbx
from .merge import MergeReport, merge
from .termindex import TermIndex


@dataclass
class Outcome:
    """What a job did to one file."""

    path: Path
    written: bool
    detail: str


def extract(config: Config, sources: list[Path] | None = None, output: Path | None = None,
            encoding: str | None = None) -> list[Outcome]:
    """Segment each source text into its template (``translations/templates/<stem>.pot``)."""
    with gc_paused():
        return _extract(config, sources, output, encoding)


def _extract(config: Config, sources: list[Path] | None, output: Path | None,
             encoding: str | None) -> list[Outcome]:
    sources = [Path(s) for s in sources] if sources else config.source_files()
    if output is not None and len(sources) != 1:
        raise YakugoError("-o/--output needs exactly one source file")
    if not sources:
        raise YakugoError("no source files to extract", config.source)
    planned: list[tuple[Path, polib.POFile]] = []
    for source in sources:
        document = read_document(source, encoding or config.source_encoding)
        template = template_from_document(document, config.relative(source))
        planned.append((Path(output) if output else config.template_for(source), template))
    _reject_collisions([target for target, _ in planned])
    outcomes = []
    for target, template in planned:
        written = write_catalog(template, target, date_field="POT-Creation-Date")
        outcomes.append(Outcome(target, written, f"{len(template)} entries"))
    return outcomes


def update(config: Config, languages: list[str] | None = None,
           templates: list[Path] | None = None) -> list[Outcome]:
    """Merge each template into ``translations/<lang>/<stem>.po``, creating missing catalogs.

    With a project glossary, each entry lists the glossary terms of its
    sentence as ``用語:`` comments, refreshed on every update.
    """
    with gc_paused():
        return _update(config, languages, templates)


def _update(config: Config, languages: list[str] | None, templates: list[Path] | None) -> list[Outcome]:
    templates = [Path(t) for t in templates] if templates else sorted(config.templates.glob("*.pot"))
    if not templates:
        raise YakugoError("no templates found; run 'yakugo extract' first", config.templates)
    index = glossary_index(config)
    planned: list[tuple[Path, polib.POFile, MergeReport]] = []
    for template_path in templates:
        template = load_catalog(template_path)
        for language in languages or config.languages:
            target = config.catalog_for(template_path, language)
            old = load_catalog(target) if target.exists() else None
            catalog, report = merge(template, old, language)
            if index is not None:
                add_term_hints(catalog, index, language)
            planned.append((target, catalog, report))
    outcomes = []
    for target, catalog, report in planned:
        written = write_catalog(catalog, target)
        outcomes.append(Outcome(target, written, str(report)))
    return outcomes


def read_inputs(config: Config) -> None:
    """Read every PO file and the glossary, so that a bad one stops a multi-step job (``yakugo
    build``) before its first step writes anything. The sources are read by extract before it writes."""
    for path in project_catalogs(config):
        load_catalog(path)
    if config.glossary.exists():
        read_tbx(config.glossary)


def glossary_index(config: Config) -> TermIndex | None:
    """The project glossary's Japanese terms, ready to find in sentences; None without a glossary."""
    if not config.glossary.exists():
        return None
    glossary, _warnings = read_tbx(config.glossary)  # `yakugo glossary validate` reports the warnings
    return TermIndex(glossary, glossary.source_language)


def project_catalogs(config: Config, languages: list[str] | None = None) -> list[Path]:
    """Every PO file of the project, for the given languages (default: all configured)."""
    return [path for language in (languages or config.languages)
            for path in sorted(config.language_dir(language).glob("*.po"))]


def _reject_collisions(targets: list[Path]) -> None:
    seen: set[Path] = set()
    for target in targets:
        resolved = target.resolve()
        if resolved in seen:
            raise YakugoError("two sources would write the same template; rename one of them", target)
        seen.add(resolved)
