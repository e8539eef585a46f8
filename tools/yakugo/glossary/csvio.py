"""The glossary as CSV: the workbook's Glossary sheet as plain text.

Same columns and cell notation as the workbook (see :mod:`yakugo.glossary.exchange`):
one row per concept, one term per line inside a cell, term-level details in
the Term details column. The file is UTF-8 with a BOM (so Excel recognises
Japanese), RFC 4180 quoting, CRLF row ends as the ``csv`` module writes
them; line breaks inside cells stay as they are, inside quotes.

Glossary-level fields (title, languages) are not in the table; when they
differ from the defaults they travel in a last row with Concept ID
``#glossary``.

Formula-like text. CSV has no cell types, and spreadsheet programs evaluate
a field starting with ``=``, ``+``, ``-`` or ``@`` (and tab or CR in some) as a
formula when the file is opened. So the writer prefixes such a field with a
single quote ``'``, the usual CSV-injection defence. To keep the round trip
exact the rule is symmetric: a field that really starts with a quote gets one
too, and the reader removes exactly one leading quote from every field that
has one. ``=SUM(A1)`` is written ``'=SUM(A1)`` and ``'s-Hertogenbosch`` is
written ``''s-Hertogenbosch``; both read back unchanged.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import YakugoError
from .exchange import (HEADERS, Problems, SheetRow, concept_to_row, map_headers, metadata_row, read_limited,
                       rows_to_glossary)
from .model import Glossary

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_COLUMNS = 200


def write_csv(glossary: Glossary) -> str:
    """The CSV text, starting with a BOM; encode it as UTF-8 to get the file."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # the excel dialect: RFC 4180 quoting, CRLF
    writer.writerow(HEADERS)
    rows = [concept_to_row(c, glossary.source_language, glossary.target_language) for c in glossary]
    settings = metadata_row(glossary)
    if settings:
        rows.append(settings)
    for row in rows:
        writer.writerow([protect(row[h]) for h in HEADERS])
    return BOM + buffer.getvalue()


def protect(value: str) -> str:
    """Quote-prefix a field a spreadsheet could take for a formula (and one already starting with a quote)."""
    return "'" + value if value.startswith(FORMULA_STARTS + ("'",)) else value


def unprotect(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def read_csv(path: str | Path, warnings: list[str] | None = None) -> Glossary:
    """Read a glossary CSV file; raise one YakugoError listing every problem, by line and column."""
    text = _read_text(path)
    problems = Problems(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    line = 1  # where the next record starts
    try:
        for record in reader:
            records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as error:
        raise YakugoError(f"not valid CSV: {error}", path, line=line) from None
    if not records:
        raise YakugoError("the file is empty: a glossary CSV starts with a header row", path, line=1)

    columns = _map_headers(records[0][1], path)
    rows = []
    for line, record in records[1:]:
        values = {name: unprotect(record[index]) if index < len(record) else ""
                  for name, index in columns.items()}
        rows.append(SheetRow(line, values))
    glossary = rows_to_glossary(rows, problems, warnings if warnings is not None else [])
    problems.raise_if_any()
    return glossary


def _read_text(path: str | Path) -> str:
    data = read_limited(path, "CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise YakugoError("the file is not UTF-8 (Excel's plain 'CSV' saves Japanese as Shift_JIS); "
                          "save it as 'CSV UTF-8 (Comma delimited)'", path, line=line) from None


def _map_headers(header: list[str], path: str | Path) -> dict[str, int]:
    return map_headers([unprotect(v) for v in header[:MAX_COLUMNS]], path, "csv", line=1)
