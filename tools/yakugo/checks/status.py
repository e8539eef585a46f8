"""Whether an entry is translated at all: ``untranslated`` and ``fuzzy``."""

from __future__ import annotations

from collections.abc import Iterator

from .model import Entry, Problem


def check_status(entry: Entry) -> Iterator[Problem]:
    if not entry.target:
        yield Problem("untranslated", "not translated yet")
    elif entry.fuzzy:
        yield Problem("fuzzy", "marked fuzzy: review the translation, then remove the fuzzy flag")
