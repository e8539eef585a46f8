"""Aligned rows as tab-separated values, for scripts.

A header line (source, target, status, location, separated by tabs), then a line per
sentence occurrence in document order; ``location`` is ``source-file:line``
and ``target`` is empty when untranslated. Cells are never quoted: a
backslash, tab, line feed or carriage return inside a cell is written as
``\\\\``, ``\\t``, ``\\n`` or ``\\r``, so every line is one row and
``unescape`` gives the text back. UTF-8, LF line ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .aligned import AlignedDocument

HEADER = ("source", "target", "status", "location")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {value: key for key, value in _ESCAPES.items()}
_SPECIAL = re.compile(r"[\\\t\n\r]")
_ESCAPED = re.compile(r"\\[\\tnr]")


def tsv_text(documents: Sequence[AlignedDocument]) -> str:
    lines = ["\t".join(HEADER)]
    for document in documents:
        for row in document.rows:
            lines.append("\t".join(escape(cell) for cell in (row.source, row.target, row.status, row.position)))
    return "\n".join(lines) + "\n"


def escape(cell: str) -> str:
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group()], cell)


def unescape(cell: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], cell)
