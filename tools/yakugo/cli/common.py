"""What every command module shares: finding the project and turning user errors into exit code 2."""

from __future__ import annotations

import sys
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
