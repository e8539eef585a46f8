"""The score report as an Excel workbook: every segment with its scores, the corpus scores, the unpaired.

Text cells are always text (never formulas, whatever they start with), the
header rows are frozen and filterable, and the bytes depend only on the
report: no dates or zip timestamps of the moment of writing.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..fileio import atomic_write_bytes
from ..ooxml import workbook_bytes
from .html_report import _xml
from .report import summary_lines, text_columns
from .scorer import ScoreReport

_HEADER_FONT, _HEADER_FILL = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_SCORE_FORMAT = "0.00"


def write_xlsx(report: ScoreReport, path: Path | str) -> None:
    atomic_write_bytes(path, xlsx_bytes(report))


def xlsx_bytes(report: ScoreReport) -> bytes:
    workbook = Workbook()
    workbook.properties.creator = "yakugo"
    _segments_sheet(workbook.active, report)
    _scores_sheet(workbook.create_sheet("Scores"), report)
    _unpaired_sheet(workbook.create_sheet("Unpaired"), report)
    return workbook_bytes(workbook)


def _segments_sheet(sheet, report: ScoreReport) -> None:
    sheet.title = "Segments"
    alignment, per_segment = report.alignment, report.segment_scores
    metrics = list(per_segment.names)
    headers = ["#", *text_columns(report), *(per_segment.names[m] for m in metrics)]
    _header(sheet, headers)
    for segment, scores in zip(alignment.segments, per_segment.scores):
        texts = [segment.location, segment.source or "", *segment.hypotheses, *segment.references]
        sheet.append([segment.number, *(_text(t) for t in texts), *(scores[m] for m in metrics)])
    first_score_column = len(headers) - len(metrics) + 1
    for row in sheet.iter_rows(min_row=2, min_col=first_score_column):
        for cell in row:
            cell.number_format = _SCORE_FORMAT
    _text_cells(sheet)
    widths = [6, 24, 50, *[60] * (len(headers) - len(metrics) - 3), *[10] * len(metrics)]
    _finish(sheet, widths)


def _scores_sheet(sheet, report: ScoreReport) -> None:
    _header(sheet, ["Metric", "Score", "Confidence mean", "Confidence ±", "Signature", "sacrebleu"])
    for score in report.scores:
        sheet.append([_text(score.score.name), score.score.score, score.mean, score.ci, _text(score.signature),
                      _text(score.line(2))])
    if report.comparison is not None:
        comparison = report.comparison
        sheet.append([])
        sheet.append([_text(f"Paired test ({comparison.test}, {comparison.samples} samples)"),
                      _text("Baseline"), _text("System"), _text("p-value"), _text("Signature")])
        for result in comparison.results:
            sheet.append([_text(result.name), result.baseline["score"], result.system["score"],
                          result.system["p_value"], _text(result.signature)])
    sheet.append([])
    for line in summary_lines(report):
        sheet.append([_text(line)])
    _text_cells(sheet)
    _finish(sheet, [16, 10, 16, 14, 70, 90], filter_rows=len(report.scores) + 1)


def _unpaired_sheet(sheet, report: ScoreReport) -> None:
    _header(sheet, ["Location", "Source", "Reason"])
    for item in report.alignment.unpaired:
        sheet.append([_text(item.location), _text(item.source or ""), _text(item.explanation)])
    _text_cells(sheet)
    _finish(sheet, [30, 60, 40])


def _header(sheet, headers: list[str]) -> None:
    sheet.append([_text(h) for h in headers])
    for cell in sheet[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL


def _text(value: str) -> str:
    # A workbook is XML: it cannot store control characters, U+FFFE, U+FFFF or lone surrogates. The segment
    # text is shown, not round-tripped, so each is shown as U+FFFD, the same way the HTML score report does.
    return _xml(value)


def _text_cells(sheet) -> None:
    """Make every string cell a wrapped text cell, never a formula (openpyxl guesses one for '=...')."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
                cell.alignment = _WRAP


def _finish(sheet, widths: list[int], filter_rows: int | None = None) -> None:
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    last_row = filter_rows if filter_rows is not None else max(sheet.max_row, 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{last_row}"
