"""The HTML QA report for reviewers: one self-contained page, no network.

A table with one row per finding (suppressed ones too, hidden until the
status filter asks for them), the Japanese and English sentences side by side
with the finding's span in ``<mark>``, and ``lang`` set on each so browsers
and screen readers pick the right fonts and voices. Inline CSS and a small
inline script sort the table by any column and filter it by check, severity
and status; without the script every row is shown.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..checks.model import CHECKS, Finding, Result
from .sanitize import xml_safe
from .spans import split_at_span
from .text import summary_line

# (heading, data-type for sorting)
COLUMNS = (("File", "text"), ("Line", "number"), ("Severity", "text"), ("Check", "text"),
           ("Japanese", "text"), ("English", "text"), ("Message", "text"))

_CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
[lang="ja"] { font-family: "Hiragino Sans", "Yu Gothic", "Noto Sans CJK JP", sans-serif; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #ddebf7; }
th button { all: unset; cursor: pointer; font-weight: bold; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.sentence { white-space: pre-wrap; min-width: 16em; }
td.number { text-align: right; }
td.message { min-width: 14em; }
code { white-space: nowrap; }
mark { background: #ffe08a; color: inherit; box-shadow: 0 0 0 1px #c00000; }
.severity { font-weight: bold; border-radius: 3px; padding: 0 .3em; }
.severity.error { background: #ffc7ce; color: #9c0006; }
.severity.warning { background: #ffeb9c; color: #9c5700; }
tr.suppressed td { color: #595959; background: #f6f8fa; }
tr.suppressed .severity { background: #ededed; color: #595959; }
.detail { font-size: .9em; color: #57606a; margin-top: .25em; }
footer { margin-top: 1rem; font-size: .9em; color: #57606a; }
"""

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("findings");
  var body = table.tBodies[0];
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var shown = document.getElementById("shown");

  function filter() {
    var count = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var visible = selects.every(function (select) {
        return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
      });
      row.hidden = !visible;
      count += visible ? 1 : 0;
    });
    shown.textContent = count + " of " + body.rows.length + " findings shown";
  }

  function sort(header) {
    var column = header.cellIndex;
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(header.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].textContent, y = b.cells[column].textContent;
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  selects.forEach(function (select) { select.addEventListener("change", filter); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    header.querySelector("button").addEventListener("click", function () { sort(header); });
  });
  filter();
})();
"""


def render_html(result: Result, *, tool_version: str) -> bytes:
    findings = [*result.findings, *result.suppressed]
    summary = summary_line(result.summary)
    page = etree.Element("html", lang="en")
    head = etree.SubElement(page, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    etree.SubElement(head, "title").text = f"yakugo check: {summary}"
    etree.SubElement(head, "style").text = _CSS
    body = etree.SubElement(page, "body")
    etree.SubElement(body, "h1").text = "yakugo check"
    etree.SubElement(body, "p", {"class": "summary"}).text = summary
    _filters(body, findings)
    _table(body, findings)
    etree.SubElement(body, "footer").text = (f"Written by yakugo {tool_version}. Click a column heading to sort; "
                                             "choose a check, severity or status to filter.")
    etree.SubElement(body, "script").text = _SCRIPT
    return lxml.html.tostring(page, doctype="<!DOCTYPE html>", method="html", encoding="utf-8")


def _filters(body: etree._Element, findings: list[Finding]) -> None:
    present = {f.check for f in findings}
    checks = [c for c in CHECKS if c in present] + sorted(present - set(CHECKS))
    severities = sorted({f.severity for f in findings})
    form = etree.SubElement(body, "form", {"class": "filters"})
    _select(form, "Check", "check", [("", "all")] + [(xml_safe(c), xml_safe(c)) for c in checks], "")
    _select(form, "Severity", "severity", [("", "all")] + [(xml_safe(s), xml_safe(s)) for s in severities], "")
    _select(form, "Status", "status", [("active", "active"), ("suppressed", "suppressed"), ("", "all")], "active")
    etree.SubElement(form, "output", id="shown")


def _select(form: etree._Element, label: str, name: str, options: list[tuple[str, str]], chosen: str) -> None:
    wrapper = etree.SubElement(form, "label")
    wrapper.text = f"{label} "
    select = etree.SubElement(wrapper, "select", {"data-filter": name})
    for value, text in options:
        option = etree.SubElement(select, "option", value=value)
        option.text = text
        if value == chosen:
            option.set("selected", "selected")


def _table(body: etree._Element, findings: list[Finding]) -> None:
    table = etree.SubElement(body, "table", id="findings")
    heading_row = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for heading, data_type in COLUMNS:
        header = etree.SubElement(heading_row, "th", {"scope": "col", "data-type": data_type})
        etree.SubElement(header, "button", type="button").text = heading
    rows = etree.SubElement(table, "tbody")
    for finding in findings:
        _row(rows, finding)


def _row(rows: etree._Element, finding: Finding) -> None:
    status = "active" if finding.suppressed is None else "suppressed"
    row = etree.SubElement(rows, "tr", {"data-check": xml_safe(finding.check),
                                        "data-severity": xml_safe(finding.severity), "data-status": status})
    if finding.suppressed is not None:
        row.set("class", "suppressed")
    etree.SubElement(row, "td").text = xml_safe(finding.path)
    etree.SubElement(row, "td", {"class": "number"}).text = str(finding.line)
    severity = etree.SubElement(etree.SubElement(row, "td"), "span", {"class": f"severity {finding.severity}"})
    severity.text = xml_safe(finding.severity)
    etree.SubElement(etree.SubElement(row, "td"), "code").text = xml_safe(finding.check)
    _sentence(row, finding.msgid, finding.source_span, "ja")
    _sentence(row, finding.msgstr, finding.target_span, "en")
    message = etree.SubElement(row, "td", {"class": "message"})
    message.text = xml_safe(finding.message)
    if finding.concept:
        _detail(message, "concept: ", finding.concept)
        _detail(message, "term: ", finding.term or "", "ja")
        _detail(message, "accepted: ", "; ".join(finding.renderings), "en")
    if finding.suppressed is not None:
        _detail(message, "suppressed: ", finding.suppressed)


def _sentence(row: etree._Element, text: str, span: tuple[int, int] | None, lang: str) -> None:
    """A cell holding ``text`` with the span inside ``<mark>``."""
    cell = etree.SubElement(row, "td", {"class": "sentence", "lang": lang})
    last = None
    for run, marked in split_at_span(text, span):
        run = xml_safe(run)
        if marked:
            last = etree.SubElement(cell, "mark")
            last.text = run
        elif last is None:
            cell.text = run
        else:
            last.tail = run


def _detail(message: etree._Element, label: str, text: str, lang: str | None = None) -> None:
    detail = etree.SubElement(message, "div", {"class": "detail"})
    if lang is None:
        detail.text = label + xml_safe(text)
    else:
        detail.text = label
        etree.SubElement(detail, "span", lang=lang).text = xml_safe(text)
