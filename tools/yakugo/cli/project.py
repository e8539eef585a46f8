"""Commands on the translation project itself: extract, update, stats and build."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..catalog import load_catalog, now_stamp
from ..config import Config, check_language
from ..errors import YakugoError
from ..export.document import DEFAULT_THRESHOLD
from ..export.outputs import DOCUMENT_FORMATS, EXTENSIONS, default_target, load, plan
from ..glossary.exchange import save_any
from ..glossary.tbx import read_tbx
from ..glossary.validate import validate_glossary
from ..project import Outcome, extract, project_catalogs, read_inputs, update
from ..report.text import summary_line
from ..stats import Stats, catalog_stats, total
from .common import guard_output, project, user_errors, warn_without_glossary
from .export import write


def _show(outcomes: list[Outcome], config: Config) -> None:
    for outcome in outcomes:
        state = "written" if outcome.written else "unchanged"
        click.echo(f"{config.relative(outcome.path)}: {outcome.detail} ({state})")


@click.command("extract")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Template to write (only with one SOURCE).")
@click.option("--encoding", default=None, help="Encoding of the sources [default: from [tool.yakugo], utf-8].")
@user_errors
def extract_command(sources: tuple[Path, ...], output: Path | None, encoding: str | None) -> None:
    """Segment source texts into PO templates (translations/templates/<stem>.pot).

    With no SOURCE, every file in the project's source folder.
    """
    config = project()
    guard_output(config, output, sources, writes_templates=True)
    _show(extract(config, list(sources) or None, output, encoding), config)


@click.command("update")
@click.option("--lang", "languages", multiple=True, help="Target language (repeatable) [default: all configured].")
@user_errors
def update_command(languages: tuple[str, ...]) -> None:
    """Merge the templates into translations/<lang>/<stem>.po (msgmerge semantics)."""
    config = project()
    for language in languages:
        check_language(language)
    warn_without_glossary(config, "PO entries get no term hints")
    _show(update(config, list(languages) or None), config)


@click.command("stats")
@click.argument("catalogs", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@user_errors
def stats_command(catalogs: tuple[Path, ...], output_format: str) -> None:
    """Translation progress per PO file and in total (counts agree with msgfmt --statistics)."""
    config = project()
    paths = list(catalogs) or project_catalogs(config)
    if not paths:
        raise YakugoError("no PO files found; run 'yakugo update' first", config.translations)
    results = [catalog_stats(load_catalog(p), config.relative(p)) for p in paths]
    overall = total(results)
    if output_format == "json":
        click.echo(json.dumps({"files": [s.as_dict() for s in results], "total": overall.as_dict()},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(_stats_table(results, overall))


def _stats_table(results: list[Stats], overall: Stats) -> str:
    rows = [(s.path, s.translated, s.fuzzy, s.untranslated, s.obsolete, s.source_chars,
             s.target_words, f"{s.percent:.1f}%") for s in [*results, overall]]
    head = ("file", "translated", "fuzzy", "untranslated", "obsolete", "source chars", "target words", "done")
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(len(head))]
    lines = []
    for number, row in enumerate([head, *rows]):
        if number == len(rows):
            lines.append("  ".join("-" * w for w in widths))
        cells = [str(cell).ljust(widths[0]) if i == 0 else str(cell).rjust(widths[i])
                 for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


@click.command("build")
@user_errors
def build_command() -> None:
    """The main job: extract, update, export the glossary and every format into the build folder, and summarise.

    The English document (text and Markdown) is left out for a PO file below
    the 80% threshold of `yakugo export document`.
    """
    config = project()
    read_inputs(config)
    click.echo("extract:")
    _show(extract(config), config)
    click.echo("update:")
    warn_without_glossary(config, "PO entries get no term hints and term checks are skipped")
    _show(update(config), config)
    if config.glossary.exists():
        glossary = read_tbx(config.glossary)[0]
        problems = validate_glossary(glossary, config.relative(config.glossary))
        errors = sum(p.severity == "error" for p in problems)
        target = config.build / "glossary.xlsx"
        save_any(glossary, target, "xlsx", source_name=config.relative(config.glossary), exported_at=now_stamp())
        click.echo(f"glossary: {len(glossary)} concepts, {errors} errors, {len(problems) - errors} warnings; "
                   f"{config.relative(target)} written")
    loaded = load(config, project_catalogs(config), None)
    click.echo("export:")
    outputs = []
    for output_format in EXTENSIONS:
        ready = []
        for item in loaded:
            if output_format in DOCUMENT_FORMATS and item.aligned.percent() < DEFAULT_THRESHOLD:
                click.echo(f"{config.relative(default_target(config, item.aligned, output_format))}: not written, "
                           f"{item.aligned.percent():.1f}% translated is below the {DEFAULT_THRESHOLD:g}% threshold")
            else:
                ready.append(item)
        outputs.extend(plan(config, output_format, ready))
    write(config, outputs)
    for item in loaded:
        click.echo(f"check: {item.shown}: {summary_line(item.result.summary)}")
    results = [catalog_stats(item.catalog, item.shown) for item in loaded]
    click.echo("progress:")
    click.echo(_stats_table(results, total(results)))
