"""The glossary as an Excel workbook, for terminologists to review and edit.

Sheet "Glossary" has one row per concept in the layout described in
:mod:`yakugo.glossary.exchange` (one term per line inside a cell, term-level
details in the narrow "Term details" column). Sheet "About" explains the
columns, says when and from what file the workbook was exported, how to
import it back, and holds the glossary title and languages (read back on
import).

Every cell is written as a text cell (``t="inlineStr"``) with Excel's
quotePrefix flag, so text starting with ``=``, ``+``, ``-``, ``@``, tab or
CR is never a formula, not even after someone edits the cell in Excel.

Reading is defensive: the zip archive is checked for size and compression
ratio before openpyxl sees it, rows and columns are capped, formulas where
text belongs are refused, and every problem is reported with its sheet, row
and column in one :class:`~yakugo.errors.YakugoError`.
"""

from __future__ import annotations

import io
import unicodedata
import warnings as python_warnings
import zipfile
from copy import copy
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import YakugoError
from ..ooxml import workbook_bytes
from .exchange import (
    COLUMNS,
    DETAILS_COLUMN,
    HEADERS,
    ID_COLUMN,
    POS_COLUMN,
    Problems,
    SheetRow,
    concept_to_row,
    map_headers,
    read_limited,
    rows_to_glossary,
)
from .model import PARTS_OF_SPEECH, Glossary

GLOSSARY_SHEET = "Glossary"
ABOUT_SHEET = "About"
# About-sheet labels whose values are read back on import.
TITLE_LABEL, SOURCE_LABEL, TARGET_LABEL = "Glossary title", "Source language", "Target language"

# Limits for reading: far above any real glossary, far below what would hurt the machine.
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100  # unpacked/packed, checked for members above RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 1000
MAX_ROWS = 100_000
MAX_COLUMNS = 200
EXCEL_CELL_LIMIT = 32_767  # characters; Excel truncates longer cells

_WIDTH_LIMITS = {"Definition": 60, "Note": 50, "Source": 40, DETAILS_COLUMN: 30}
_WRAP = Alignment(wrap_text=True, vertical="top")


# --- Writing -------------------------------------------------------------------------------


def xlsx_bytes(glossary: Glossary, *, source_name: str, exported_at: str) -> bytes:
    """The workbook as bytes. Write-only mode always: memory stays flat for large glossaries."""
    rows = [concept_to_row(c, glossary.source_language, glossary.target_language) for c in glossary]
    # Check every text first: failing halfway through a write-only sheet leaves openpyxl in a broken state.
    for row in rows:
        for header in HEADERS:
            _check_cell_text(row[header], f"concept {row[ID_COLUMN]}, column {header}")
    for what, text in (("the glossary title", glossary.title), ("the source name", source_name),
                       ("the export time", exported_at), ("the source language", glossary.source_language),
                       ("the target language", glossary.target_language)):
        _check_cell_text(text, what)
    workbook = Workbook(write_only=True)
    workbook.properties.title = glossary.title
    workbook.properties.creator = "yakugo"
    _write_glossary_sheet(workbook.create_sheet(GLOSSARY_SHEET), rows, glossary)
    _write_about_sheet(workbook.create_sheet(ABOUT_SHEET), glossary, source_name, exported_at)
    return workbook_bytes(workbook)   # the About sheet says when; the package carries no clock time


def _write_glossary_sheet(sheet, rows: list[dict[str, str]], glossary: Glossary) -> None:
    last_column = get_column_letter(len(HEADERS))
    # Write-only sheets take widths and panes before the first row, validations any time before saving.
    for index, header in enumerate(HEADERS, 1):
        limit = _WIDTH_LIMITS.get(header, 40)
        width = _column_width(header, (row[header] for row in rows), limit)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), limit) + 2
    sheet.freeze_panes = "B2"  # the header row, and the Japanese terms while scrolling right
    sheet.auto_filter.ref = f"A1:{last_column}{len(rows) + 1}"

    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    header_cells = []
    for header in HEADERS:
        cell = _text_cell(sheet, header)
        cell.font, cell.fill = header_font, header_fill
        header_cells.append(cell)
    sheet.append(header_cells)
    style = _text_cell(sheet, "")
    for row in rows:
        sheet.append([_text_cell(sheet, row[h], style) for h in HEADERS])

    first, last = 2, 1_048_576  # the whole column, so rows people add get the lists too
    pos_letter = get_column_letter(HEADERS.index(POS_COLUMN) + 1)
    pos_list = DataValidation(type="list", formula1='"' + ",".join(PARTS_OF_SPEECH) + '"', allow_blank=True,
                              showErrorMessage=True, errorStyle="stop", errorTitle="Part of speech",
                              error="Choose one of: " + ", ".join(PARTS_OF_SPEECH))
    pos_list.add(f"{pos_letter}{first}:{pos_letter}{last}")
    sheet.data_validations.append(pos_list)
    subjects = _subject_list(glossary)
    if subjects:
        # A suggestion list: new subject fields may still be typed, so no error message.
        letter = get_column_letter(HEADERS.index("Subject field") + 1)
        subject_list = DataValidation(type="list", formula1=subjects, allow_blank=True, showErrorMessage=False)
        subject_list.add(f"{letter}{first}:{letter}{last}")
        sheet.data_validations.append(subject_list)


