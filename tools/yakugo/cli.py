"""The ``yakugo`` command line: parse options, call the library, print, set the exit code."""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .catalog import HINT_PREFIX, load_catalog, now_stamp, term_hint
from .config import Config, load_config
from .document import read_document
from .errors import YakugoError
from .glossary.exchange import describe, load_any, merge_glossaries, save_any
from .glossary.harvest import harvest, unknown_concepts
from .glossary.lookup import lookup
from .glossary.model import Glossary
from .glossary.tbx import read_tbx, save_tbx
from .glossary.validate import validate_glossary
from .project import Outcome, extract, project_catalogs, update
from .stats import Stats, catalog_stats, total


def _project() -> Config:
    return load_config(Path.cwd())


def _user_errors(command):
    """Report a YakugoError as one line on stderr with exit code 2, never a traceback."""
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except YakugoError as exc:
            click.echo(f"yakugo: error: {exc}", err=True)
            sys.exit(2)
    return wrapper


def _show(outcomes: list[Outcome], config: Config) -> None:
    for outcome in outcomes:
        state = "written" if outcome.written else "unchanged"
        click.echo(f"{config.relative(outcome.path)}: {outcome.detail} ({state})")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
@click.version_option(__version__, prog_name="yakugo")
def main() -> None:
    """Translate Japanese documents into English with PO files and a controlled glossary.

    Settings come from [tool.yakugo] in the nearest pyproject.toml above the
    current folder.
    """


@main.command("extract")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Template to write (only with one SOURCE).")
@click.option("--encoding", default=None, help="Encoding of the sources [default: from [tool.yakugo], utf-8].")
@_user_errors
def extract_command(sources: tuple[Path, ...], output: Path | None, encoding: str | None) -> None:
    """Segment source texts into PO templates (translations/templates/<stem>.pot).

    With no SOURCE, every file in the project's source folder.
    """
    config = _project()
    _show(extract(config, list(sources) or None, output, encoding), config)


@main.command("update")
@click.option("--lang", "languages", multiple=True, help="Target language (repeatable) [default: all configured].")
@_user_errors
def update_command(languages: tuple[str, ...]) -> None:
    """Merge the templates into translations/<lang>/<stem>.po (msgmerge semantics)."""
    config = _project()
    _show(update(config, list(languages) or None), config)


