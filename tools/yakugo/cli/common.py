"""What every command module shares: finding the project and turning user errors into exit code 2."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import wraps
from pathlib import Path

import click

from ..config import Config, load_config
from ..errors import YakugoError
from ..glossary.model import Glossary
from ..glossary.tbx import read_tbx


def project() -> Config:
    """The project whose pyproject.toml is nearest above the current folder."""
    return load_config(Path.cwd())


def user_errors(command):
    """Report a YakugoError as one line on stderr with exit code 2, never a traceback."""
    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except YakugoError as exc:
            click.echo(f"yakugo: error: {exc}", err=True)
            sys.exit(2)
    return wrapper


def project_glossary(config: Config) -> Glossary:
    """The project's glossary; an error when the configured file does not exist."""
    if not config.glossary.exists():
        raise YakugoError("glossary not found; set 'glossary' in [tool.yakugo]", config.relative(config.glossary))
    return read_tbx(config.glossary)[0]


def warn_without_glossary(config: Config, what: str) -> None:
    """Say on stderr that the configured glossary is missing, so ``what`` goes quietly undone no longer."""
    if not config.glossary.exists():
        click.echo(f"{config.relative(config.glossary)}: warning: glossary not found; {what}", err=True)


def guard_output(config: Config, output: Path | None, inputs: Iterable[Path] = (), *,
                 writes_templates: bool = False) -> None:
    """Refuse an output file that is one of the command's inputs or one of the project's own files
    (a source text, a PO file, a template unless the command ``writes_templates``, the glossary,
    pyproject.toml): writing it would destroy that file."""
    if output is None:
        return
    protected = [*inputs, config.glossary, config.root / "pyproject.toml"]
    if config.source.is_dir():
        protected += config.source.iterdir()
    if config.translations.is_dir():
        protected += config.translations.glob("*/*.po")
        if not writes_templates:
            protected += config.templates.glob("*.pot")
    target = os.path.realpath(output)
    if any(os.path.realpath(path) == target for path in protected):
        raise YakugoError("is an input of this command or a source, PO or glossary file of the project; "
                          "choose another output file", output)
