"""Aligned rows as a Word review table: the kind of bilingual table reviewers annotate in Word.

A4 landscape; per source document, a table with a narrow position column
(line and status), Japanese, English, and a comments column that holds the
checker's findings and leaves room for the reviewer's. The header row repeats
on every page, and no row is split across pages. Headings are bold, footnotes
start with their number, glossary terms are bold blue, spans that findings
point at are underlined in red or orange, and fuzzy or untranslated English
cells are shaded. Runs carry their language (ja-JP, en-US) so Word proofs
each side in its own language. The document's dates and the zip members'
dates are the PO files' revision date, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..ooxml import reproducible_zip
from .aligned import (FUZZY, NOT_XML, TERM, TRANSLATED, UNTRANSLATED, AlignedDocument, Highlight, Row,
                      latest_revision, reject_characters, runs)

COLUMNS = (("Line", Cm(2.4)), ("Japanese", Cm(10.3)), ("English", Cm(10.4)), ("Comments", Cm(3.6)))
JAPANESE, ENGLISH = "ja-JP", "en-US"
_SHADES = {FUZZY: "FFF2CC", UNTRANSLATED: "F8CBAD"}
_COLOURS = {TERM: RGBColor(0x1F, 0x4E, 0x79), "error": RGBColor(0xC0, 0x00, 0x00),
            "warning": RGBColor(0xC5, 0x5A, 0x11)}
_PRIORITY = ("error", "warning", TERM)


def docx_bytes(documents: Sequence[AlignedDocument], title: str) -> bytes:
    reject_characters(documents, NOT_XML, "a Word document")
    moment = latest_revision(documents)
    word = Document()
    _landscape(word)
    word.styles["Normal"].font.size = Pt(10)
    properties = word.core_properties
    properties.title, properties.author, properties.last_modified_by = title, "yakugo", "yakugo"
    properties.comments, properties.revision = "", 1
    properties.created = properties.modified = moment.replace(tzinfo=None)
    word.add_heading(title, level=1)
    for document in documents:
        word.add_paragraph(f"{document.source_file} → {document.catalog}: {len(document.rows)} sentences; "
                           f"PO entries {document.translated} translated, {document.fuzzy} fuzzy, "
                           f"{document.untranslated} untranslated ({document.percent():.1f}% done)")
        _table(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


def _landscape(word) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1.5)


def _table(word, document: AlignedDocument) -> None:
    # All rows at once: python-docx's add_row searches the whole table for where to insert each row.
    table = word.add_table(rows=1 + len(document.rows), cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    header, *body = table.rows
    _set_row_flag(header, "w:tblHeader")  # repeated at the top of every page
    for cell, (name, _width) in zip(header.cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
        _shade(cell, "DDEBF7")
    for table_row, row in zip(body, document.rows, strict=True):
        _set_row_flag(table_row, "w:cantSplit")  # a sentence pair stays on one page
        _row(table_row.cells, row)
    for column, (_name, width) in zip(table.columns, COLUMNS, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _row(cells, row: Row) -> None:
    position, source, target, comments = cells
    position.paragraphs[0].add_run(str(row.line)).font.size = Pt(8)
    if row.status != TRANSLATED:
        status = position.add_paragraph().add_run(row.status)
        status.font.size, status.italic = Pt(8), True
    note = row.footnote if row.sentence == 0 else None
    _sentence(source.paragraphs[0], row.source, row.source_highlights, row, JAPANESE, note)
    _sentence(target.paragraphs[0], row.target, row.target_highlights, row, ENGLISH, note if row.target else None)
    if row.status in _SHADES:
        _shade(target, _SHADES[row.status])
    for number, finding in enumerate(row.findings):
        paragraph = comments.paragraphs[0] if number == 0 else comments.add_paragraph()
        run = paragraph.add_run(f"{finding.severity} {finding.check}: {finding.message}")
        run.font.size = Pt(8)
        run.font.color.rgb = _COLOURS.get(finding.severity)


def _sentence(paragraph, text: str, highlights: Sequence[Highlight], row: Row, language: str,
              note: int | None) -> None:
    if note is not None:
        _run(paragraph, f"{note} ", language).bold = True
    for piece, covering in runs(text, highlights):
        run = _run(paragraph, piece, language)
        kinds = {h.kind for h in covering}
        kind = next((k for k in _PRIORITY if k in kinds), None)
        if kind is not None:
            run.font.color.rgb = _COLOURS[kind]
            run.bold = kind == TERM or None
            run.underline = kind != TERM or None
        if row.heading_level:
            run.bold = True


def _run(paragraph, text: str, language: str):
    run = paragraph.add_run(text)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia" if language == JAPANESE else "w:val"), language)
    run._r.get_or_add_rPr().append(lang)
    return run


def _set_row_flag(row, tag: str) -> None:
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
