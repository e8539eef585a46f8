"""The one exception type for problems with the user's input or project."""

from __future__ import annotations

from pathlib import Path


class YakugoError(Exception):
    """Bad input or project state: the CLI prints it on one line and exits with 2.

    ``location`` is where the problem is, in the form users know from compilers:
    ``path``, ``path:line`` or ``path: byte 123``.
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 where: str | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.where = where
        super().__init__(str(self))

    @property
    def location(self) -> str:
        if self.path is None:
            return ""
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.where:
            return f"{self.path}: {self.where}"
        return self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message
