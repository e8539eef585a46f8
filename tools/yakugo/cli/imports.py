"""``yakugo import``: bring translations done in other tools back into the PO files."""

from __future__ import annotations

from pathlib import Path

import click

from ..export.xliff import import_xliff
from .common import project, user_errors


@click.group("import")
def import_group() -> None:
    """Merge work done in other tools back into translations/<lang>/*.po."""


@import_group.command("xliff")
@click.argument("xliff_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--lang", "language", default=None,
              help="Only accept PO files of this language [default: any configured language].")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@user_errors
def import_xliff_command(xliff_file: Path, language: str | None, dry_run: bool) -> None:
    """Merge the translations of XLIFF_FILE (1.2 or 2.0, e.g. from a CAT tool) into the PO files.

    Units are matched to PO entries by their file's `original` (the PO path)
    and source text. Finished units (translated, final, signed-off) become
    translations; units needing review become fuzzy; an empty target never
    erases a translation. Nothing is written if any part of the file is bad.
    """
    config = project()
    for outcome in import_xliff(config, xliff_file, language, dry_run):
        state = "dry run" if dry_run else "written" if outcome.written else "unchanged"
        click.echo(f"{config.relative(outcome.path)}: {outcome.counts} ({state})")
