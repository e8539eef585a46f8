"""Aligned rows as one self-contained HTML page for reviewers: no scripts, no network, inline CSS.

Japanese and English sit side by side, one table row per sentence and one
table body per paragraph; headings stay headings (``h2``-``h4``), footnotes
keep their number. Glossary terms are marked in both languages with the
approved rendering as their title (shown on hover); spans that findings point
at are underlined, and each sentence lists its findings. Rows are coloured by
status. The page prints in landscape with the column headings repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from lxml import etree
from lxml import html as lxml_html

from .. import __version__
from .aligned import (NOT_XML, TERM, TRANSLATED, UNTRANSLATED, AlignedDocument, Highlight, Row, reject_characters,
                      runs)

CSS = """
:root { --term: #dbeafe; --term-line: #1f4e79; --fuzzy: #fff2cc; --untranslated: #fbe3d6; }
body { margin: 1.5rem; font: 15px/1.55 "Noto Serif", Georgia, serif; color: #1a1a1a; }
:lang(ja) { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
.summary, .legend, .file { margin: .2rem 0; font-size: .9rem; color: #444; }
table.aligned { width: 100%; border-collapse: collapse; margin-top: 1rem; table-layout: fixed; }
col.pos { width: 7rem; } col.ja, col.en { width: calc(50% - 3.5rem); }
th { position: sticky; top: 0; background: #ddebf7; text-align: left; padding: .3rem .5rem; }
td { vertical-align: top; padding: .25rem .5rem; border-top: 1px solid #e5e5e5; overflow-wrap: anywhere; }
tbody.paragraph { border-top: 2px solid #bbb; }
td.pos { font: .8rem/1.4 ui-monospace, monospace; color: #666; }
td h2, td h3, td h4 { margin: .3rem 0; }
td h2 { font-size: 1.3rem; } td h3 { font-size: 1.15rem; } td h4 { font-size: 1rem; }
tr.fuzzy td.target { background: var(--fuzzy); }
tr.untranslated td.target { background: var(--untranslated); }
td.target > .empty::before { content: "untranslated"; color: #999; font-style: italic; }
.badge { display: inline-block; white-space: nowrap; margin-top: .2rem; padding: 0 .3rem; border-radius: .2rem;
         font-size: .7rem; }
.badge.fuzzy { background: #f4c542; } .badge.untranslated { background: #f1a983; }
.note-number { font-weight: bold; margin-right: .4em; }
mark.term { background: var(--term); border-bottom: 1px solid var(--term-line); color: inherit; cursor: help; }
mark.finding { background: none; color: inherit; text-decoration: underline wavy; }
mark.finding.error { text-decoration-color: #c00000; } mark.finding.warning { text-decoration-color: #c55a11; }
ul.findings { margin: .3rem 0 0; padding-left: 1.2rem; font-size: .85rem; }
ul.findings li.error { color: #c00000; } ul.findings li.warning { color: #8a3c00; }
ul.findings .check { font-family: ui-monospace, monospace; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  th { position: static; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def html_text(documents: Sequence[AlignedDocument], title: str) -> str:
    reject_characters(documents, NOT_XML, "an HTML page")
    root = etree.Element("html", lang="en")
    head = _child(root, "head", tail="\n")
    _child(head, "meta", charset="utf-8")
    _child(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _child(head, "meta", name="generator", content=f"yakugo {__version__}")
    _child(head, "title", text=title)
    _child(head, "style", text=CSS)
    body = _child(root, "body", tail="\n")
    header = _child(body, "header", tail="\n")
    _child(header, "h1", text=title)
    legend = _child(header, "p", text="Glossary terms are ", **{"class": "legend"})
    _child(legend, "mark", text="marked", tail="; hover over one to see the approved rendering. Rows in ",
           title="the approved rendering", **{"class": "term"})
    _child(legend, "span", text="fuzzy", tail=" need review; ", **{"class": "badge fuzzy"})
    _child(legend, "span", text="untranslated", tail=" ones have no translation yet.",
           **{"class": "badge untranslated"})
    for number, document in enumerate(documents, 1):
        _document_section(body, document, f"d{number}")
    return lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")


def _document_section(body, document: AlignedDocument, prefix: str) -> None:
    section = _child(body, "section", tail="\n", id=prefix, **{"class": "document"})
    _child(section, "p", text=f"{document.source_file} → {document.catalog}", **{"class": "file"})
    _child(section, "p", text=(f"{len(document.rows)} sentences; PO entries: {document.translated} translated, "
                               f"{document.fuzzy} fuzzy, {document.untranslated} untranslated "
                               f"({document.percent():.1f}% done)"), **{"class": "summary"})
    table = _child(section, "table", tail="\n", **{"class": "aligned"})
    columns = _child(table, "colgroup")
    for name in ("pos", "ja", "en"):
        _child(columns, "col", **{"class": name})
    head_row = _child(_child(table, "thead"), "tr")
    _child(head_row, "th", text="Line")
    _child(head_row, "th", text="日本語", lang="ja")
    _child(head_row, "th", text="English")
    for _paragraph, group in groupby(document.rows, key=lambda row: row.paragraph):
        rows = list(group)
        tbody = _child(table, "tbody", tail="\n", **{"class": f"paragraph {rows[0].role}"})
        for row in rows:
            _row(tbody, row, f"{prefix}-L{row.line}" + (f"-{row.sentence + 1}" if len(rows) > 1 else ""))


def _row(tbody, row: Row, row_id: str) -> None:
    tr = _child(tbody, "tr", tail="\n", id=row_id, **{"class": f"segment {row.status}"})
    position = _child(tr, "td", text=str(row.line), title=row.position, **{"class": "pos"})
    if row.status != TRANSLATED:
        _child(position, "br")
        _child(position, "span", text=row.status, **{"class": f"badge {row.status}"})
    note = row.footnote if row.sentence == 0 else None
    source_cell = _child(tr, "td", lang="ja", **{"class": "source"})
    _sentence(source_cell, row, row.source, row.source_highlights, note)
    target_cell = _child(tr, "td", lang="en", **{"class": "target"})
    if row.status == UNTRANSLATED:
        _child(target_cell, "span", **{"class": "empty"})
    else:
        _sentence(target_cell, row, row.target, row.target_highlights, note)
    if row.findings:
        findings = _child(target_cell, "ul", **{"class": "findings"})
        for finding in row.findings:
            item = _child(findings, "li", **{"class": finding.severity})
            _child(item, "span", text=finding.check, tail=f" {finding.message}", **{"class": "check"})


def _sentence(cell, row: Row, text: str, highlights: Sequence[Highlight], note: int | None) -> None:
    """The sentence in ``cell``: inside a heading element for headings, after its number for a note."""
    holder = _child(cell, f"h{row.heading_level + 1}") if row.heading_level else cell
    if note is not None:
        _child(holder, "span", text=str(note), **{"class": "note-number"})
    for piece, covering in runs(text, highlights):
        parent = holder
        for highlight in sorted(covering, key=lambda h: h.kind == TERM):
            css = "term" if highlight.kind == TERM else f"finding {highlight.kind}"
            attributes = {"class": css, "title": highlight.label}
            if highlight.concept:
                attributes["data-concept"] = highlight.concept
            parent = _child(parent, "mark", **attributes)
        _append_text(parent, piece)


def _append_text(element, text: str) -> None:
    """Add ``text`` at the end of ``element``'s content (after its last child, if any)."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _child(parent, tag: str, text: str | None = None, tail: str | None = None, **attributes):
    element = etree.SubElement(parent, tag, **attributes)
    element.text = text
    element.tail = tail
    return element
