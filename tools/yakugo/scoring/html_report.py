"""The score report as one self-contained HTML page: corpus scores and every segment in a sortable table."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from ..fileio import atomic_write_bytes
from .metrics import PAIRED_TESTS
from .report import summary_lines, text_columns
from .scorer import ScoreReport

SOURCE_LANGUAGE = "ja"  # yakugo translates Japanese sources
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #ddebf7; cursor: pointer; position: sticky; top: 0; }
th[aria-sort=ascending]::after { content: " \\25B2"; }
th[aria-sort=descending]::after { content: " \\25BC"; }
td.score { text-align: right; font-variant-numeric: tabular-nums; }
pre { white-space: pre-wrap; }
"""

# Clicking a header sorts by that column, numbers by their data-value; clicking again reverses.
_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (header, column) {
    header.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var numeric = header.getAttribute("data-type") === "number";
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var order = numeric
          ? parseFloat(x.getAttribute("data-value")) - parseFloat(y.getAttribute("data-value"))
          : x.textContent.localeCompare(y.textContent);
        return ascending ? order : -order;
      });
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def write_html(report: ScoreReport, path: Path | str) -> None:
    atomic_write_bytes(path, html_bytes(report))


def html_bytes(report: ScoreReport) -> bytes:
    html = lxml.html.Element("html", lang="en")
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "title").text = _xml(f"Translation scores: {report.alignment.hypothesis_names[0]}")
    etree.SubElement(head, "style").text = _STYLE
    body = etree.SubElement(html, "body")
    etree.SubElement(body, "h1").text = "Translation scores"
    summary = etree.SubElement(body, "ul")
    for line in summary_lines(report):
        etree.SubElement(summary, "li").text = _xml(line)
    etree.SubElement(body, "pre").text = "\n".join(score.line(2) for score in report.scores)
    if report.comparison is not None:
        _comparison(body, report)
    etree.SubElement(body, "h2").text = "Segments"
    etree.SubElement(body, "p").text = "Click a column header to sort by it; click again to reverse."
    _segments_table(body, report)
    if report.alignment.unpaired:
        etree.SubElement(body, "h2").text = "Unpaired segments (not scored)"
        _table(body, ["Location", "Source", "Reason"], [
            [(item.location, None), (item.source or "", SOURCE_LANGUAGE), (item.explanation, None)]
            for item in report.alignment.unpaired])
    etree.SubElement(body, "script").text = _SCRIPT
    return lxml.html.tostring(html, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")


def _comparison(body, report: ScoreReport) -> None:
    comparison = report.comparison
    etree.SubElement(body, "h2").text = (f"{PAIRED_TESTS[comparison.test].capitalize()} "
                                         f"({comparison.samples} samples)")
    etree.SubElement(body, "p").text = _xml(f"{comparison.system} against the baseline {comparison.baseline}")
    table = etree.SubElement(body, "table")
    header = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for text in ("Metric", "Baseline", "System", "p-value", "Signature"):
        etree.SubElement(header, "th").text = text
    rows = etree.SubElement(table, "tbody")
    for result in comparison.results:
        row = etree.SubElement(rows, "tr")
        for text in (result.name, f"{result.baseline['score']:.2f}", f"{result.system['score']:.2f}",
                     f"{result.system['p_value']:.4f}", result.signature):
            etree.SubElement(row, "td").text = _xml(text)


def _segments_table(body, report: ScoreReport) -> None:
    alignment, per_segment = report.alignment, report.segment_scores
    target = report.language
    headers = text_columns(report)
    metrics = list(per_segment.names)
    rows = []
    for segment, scores in zip(alignment.segments, per_segment.scores):
        rows.append([(segment.number, None), (segment.location, None), (segment.source or "", SOURCE_LANGUAGE),
                     *((text, target) for text in segment.hypotheses),
                     *((text, target) for text in segment.references),
                     *((scores[m], None) for m in metrics)])
    _table(body, ["#", *headers, *(per_segment.names[m] for m in metrics)], rows,
           numeric={0, *range(len(headers) + 1, len(headers) + 1 + len(metrics))})


def _table(body, headers: list[str], rows: list[list[tuple]], numeric: set[int] = frozenset()) -> None:
    """A sortable table; a cell is (value, lang), numbers are shown rounded and sorted by their value."""
    table = etree.SubElement(body, "table", {"class": "sortable"})
    header_row = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for index, text in enumerate(headers):
        cell = etree.SubElement(header_row, "th", scope="col")
        cell.text = text
        if index in numeric:
            cell.set("data-type", "number")
    rows_element = etree.SubElement(table, "tbody")
    for row in rows:
        row_element = etree.SubElement(rows_element, "tr")
        for value, lang in row:
            cell = etree.SubElement(row_element, "td")
            if isinstance(value, (int, float)):
                cell.set("class", "score")
                cell.set("data-value", repr(value))
                cell.text = str(value) if isinstance(value, int) else f"{value:.2f}"
            else:
                cell.text = _xml(value)
                if lang:
                    cell.set("lang", lang)


def _xml(text: str) -> str:
    """``text`` with the characters XML cannot hold (control characters) shown as U+FFFD."""
    return _NOT_XML.sub("\N{REPLACEMENT CHARACTER}", text)
