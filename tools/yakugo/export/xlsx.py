"""Aligned rows as an Excel workbook for reviewers.

One row per sentence occurrence in document order: line, block role,
Japanese, English, status, the glossary terms of the sentence, the checker's
findings, and the source file (last, outside the print area: the page header
names the document). Glossary terms are bold blue in both text columns, spans
that findings point at are red (errors) or orange (warnings) and underlined.
The header row is frozen, filtered and repeated on every printed page; pages
are A4 landscape, one page wide.

Every text cell is a string cell with Excel's quotePrefix, so a translation
that starts with ``=``, ``+``, ``-`` or ``@`` stays text. The workbook's
dates and the zip members' dates are the PO files' revision date, so the same
input gives the same bytes.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import YakugoError
from ..ooxml import workbook_bytes
from .aligned import (
    FUZZY,
    NOT_XML,
    TERM,
    UNTRANSLATED,
    AlignedDocument,
    Highlight,
    Row,
    latest_revision,
    reject_characters,
    runs,
)

SHEET = "Aligned"
# Wrapped columns and their widths; the "File" column follows them, as wide as the longest name.
COLUMNS = (("Line", 7), ("Role", 11), ("Japanese", 50), ("English", 60), ("Status", 12),
           ("Glossary terms", 40), ("Findings", 40))
FILE_HEADER = "File"
EXCEL_CELL_LIMIT = 32_767  # characters
LINE_HEIGHT = 15.0  # points per line of 11-point text
NARROW_CHARACTER = 0.85  # average width of a Latin character, in column-width units (digit widths)

_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_TOP_LEFT = Alignment(horizontal="left", vertical="top")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_STATUS_FILLS = {FUZZY: PatternFill("solid", fgColor="FFF2CC"), UNTRANSLATED: PatternFill("solid", fgColor="F8CBAD")}
# Runs name the cell's font: a run without one is shown in the application's default (serif) font.
_HIGHLIGHT_FONTS = {
    TERM: InlineFont(rFont="Calibri", sz=11, b=True, color="1F4E79"),
    "error": InlineFont(rFont="Calibri", sz=11, b=True, color="C00000", u="single"),
    "warning": InlineFont(rFont="Calibri", sz=11, color="C55A11", u="single"),
}
_FONT_PRIORITY = ("error", "warning", TERM)


def xlsx_bytes(documents: Sequence[AlignedDocument], title: str) -> bytes:
    # A workbook is XML: besides the control characters (openpyxl's ILLEGAL_CHARACTERS_RE) it cannot hold
    # U+FFFE, U+FFFF or lone surrogates either, which openpyxl refuses only when saving, with no entry named.
    reject_characters(documents, NOT_XML, "a workbook")
    rows = [row for document in documents for row in document.rows]
    for row in rows:
        for text in (row.source, row.target, *row.terms, *_finding_lines(row)):
            if len(text) > EXCEL_CELL_LIMIT:
                raise YakugoError(f"{len(text)} characters is more than the {EXCEL_CELL_LIMIT} an Excel cell "
                                  "can hold", row.catalog, row.entry_line)
    workbook = Workbook(write_only=True)
    moment = latest_revision(documents).replace(tzinfo=None)
    workbook.properties.title = title
    workbook.properties.creator = "yakugo"
    sheet = workbook.create_sheet(SHEET)
    _set_up_sheet(sheet, rows, title)
    sheet.append([_cell(sheet, header, font=_HEADER_FONT, fill=_HEADER_FILL)
                  for header in [*(name for name, _width in COLUMNS), FILE_HEADER]])
    for number, row in enumerate(rows, 2):
        cells = _row_cells(sheet, row)
        # Excel and LibreOffice keep the default height for wrapped rows written by openpyxl: set it.
        sheet.row_dimensions[number].height = _height([str(cell.value or "") for cell in cells[:len(COLUMNS)]])
        sheet.append(cells)
    return workbook_bytes(workbook, moment)


def _set_up_sheet(sheet, rows: list[Row], title: str) -> None:
    """Widths, frozen header, filter and print set-up: a write-only sheet takes them before its first row."""
    for number, (_header, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    file_width = math.ceil(max([len(FILE_HEADER), *(_text_width(row.source_file) for row in rows)])) + 2
    sheet.column_dimensions[get_column_letter(len(COLUMNS) + 1)].width = file_width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS) + 1)}{len(rows) + 1}"
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.oddFooter.center.text = "&P / &N"


def _row_cells(sheet, row: Row) -> list[WriteOnlyCell]:
    fill = _STATUS_FILLS.get(row.status)
    line = WriteOnlyCell(sheet, value=row.line)
    line.alignment = _TOP_LEFT
    return [
        line,
        _cell(sheet, row.role if row.footnote is None else f"{row.role} {row.footnote}"),
        _cell(sheet, _rich_text(row.source, row.source_highlights)),
        _cell(sheet, _rich_text(row.target, row.target_highlights), fill=fill),
        _cell(sheet, row.status, fill=fill),
        _cell(sheet, "\n".join(row.terms)),
        _cell(sheet, "\n".join(_finding_lines(row))),
        _cell(sheet, row.source_file, wrap=False),
    ]


def _height(texts: list[str]) -> float:
    """The row height that shows every wrapped line of ``texts`` in their columns."""
    lines = max(sum(math.ceil(_text_width(part) / (width - 1)) or 1 for part in text.split("\n"))
                for text, (_header, width) in zip(texts, COLUMNS, strict=True))
    return lines * LINE_HEIGHT + 2


def _text_width(text: str) -> float:
    """Width in column units: wide (Japanese) characters take two, others a little less than one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else NARROW_CHARACTER for char in text)


def _rich_text(text: str, highlights: Sequence[Highlight]) -> CellRichText | str:
    """``text`` with its highlighted spans in their fonts; plain text when nothing is highlighted."""
    if not highlights:
        return text
    blocks: list[str | TextBlock] = []
    for piece, covering in runs(text, highlights):
        kinds = {h.kind for h in covering}
        kind = next((k for k in _FONT_PRIORITY if k in kinds), None)
        blocks.append(TextBlock(_HIGHLIGHT_FONTS[kind], piece) if kind else piece)
    return CellRichText(blocks)


def _cell(sheet, value: str | CellRichText, font: Font | None = None, fill: PatternFill | None = None,
          wrap: bool = True) -> WriteOnlyCell:
    """A text cell, wrapped by default; plain strings are typed as strings, never guessed formulas."""
    cell = WriteOnlyCell(sheet, value=value or None)
    if isinstance(value, str) and value:
        cell.data_type = "s"
    cell.alignment = _WRAP if wrap else _TOP
    cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _finding_lines(row: Row) -> list[str]:
    return [f"{f.severity} {f.check}: {f.message}" for f in row.findings]

