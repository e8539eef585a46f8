"""``yakugo export``: aligned bilingual outputs, CAT-tool exchange files and the English document."""

from __future__ import annotations

import math
from pathlib import Path

import click

from ..config import Config
from ..errors import YakugoError
from ..export.document import DEFAULT_THRESHOLD
from ..export.outputs import EXTENSIONS, Output, load, plan
from ..fileio import atomic_write_files
from ..project import project_catalogs
from .common import guard_output, project, user_errors


def write(config: Config, outputs: list[Output]) -> None:
    """Write all outputs or none, then say so, one line per file."""
    atomic_write_files([(output.target, output.data) for output in outputs])
    for output in outputs:
        click.echo(f"{config.relative(output.target)}: {output.detail}")
        if output.fallbacks:
            click.echo(f"{config.relative(output.target)}: warning: {output.fallbacks} sentences were left in "
                       "Japanese (untranslated, or fuzzy without --include-fuzzy)", err=True)


def _a_number(value: float) -> float:
    if math.isnan(value):  # click's FloatRange lets NaN through, and no comparison with NaN is ever true
        raise click.BadParameter("not a number")
    return value


@click.command("export")
@click.argument("output_format", metavar="FORMAT", type=click.Choice(list(EXTENSIONS)))
@click.argument("catalogs", metavar="[PO]...", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write everything into this file [default: <build>/<stem>.<lang>.<ext>, one per PO file].")
@click.option("--lang", "language", default=None,
              help="Export the project's PO files of this language [default: all configured].")
@click.option("--include-fuzzy", is_flag=True,
              help="tmx: also fuzzy entries; document, markdown: use fuzzy translations instead of the Japanese.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=DEFAULT_THRESHOLD, show_default=True,
              callback=lambda _context, _option, value: _a_number(value),
              help="document, markdown: refuse a PO file translated less than this percent.")
@user_errors
def export_command(output_format: str, catalogs: tuple[Path, ...], output: Path | None, language: str | None,
                   include_fuzzy: bool, threshold: float) -> None:
    """Write aligned bilingual files, CAT-tool exchange files or the English document.

    FORMAT is xlsx, html, docx or tsv (Japanese beside English, for reviewers
    and scripts), tmx or xliff (for CAT tools), or document or markdown (the
    English document as text or Markdown). With no PO file, every PO file of
    the project. Sentences come in the order of the source document,
    duplicates included. Nothing is written when any PO file or source has a
    problem.
    """
    config = project()
    paths = list(catalogs) or project_catalogs(config, [language] if language else None)
    if not paths:
        raise YakugoError("no PO files found; run 'yakugo update' first", config.relative(config.translations))
    guard_output(config, output, paths)
    loaded = load(config, paths, language)
    write(config, plan(config, output_format, loaded, output, include_fuzzy=include_fuzzy, threshold=threshold))