@main.command("stats")
@click.argument("catalogs", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@_user_errors
def stats_command(catalogs: tuple[Path, ...], output_format: str) -> None:
    """Translation progress per PO file and in total (counts agree with msgfmt --statistics)."""
    config = _project()
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


@main.command("build")
@_user_errors
def build_command() -> None:
    """The main job: extract, update, export the glossary into the build folder, and summarise."""
    config = _project()
    click.echo("extract:")
    _show(extract(config), config)
    click.echo("update:")
    _show(update(config), config)
    if config.glossary.exists():
        glossary = read_tbx(config.glossary)[0]
        problems = validate_glossary(glossary, config.relative(config.glossary))
        errors = sum(p.severity == "error" for p in problems)
        target = config.build / "glossary.xlsx"
        save_any(glossary, target, "xlsx", source_name=config.relative(config.glossary), exported_at=now_stamp())
        click.echo(f"glossary: {len(glossary)} concepts, {errors} errors, {len(problems) - errors} warnings; "
                   f"{config.relative(target)} written")
    results = [catalog_stats(load_catalog(p), config.relative(p)) for p in project_catalogs(config)]
    click.echo("progress:")
    click.echo(_stats_table(results, total(results)))


@main.group("glossary")
def glossary_group() -> None:
    """Validate, exchange, harvest and look up the controlled glossary (glossary/glossary.tbx)."""


def _load_project_glossary(config: Config) -> Glossary:
    if not config.glossary.exists():
        raise YakugoError("glossary not found; set 'glossary' in [tool.yakugo]", config.relative(config.glossary))
    return read_tbx(config.glossary)[0]


@glossary_group.command("validate")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@_user_errors
def glossary_validate(file: Path | None) -> None:
    """Report every problem of a glossary (TBX, XLSX or CSV); exit 1 when there are errors."""
    config = _project()
    path = file or config.glossary
    glossary, warnings = load_any(path)
    shown = config.relative(path)
    problems = validate_glossary(glossary, shown)
    for warning in warnings:
        click.echo(warning if ": warning: " in warning else f"{shown}: warning: {warning}")
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    click.echo(f"{shown}: {len(glossary)} concepts, {errors} errors, "
               f"{len(problems) - errors + len(warnings)} warnings")
    sys.exit(1 if errors else 0)


@glossary_group.command("export")
@click.option("--format", "output_format", type=click.Choice(["xlsx", "csv", "tbx"]), default="xlsx")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write [default: <build>/glossary.<format>].")
@_user_errors
def glossary_export(output_format: str, output: Path | None) -> None:
    """Export the glossary for people (XLSX), scripts (CSV) or CAT tools (TBX)."""
    config = _project()
    glossary = _load_project_glossary(config)
    target = output or config.build / f"glossary.{output_format}"
    save_any(glossary, target, output_format, source_name=config.relative(config.glossary),
             exported_at=now_stamp())
    click.echo(f"{config.relative(target)}: {len(glossary)} concepts")


@glossary_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--replace", is_flag=True, help="Make the glossary exactly FILE (concepts missing from it are removed).")
@_user_errors
def glossary_import(file: Path, replace: bool) -> None:
    """Merge an edited XLSX, CSV or TBX into the glossary, printing what changes.

    Concepts are matched by id. Nothing is written when FILE or the result
    has errors.
    """
    config = _project()
    incoming, warnings = load_any(file)
    current = read_tbx(config.glossary)[0] if config.glossary.exists() else Glossary()
    merged, changes = merge_glossaries(current, incoming, replace)
    for warning in warnings:
        click.echo(f"{file}: warning: {warning}", err=True)
    errors = [p for p in validate_glossary(merged, config.relative(config.glossary)) if p.severity == "error"]
    if errors:
        raise YakugoError("import refused, the glossary would not validate; nothing written:\n"
                          + "\n".join(str(p) for p in errors), file)
    for line in describe(changes):
        click.echo(line)
    if changes:
        save_tbx(merged, config.glossary)
        click.echo(f"{config.relative(config.glossary)}: written")


@glossary_group.command("harvest")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["tbx", "csv", "xlsx"]), default="tbx")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write [default: <build>/glossary-harvest.<format>].")
@click.option("--apply", is_flag=True, help="Also add the proposals the glossary does not have yet.")
@_user_errors
def glossary_harvest(sources: tuple[Path, ...], output_format: str, output: Path | None, apply: bool) -> None:
    """Propose concepts from the definitions the source gives: 同盟調整メカニズム(ACM:…), 正式名称 notes."""
    config = _project()
    documents = [read_document(p, config.source_encoding) for p in (list(sources) or config.source_files())]
    proposals = harvest(documents)
    current = read_tbx(config.glossary)[0] if config.glossary.exists() else Glossary()
    fresh = {c.id for c in unknown_concepts(proposals, current)}
    for concept in proposals:
        state = "new" if concept.id in fresh else "known"
        click.echo(f"{concept.id}  {concept.preferred('ja').text} → {concept.rendering('en') or '?'}  ({state})")
    target = output or config.build / f"glossary-harvest.{output_format}"
    save_any(proposals, target, output_format, source_name="yakugo glossary harvest", exported_at=now_stamp())
    click.echo(f"{config.relative(target)}: {len(proposals)} proposals, {len(fresh)} not in the glossary")
    if apply:
        added = [c for c in unknown_concepts(proposals, current) if c.preferred(current.target_language)]
        if added:
            current.concepts.extend(added)
            save_tbx(current, config.glossary)
        click.echo(f"{config.relative(config.glossary)}: {len(added)} concepts added "
                   f"({len(fresh) - len(added)} without an English term left for review)")


@glossary_group.command("lookup")
@click.argument("text")
@_user_errors
def glossary_lookup(text: str) -> None:
    """Find concepts by Japanese or English text (a term, part of one, or a whole sentence)."""
    config = _project()
    glossary = _load_project_glossary(config)
    found = lookup(glossary, text)
    for concept in found:
        japanese = concept.preferred(glossary.source_language)
        line = term_hint(japanese.text if japanese else "?", concept, glossary.target_language)
        click.echo(f"{concept.id}: {line[len(HINT_PREFIX):]}")
    if not found:
        click.echo(f"no concept matches {text!r}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
