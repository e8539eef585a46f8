"""``yakugo check``: the term-consistency checker and translation QA, as a linter."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..checks.model import CHECKS, Result
from ..checks.runner import Checker, Options
from ..errors import YakugoError
from ..fileio import atomic_write_bytes
from ..glossary.exchange import load_any
from ..poreader import read_po_entries
from ..project import project_catalogs
from ..report import FORMATS, render
from ..report.text import summary_line
from .common import guard_output, project, user_errors, warn_without_glossary

FAIL_ON = ("error", "warning", "never")
PROGRESS_FROM = 5000   # entries; smaller runs finish before a bar would help


def _ids(value: str | None, option: str) -> frozenset[str]:
    ids = frozenset(part.strip() for part in (value or "").split(",") if part.strip())
    unknown = sorted(ids - set(CHECKS))
    if unknown:
        raise click.BadParameter(f"unknown check id(s) {', '.join(unknown)}; see 'yakugo check --list-checks'",
                                 param_hint=option)
    return ids


@click.command("check")
@click.argument("catalogs", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--glossary", "glossary_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Glossary (TBX, XLSX or CSV) [default: the project's].")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report to this file instead of standard output.")
@click.option("--select", help="Only these check ids (comma-separated).")
@click.option("--ignore", help="Leave out these check ids (comma-separated).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error",
              help="Exit 1 when a finding of this severity (or worse) is left.")
@click.option("--color/--no-color", default=None, help="Colour the text report [default: on a terminal].")
@click.option("--list-checks", is_flag=True, help="List the check ids with their severities and stop.")
@user_errors
def check_command(catalogs: tuple[Path, ...], glossary_file: Path | None, output_format: str,
                  output: Path | None, select: str | None, ignore: str | None, fail_on: str,
                  color: bool | None, list_checks: bool) -> None:
    """Check translations against the glossary, the numbers of the source, and each other.

    With no PO file, every PO file of the project. Exit 0 when nothing reaches
    --fail-on, 1 when something does, 2 for bad usage or unreadable input.
    Silence one entry with a translator comment
    '# yakugo: ignore CHECK-ID -- reason'.
    """
    config = project()
    if list_checks:
        for check in CHECKS.values():
            click.echo(f"{check.id:26} {Options.of_project(config).severity_of(check.id):8} {check.summary}")
        return
    chosen = _ids(select, "--select") or frozenset(CHECKS)
    options = Options.of_project(config, chosen - _ids(ignore, "--ignore"))
    if output_format == "xlsx" and output is None:
        raise click.UsageError("--format xlsx needs -o FILE")
    guard_output(config, output, [*catalogs, *([glossary_file] if glossary_file else [])])
    paths = list(catalogs) or project_catalogs(config)
    if not paths:
        raise YakugoError("no PO files found; run 'yakugo update' first", config.relative(config.translations))
    files = [read_po_entries(path, config.relative(path)) for path in paths]
    if glossary_file is None:
        warn_without_glossary(config, "term checks are skipped")
    glossary_path = glossary_file or (config.glossary if config.glossary.exists() else None)
    glossary = load_any(glossary_path)[0] if glossary_path else None
    result = _run(Checker(glossary, options), files)
    use_color = sys.stdout.isatty() if color is None else color
    report = render(result, output_format, color=use_color and output is None, tool_version=__version__)
    if output is None:
        click.echo(report.decode("utf-8"), nl=False)
    else:
        atomic_write_bytes(output, report)
        click.echo(summary_line(result.summary), err=True)
    sys.exit(_exit_code(result, fail_on))


def _run(checker: Checker, files: list[list]) -> Result:
    total = sum(len(entries) for entries in files)
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return checker.run(files)
    with click.progressbar(length=total, label="checking", file=sys.stderr) as bar:
        return checker.run(files, progress=bar.update)


def _exit_code(result: Result, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    failing = ("error",) if fail_on == "error" else ("error", "warning")
    return 1 if any(f.severity in failing for f in result.findings) else 0
