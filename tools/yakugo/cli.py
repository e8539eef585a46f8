"""The ``yakugo`` command line: parse options, call the library, print, set the exit code."""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .catalog import load_catalog
from .config import Config, load_config
from .errors import YakugoError
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
    """The main job: extract, update, and summarise the project."""
    config = _project()
    click.echo("extract:")
    _show(extract(config), config)
    click.echo("update:")
    _show(update(config), config)
    results = [catalog_stats(load_catalog(p), config.relative(p)) for p in project_catalogs(config)]
    click.echo("progress:")
    click.echo(_stats_table(results, total(results)))


if __name__ == "__main__":  # pragma: no cover
    main()
