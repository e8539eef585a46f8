"""The XLSX QA report for reviewers: one row per finding, the sentence pair with the problem highlighted.

Sheet "Findings" has a frozen header row, an autofilter (Excel sorts and
filters from it), wrapped text, fixed column widths and coloured severity
cells; the Japanese and English cells are rich text whose highlighted run is
the finding's span. Suppressed findings are rows too, with their reason in the
last column. Sheet "Summary" holds the counts.

Every text cell is a string cell with Excel's quotePrefix flag, so text that
starts with ``=``, ``+``, ``-``, ``@``, tab or CR is never a formula. The
workbook's timestamps and the zip members' dates are fixed: the same result
gives the same bytes.
"""

from __future__ import annotations

from copy import copy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..checks.model import ERROR, WARNING, Finding, Result
from ..glossary.xlsx import EXCEL_CELL_LIMIT, display_width
from ..ooxml import workbook_bytes
from .sanitize import xml_safe
from .spans import split_at_span
from .text import summary_line

FINDINGS_SHEET = "Findings"
SUMMARY_SHEET = "Summary"
# (header, width in characters); File is as wide as the longest path, within limits.
COLUMNS = (("File", None), ("Line", 7), ("Severity", 10), ("Check", 24), ("Japanese", 60), ("English", 60),
           ("Message", 50), ("Concept", 20), ("Source term", 20), ("Accepted renderings", 36), ("Suppressed", 30))
HEADERS = tuple(header for header, _ in COLUMNS)
LINE_HEIGHT, MAX_ROW_HEIGHT = 15, 409  # points: one line of 11-point text, and Excel's limit

_WRAP = Alignment(wrap_text=True, vertical="top")
# Fonts name the workbook default: a font without a name is shown in a serif face by LibreOffice.
_FONT = "Calibri"
_HIGHLIGHT = InlineFont(rFont=_FONT, sz=11, b=True, u="single", color="C00000")
# Excel's own "Bad" and "Neutral" cell styles; grey for silenced findings.
_SEVERITY_STYLES = {ERROR: ("FFC7CE", "9C0006"), WARNING: ("FFEB9C", "9C5700"), None: ("EDEDED", "595959")}


def render_xlsx(result: Result, *, tool_version: str) -> bytes:
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "yakugo"
    workbook.properties.title = "yakugo check report"
    _write_findings(workbook.create_sheet(FINDINGS_SHEET), [*result.findings, *result.suppressed])
    _write_summary(workbook.create_sheet(SUMMARY_SHEET), result, tool_version)
    return workbook_bytes(workbook)


def _write_findings(sheet, findings: list[Finding]) -> None:
    widths = [width or min(max([display_width(header), *(display_width(f.path) for f in findings)]), 50)
              for header, width in COLUMNS]
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(findings) + 1}"
    # Printed for a review meeting: landscape, one page wide, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    cells = _Cells(sheet)
    sheet.append([cells.text(header, cells.header) for header in HEADERS])
    for row, finding in enumerate(findings, 2):
        severity = cells.severity[None if finding.suppressed is not None else finding.severity]
        texts = (finding.path, "", finding.severity, finding.check, finding.msgid, finding.msgstr, finding.message,
                 finding.concept or "", finding.term or "", "\n".join(finding.renderings), finding.suppressed or "")
        sheet.row_dimensions[row].height = _row_height(texts, widths)
        sheet.append([
            cells.text(finding.path), cells.number(finding.line), cells.text(finding.severity, severity),
            cells.text(finding.check), cells.highlighted(finding.msgid, finding.source_span),
            cells.highlighted(finding.msgstr, finding.target_span), cells.text(finding.message),
            cells.text(finding.concept or ""), cells.text(finding.term or ""),
            cells.text("\n".join(finding.renderings)), cells.text(finding.suppressed or ""),
        ])


def _write_summary(sheet, result: Result, tool_version: str) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60
    summary, cells = result.summary, _Cells(sheet)
    rows = [("yakugo check", summary_line(summary)), ("Version", tool_version), ("Files", summary.files),
            ("Entries", summary.entries), ("Errors", summary.errors), ("Warnings", summary.warnings),
            ("Suppressed", summary.suppressed), ("", ""), ("Check", "Active findings")]
    rows += sorted(summary.by_check.items())
    for number, (label, value) in enumerate(rows):
        style = cells.bold if number in (0, 8) else cells.plain
        sheet.append([cells.text(label, style),
                      cells.text(value, style) if isinstance(value, str) else cells.number(value)])


def _row_height(texts, widths: list[int]) -> float:
    """Points for the tallest wrapped cell: Excel and LibreOffice do not always fit rows to wrapped text."""
    lines = max(sum(-(-display_width(line) // width) or 1 for line in text.split("\n"))
                for text, width in zip(texts, widths, strict=True))
    return min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)


class _Cells:
    """Makes the cells of one sheet. Each style is built once and its style array copied into every cell
    that uses it: openpyxl's own per-assignment style lookups took half the time of a large report."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.plain = self._template(quotePrefix=True)  # Excel keeps the cell text when someone edits it
        self.bold = self._template(quotePrefix=True, font=Font(name=_FONT, bold=True))
        self.header = self._template(quotePrefix=True, font=Font(name=_FONT, bold=True),
                                     fill=PatternFill("solid", fgColor="DDEBF7"))
        self.severity = {key: self._template(quotePrefix=True, font=Font(name=_FONT, bold=True, color=font),
                                             fill=PatternFill("solid", fgColor=fill))
                         for key, (fill, font) in _SEVERITY_STYLES.items()}
        self.numeric = self._template()  # numbers sort as numbers: no quotePrefix

    def _template(self, **style) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell.alignment = _WRAP
        for name, value in style.items():
            setattr(cell, name, value)
        return cell

    def _cell(self, value, template: WriteOnlyCell) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=value)
        cell._style = copy(template._style)
        return cell

    def number(self, value: int) -> WriteOnlyCell:
        return self._cell(value, self.numeric)

    def text(self, text: str, template: WriteOnlyCell | None = None) -> WriteOnlyCell:
        """A string cell whatever the text starts with; an empty text gives an empty (styled) cell."""
        text = xml_safe(text)[:EXCEL_CELL_LIMIT]
        cell = self._cell(text or None, template or self.plain)
        if text:
            cell.data_type = "s"  # openpyxl would make "=..." a formula
        return cell

    def highlighted(self, text: str, span: tuple[int, int] | None) -> WriteOnlyCell:
        """The sentence as rich text, the span's run bold, underlined and red; plain text when nothing is marked."""
        runs, room = [], EXCEL_CELL_LIMIT
        for run, marked in split_at_span(text, span):
            run = xml_safe(run)[:room]  # cut after escaping: the cell limit counts what Excel shows
            room -= len(run)
            if run:
                runs.append(TextBlock(_HIGHLIGHT, run) if marked else run)
        if not any(isinstance(run, TextBlock) for run in runs):
            return self.text(text)
        return self._cell(CellRichText(runs), self.plain)