def _subject_list(glossary: Glossary) -> str | None:
    """An inline list formula of the subject fields in use, or None if Excel's 255-character limit forbids it."""
    values = sorted({c.subject_field for c in glossary if c.subject_field})
    if not values or any(set(v) & set(',"\n') or v != v.strip() for v in values):
        return None
    formula = '"' + ",".join(values) + '"'
    return formula if len(formula) <= 255 else None


def _write_about_sheet(sheet, glossary: Glossary, source_name: str, exported_at: str) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    bold = Font(bold=True)

    def line(label: str = "", text: str = "", strong: bool = False) -> None:
        cells = [_text_cell(sheet, label), _text_cell(sheet, text)]
        if strong:
            cells[0].font = bold
        sheet.append(cells)

    line("yakugo glossary", "A controlled Japanese-English glossary, one row per concept.", strong=True)
    line("Exported at", exported_at)
    line("Exported from", source_name or "(unknown)")
    line(TITLE_LABEL, glossary.title)
    line(SOURCE_LABEL, glossary.source_language)
    line(TARGET_LABEL, glossary.target_language)
    line("How to import", "Edit the Glossary sheet, save the workbook as .xlsx, then run: "
                          "yakugo glossary import FILE.xlsx. Rows are matched to concepts by Concept ID; "
                          "the import lists what it adds, changes and removes.")
    line()
    line("Column", "What it holds", strong=True)
    for header, explanation in COLUMNS:
        line(header, explanation)
    line()
    line("Rules", "", strong=True)
    line("Several values", "One value per line inside a cell (Alt+Enter in Excel). A line break inside "
                           "one term is written as \\n.")
    line("Term details", 'One line per term whose details differ from what its column implies: '
                         'lang "term": status=admitted|preferred|deprecated|superseded, '
                         "type=fullForm|acronym|abbreviation|shortForm|variant|phrase, "
                         'pos=noun|verb|adjective|adverb|other, note="text" (a quote inside quotes is '
                         'written twice). "order: 2 1 3" keeps the glossary\'s term order.')
    line("Column defaults", "Japanese: preferred. Japanese variants: admitted. English: preferred full "
                            "form. Abbreviation: admitted abbreviation. Admitted English variants: "
                            "admitted. Forbidden English terms: deprecated. Part of speech: that of "
                            "every term of the row unless Term details say otherwise.")
    line("Text, not formulas", "Cells are text: a value starting with =, +, - or @ is a term, not a "
                               "formula. Formulas are refused on import.")
    line("Glossary settings", f"{TITLE_LABEL}, {SOURCE_LABEL} and {TARGET_LABEL} above are read back "
                              "on import.")


def _check_cell_text(value: str, what: str) -> None:
    if len(value) > EXCEL_CELL_LIMIT:
        raise YakugoError(f"{what}: {len(value)} characters is more than the {EXCEL_CELL_LIMIT} an Excel "
                          "cell can hold")
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise YakugoError(f"{what}: contains a control character that a workbook cannot store")


def _text_cell(sheet, value: str, style: WriteOnlyCell | None = None) -> WriteOnlyCell:
    """A wrapped cell that is text whatever it starts with; empty strings become empty (styled) cells.

    ``style`` is a cell already styled this way: copying its style array skips openpyxl's
    per-assignment style lookups, a third of the time of writing a large glossary.
    """
    cell = WriteOnlyCell(sheet, value=value or None)
    if value:
        cell.data_type = "s"  # never a formula: openpyxl would guess 'f' for "=..."
    if style is not None:
        cell._style = copy(style._style)
    else:
        cell.alignment = _WRAP
        cell.quotePrefix = True  # Excel keeps the cell text when someone edits it
    return cell


def _column_width(header: str, values, limit: int) -> int:
    """The display width of the widest of ``header`` and ``values``, or any width >= ``limit`` once one is reached.

    The column is at most ``limit`` wide, so the first value that reaches it settles the width;
    and a value whose width cannot exceed the widest so far (at most 2 per character) is skipped.
    """
    width = display_width(header)
    for value in values:
        if width >= limit:
            break
        if 2 * len(value) > width:
            width = max(width, display_width(value))
    return width


def display_width(text: str) -> int:
    """The width of the widest line, counting East Asian wide and fullwidth characters as 2."""
    if text.isascii():  # no ASCII character is wide: the width is the length
        return max(map(len, text.split("\n")))
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


# --- Reading -------------------------------------------------------------------------------


