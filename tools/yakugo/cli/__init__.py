"""The ``yakugo`` command line: parse options, call the library, print, set the exit code.

One module per noun; this one only assembles the group.
"""

from __future__ import annotations

import click

from .. import __version__
from .check import check_command
from .export import export_command
from .glossary import glossary_group
from .imports import import_group
from .project import build_command, extract_command, stats_command, update_command
from .score import score_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
@click.version_option(__version__, prog_name="yakugo")
def main() -> None:
    """Translate Japanese documents into English with PO files and a controlled glossary.

    Settings come from [tool.yakugo] in the nearest pyproject.toml above the
    current folder.
    """


for command in (extract_command, update_command, stats_command, check_command, export_command, build_command,
                glossary_group, import_group, score_command):
    main.add_command(command)
