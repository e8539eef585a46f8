"""Suppression comments that translators write in PO files.

A translator comment line ``# yakugo: ignore term-missing, number-mismatch -- reason``
silences those checks for that entry only. The reason is required: a reviewer
must be able to accept or refuse it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import CHECKS

_LINE = re.compile(r"^\s*yakugo:\s*ignore\b(?P<ids>.*?)(?:\s+--\s*(?P<reason>.*))?$")
_ID = re.compile(r"[a-z][a-z0-9-]*")


@dataclass(frozen=True)
class Suppression:
    """One ``yakugo: ignore`` comment line of an entry."""

    checks: tuple[str, ...]
    reason: str
    text: str             # the comment line as written, for messages

    @property
    def problems(self) -> list[str]:
        """What is wrong with the comment itself (unknown ids, no reason)."""
        problems = [f"unknown check id {check!r}" for check in self.checks if check not in CHECKS]
        if not self.checks:
            problems.append("no check id after 'ignore'")
        if not self.reason:
            problems.append("no reason after ' -- '")
        return problems


def suppressions(translator_comment: str) -> list[Suppression]:
    """The suppression comments among the lines of an entry's translator comment."""
    found = []
    for line in translator_comment.splitlines():
        match = _LINE.match(line)
        if match:
            checks = tuple(_ID.findall(match.group("ids").replace(",", " ")))
            found.append(Suppression(checks, (match.group("reason") or "").strip(), line.strip()))
    return found