def read_xlsx(path: str | Path, warnings: list[str] | None = None) -> Glossary:
    """Read a glossary workbook; raise one YakugoError listing every problem.

    Notes that do not stop the import (an ``order:`` line that no longer fits) are
    appended to ``warnings`` when given.
    """
    data = read_limited(path, "workbook")
    _check_archive(data, path)
    sheet_name, header, raw_rows, about = _read_cells(data, path)

    problems = Problems(path)
    columns = _map_headers(header, sheet_name, path)
    rows = []
    for number, cells in raw_rows:
        values = {}
        for name, index in columns.items():
            cell = cells[index] if index < len(cells) else (None, "n")
            values[name] = _cell_text(cell, SheetRow(number, {}, sheet_name), name, problems)
        rows.append(SheetRow(number, values, sheet_name))

    settings = {}
    for number, label, cell in about:
        settings[label] = _cell_text(cell, SheetRow(number, {}, ABOUT_SHEET), "B", problems)
    glossary = rows_to_glossary(
        rows, problems, warnings if warnings is not None else [],
        title=settings.get(TITLE_LABEL, Glossary().title),
        source_language=settings.get(SOURCE_LABEL, Glossary().source_language).strip(),
        target_language=settings.get(TARGET_LABEL, Glossary().target_language).strip())
    problems.raise_if_any()
    return glossary


def _check_archive(data: bytes, path: str | Path) -> None:
    """Refuse non-zip files and zip bombs before openpyxl unpacks anything."""
    not_xlsx = ("not an Excel workbook (.xlsx): the file is not a zip archive. Save it from Excel as "
                "'Excel Workbook (*.xlsx)'; old .xls files and password-protected workbooks are not supported")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise YakugoError(not_xlsx, path) from None
    if len(members) > MAX_MEMBERS:
        raise YakugoError(f"refused: the archive has {len(members)} parts (at most {MAX_MEMBERS})", path)
    # The declared sizes bound the real ones: zipfile stops decompressing at the declared size.
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise YakugoError(f"refused: the workbook unpacks to {unpacked // 2**20} MB (at most "
                          f"{MAX_UNPACKED_BYTES // 2**20} MB); it is too large or a zip bomb", path)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise YakugoError(f"refused: {member.filename} is compressed {ratio:.0f} to 1 (at most "
                              f"{MAX_RATIO} to 1); this looks like a zip bomb", path)


def _read_cells(data: bytes, path: str | Path):
    """The raw (value, data_type) cells of the glossary sheet and the About settings.

    Only openpyxl runs inside the broad ``except``: any failure there means a damaged file.
    """
    try:
        with python_warnings.catch_warnings():
            python_warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - anything openpyxl raises means an unreadable file
        raise YakugoError(f"not a readable Excel workbook: {error}", path) from None
    try:
        sheets = {ws.title: ws for ws in workbook.worksheets}
        if not sheets:
            raise YakugoError("not a glossary workbook: it has no worksheets", path)
        sheet = sheets.get(GLOSSARY_SHEET) or workbook.worksheets[0]
        header = [(c.value, c.data_type) for c in
                  next(sheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS), ())]
        raw_rows = []
        width = len(header)
        for number, row in enumerate(sheet.iter_rows(min_row=2, max_row=MAX_ROWS + 2, max_col=max(width, 1)), 2):
            cells = [(c.value, c.data_type) for c in row]
            if all(value is None for value, _ in cells):
                continue
            if number > MAX_ROWS + 1:
                raise YakugoError(f"refused: sheet {sheet.title} has more than {MAX_ROWS} rows", path)
            raw_rows.append((number, cells))
        about = []
        if ABOUT_SHEET in sheets:
            for number, row in enumerate(sheets[ABOUT_SHEET].iter_rows(max_row=200, max_col=2), 1):
                label = row[0].value if row else None
                if label in (TITLE_LABEL, SOURCE_LABEL, TARGET_LABEL) and len(row) > 1:
                    about.append((number, label, (row[1].value, row[1].data_type)))
        return sheet.title, header, raw_rows, about
    except YakugoError:
        raise
    except Exception as error:  # noqa: BLE001 - sheets are parsed lazily: damage shows up here
        raise YakugoError(f"not a readable Excel workbook: {error}", path) from None
    finally:
        workbook.close()


def _map_headers(header: list[tuple], sheet_name: str, path: str | Path) -> dict[str, int]:
    names = [value if isinstance(value, str) else None for value, _ in header]
    return map_headers(names, path, "xlsx", where=f"sheet {sheet_name}, row 1")


def _cell_text(cell: tuple, row: SheetRow, column: str, problems: Problems) -> str:
    """The text of a cell; numbers and dates typed by people become their usual text."""
    value, data_type = cell
    if value is None:
        return ""
    if data_type == "f":
        formula = value if isinstance(value, str) else getattr(value, "text", "") or "array formula"
        problems.add(row, column, f"a formula ({formula}) where text belongs; type the text itself "
                                  "(start it with an apostrophe if it begins with =)")
        return ""
    if data_type == "e":
        problems.add(row, column, f"the cell holds the Excel error {value}")
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
