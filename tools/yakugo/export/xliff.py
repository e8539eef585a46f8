"""XLIFF exchange with CAT tools: XLIFF 1.2 out of the PO catalogs, translations back in.

One ``<file>`` per PO file (``original`` is its path in the project), one
``<trans-unit>`` per entry, with an id hashed from msgctxt and msgid so it
survives re-exports. The target's ``state`` says what the PO entry is:
``translated`` (and ``approved="yes"``, which Translate Toolkit based tools
need to treat the unit as done), ``needs-review-translation`` for fuzzy, and
an empty target with ``needs-translation`` for a new entry. The PO comments
go into notes: extracted comments (block role, term hints, footnote markers)
one per line ``from="developer"``, the translator comment ``from="translator"``;
the ``#:`` references into location context groups.

Reading accepts XLIFF 1.2 and 2.0 from any tool. Inline elements give their
text: ``<g>``/``<mrk>``/``<pc>`` their content, code elements (``<ph>``,
``<bpt>``, ``<ept>``, ``<it>``) the original markup they hold, empty
placeholders (``<x/>``, ``<bx/>``, ``<ex/>``, 2.0's ``<ph/>``) nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib
from lxml import etree

from .. import __version__
from ..catalog import load_catalog, write_catalog
from ..config import Config
from ..errors import YakugoError
from ..glossary.xmlsafe import parse_xml
from ..project import project_catalogs
from .tmx import entry_key, exported_entries, inline_text, language_matches, set_text, stable_id

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MSGCTXT_CONTEXT = "x-po-msgctxt"

TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"
_DONE_STATES_12 = {"final", "translated", "signed-off"}
_DONE_STATES_20 = {"translated", "reviewed", "final"}


def _x12(name: str) -> str:
    return f"{{{XLIFF_12}}}{name}"


def _x20(name: str) -> str:
    return f"{{{XLIFF_20}}}{name}"


def xliff_bytes(catalogs: Sequence[tuple[str, polib.POFile]], *, source_language: str = "ja",
                target_language: str = "en") -> bytes:
    """An XLIFF 1.2 document (strict schema) of ``catalogs``, (PO path, catalog) pairs."""
    if not catalogs:
        raise YakugoError("no PO files to export to XLIFF")
    root = etree.Element(_x12("xliff"), version="1.2", nsmap={None: XLIFF_12})
    for po_path, catalog in catalogs:
        file = etree.SubElement(root, _x12("file"), {
            "original": po_path, "source-language": source_language,
            "target-language": target_language, "datatype": "plaintext"})
        header = etree.SubElement(file, _x12("header"))
        etree.SubElement(header, _x12("tool"), {"tool-id": "yakugo", "tool-name": "yakugo",
                                                "tool-version": __version__})
        body = etree.SubElement(file, _x12("body"))
        for entry in exported_entries(po_path, catalog):
            _add_unit(body, po_path, entry)
    etree.indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _add_unit(body: etree._Element, po_path: str, entry: polib.POEntry) -> None:
    unit = etree.SubElement(body, _x12("trans-unit"), id=stable_id(entry_key(entry)))
    state = _state(entry)
    if state == "translated":
        unit.set("approved", "yes")
    unit.set(XML_SPACE, "preserve")
    set_text(etree.SubElement(unit, _x12("source")), entry.msgid, po_path, entry)
    set_text(etree.SubElement(unit, _x12("target"), state=state), entry.msgstr, po_path, entry)
    if entry.msgctxt is not None:
        group = etree.SubElement(unit, _x12("context-group"), name="msgctxt", purpose="match")
        context = etree.SubElement(group, _x12("context"), {"context-type": MSGCTXT_CONTEXT})
        set_text(context, entry.msgctxt, po_path, entry)
    for path, line in entry.occurrences:
        group = etree.SubElement(unit, _x12("context-group"), purpose="location")
        set_text(etree.SubElement(group, _x12("context"), {"context-type": "sourcefile"}), path, po_path, entry)
        if line:
            set_text(etree.SubElement(group, _x12("context"), {"context-type": "linenumber"}), line,
                     po_path, entry)
    for line in entry.comment.splitlines():
        set_text(etree.SubElement(unit, _x12("note"), {"from": "developer"}), line, po_path, entry)
    if entry.tcomment:
        set_text(etree.SubElement(unit, _x12("note"), {"from": "translator"}), entry.tcomment, po_path, entry)


def _state(entry: polib.POEntry) -> str:
    if not entry.msgstr:
        return "needs-translation"
    return "needs-review-translation" if entry.fuzzy else "translated"


@dataclass(frozen=True)
class XliffUnit:
    """One translation unit as read: ``status`` is TRANSLATED, FUZZY or UNTRANSLATED."""

    source: str
    target: str
    status: str
    msgctxt: str | None
    translator_notes: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class XliffFile:
    """One ``<file>`` of an XLIFF document; ``original`` is empty when the file has none."""

    original: str
    target_language: str | None
    line: int | None
    units: tuple[XliffUnit, ...]


def read_xliff(path: Path | str) -> list[XliffFile]:
    """Every file and unit of an XLIFF 1.2 or 2.0 document, in document order."""
    root = parse_xml(path)
    if root.tag == _x12("xliff"):
        files = [_read_file_12(file, path) for file in root.iterfind(_x12("file"))]
    elif root.tag == _x20("xliff"):
        files = [_read_file_20(file, root.get("trgLang"), path) for file in root.iterfind(_x20("file"))]
    else:
        raise YakugoError(f"not an XLIFF 1.2 or 2.0 document: the root element is {root.tag}", path,
                          root.sourceline)
    if not files:
        raise YakugoError("the XLIFF document has no <file> element", path, root.sourceline)
    return files


def read_xliff_pairs(path: Path | str) -> list[tuple[str, str]]:
    """(source, target) of every unit that has a translation (fuzzy ones included), in order."""
    return [(unit.source, unit.target) for file in read_xliff(path) for unit in file.units
            if unit.status != UNTRANSLATED]


def _read_file_12(file: etree._Element, path: Path | str) -> XliffFile:
    units = []
    for unit in file.iter(_x12("trans-unit")):
        source_element = unit.find(_x12("source"))
        if source_element is None:
            raise YakugoError("<trans-unit> has no <source>", path, unit.sourceline)
        target_element = unit.find(_x12("target"))
        source = inline_text(source_element, path)
        target = inline_text(target_element, path) if target_element is not None else ""
        state = target_element.get("state") if target_element is not None else None
        units.append(XliffUnit(
            source, target, _status_12(state, unit.get("approved"), source, target), _msgctxt(unit),
            tuple(note.text or "" for note in unit.iterfind(_x12("note")) if note.get("from") == "translator"),
            unit.sourceline))
    return XliffFile(file.get("original", ""), file.get("target-language"), file.sourceline, tuple(units))


def _status_12(state: str | None, approved: str | None, source: str, target: str) -> str:
    if not target:
        return UNTRANSLATED
    if state is None:
        return FUZZY if approved == "no" else TRANSLATED
    if state in _DONE_STATES_12:
        return TRANSLATED
    if state in ("new", "needs-translation") and target == source:
        return UNTRANSLATED  # tools fill the target of a new unit with a copy of the source
    return FUZZY


def _msgctxt(unit: etree._Element) -> str | None:
    for context in unit.iterfind(f"{_x12('context-group')}/{_x12('context')}"):
        if context.get("context-type") == MSGCTXT_CONTEXT:
            return context.text or ""
    return None


def _read_file_20(file: etree._Element, target_language: str | None, path: Path | str) -> XliffFile:
    units = []
    for unit in file.iter(_x20("unit")):
        sources, targets, states = [], [], []
        for part in unit:
            if part.tag not in (_x20("segment"), _x20("ignorable")):
                continue
            source_element = part.find(_x20("source"))
            if source_element is None:
                raise YakugoError(f"<{etree.QName(part).localname}> has no <source>", path, part.sourceline)
            target_element = part.find(_x20("target"))
            sources.append(inline_text(source_element, path))
            if target_element is not None:
                targets.append(inline_text(target_element, path))
            elif part.tag == _x20("ignorable"):
                targets.append(sources[-1])  # an ignorable without target reads as its source
            else:
                targets.append(None)
            if part.tag == _x20("segment"):
                states.append(part.get("state", "initial"))
        # A unit is the PO entry: it is translated only when every segment is.
        target = "" if None in targets else "".join(targets)
        if not states or not target:
            status = UNTRANSLATED
        else:
            status = TRANSLATED if all(state in _DONE_STATES_20 for state in states) else FUZZY
        units.append(XliffUnit("".join(sources), target, status, None, (), unit.sourceline))
    return XliffFile(file.get("original", ""), target_language, file.sourceline, tuple(units))


@dataclass
class ImportCounts:
    """What merging an XLIFF's units did to one PO catalog."""

    updated: int = 0
    unchanged: int = 0
    unknown: int = 0

    def add(self, other: ImportCounts) -> None:
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.unknown += other.unknown

    def __str__(self) -> str:
        return f"{self.updated} updated, {self.unchanged} unchanged, {self.unknown} unknown"


def merge_units(catalog: polib.POFile, units: Sequence[XliffUnit]) -> ImportCounts:
    """Put the units' translations into the entries with the same msgctxt and msgid.

    A translated unit sets msgstr and clears fuzzy; a fuzzy one sets msgstr and
    fuzzy; a unit without translation changes no translation, so an empty
    target never erases one. Translator notes replace the translator comment.
    Units whose source is not in the catalog are counted as unknown.
    """
    entries = {(e.msgctxt, e.msgid): e for e in catalog if not e.obsolete and e.msgid and not e.msgid_plural}
    counts = ImportCounts()
    for unit in units:
        entry = entries.get((unit.msgctxt, unit.source))
        if entry is None:
            counts.unknown += 1
        elif _apply(entry, unit):
            counts.updated += 1
        else:
            counts.unchanged += 1
    return counts


def _refuse_disagreeing_units(units: Sequence[XliffUnit], path: Path | str) -> None:
    """Two units with one source and different translations: which one is meant cannot be guessed."""
    first: dict[tuple[str | None, str], XliffUnit] = {}
    for unit in units:
        if unit.status == UNTRANSLATED:
            continue
        earlier = first.setdefault((unit.msgctxt, unit.source), unit)
        if earlier.target != unit.target:
            raise YakugoError(f"this unit translates the same source as the unit at line {earlier.line} "
                              "differently; make them agree", path, unit.line)


def _apply(entry: polib.POEntry, unit: XliffUnit) -> bool:
    before = (entry.msgstr, list(entry.flags), entry.tcomment, entry.previous_msgid, entry.previous_msgctxt)
    if unit.translator_notes:
        entry.tcomment = "\n".join(unit.translator_notes)
    if unit.status == TRANSLATED:
        entry.msgstr = unit.target
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        # The earlier msgid only helps while the entry is fuzzy, as msgmerge and Poedit treat it.
        entry.previous_msgid = entry.previous_msgctxt = None
    elif unit.status == FUZZY:
        entry.msgstr = unit.target
        if not entry.fuzzy:
            entry.flags.insert(0, "fuzzy")
    return before != (entry.msgstr, entry.flags, entry.tcomment, entry.previous_msgid, entry.previous_msgctxt)


@dataclass
class ImportOutcome:
    """What importing an XLIFF did to one PO file of the project."""

    path: Path
    counts: ImportCounts
    written: bool


def import_xliff(config: Config, xliff_path: Path | str, language: str | None = None,
                 dry_run: bool = False) -> list[ImportOutcome]:
    """Merge the translations of an XLIFF file into the project's PO files that it names.

    Each ``<file original>`` must be a PO file of the project (for
    ``language`` when given, else for any configured language) and its
    target-language must agree. Everything is read and merged in memory
    first, so a bad XLIFF or PO file stops the import with nothing written.
    """
    xliff_files = read_xliff(xliff_path)
    languages = [language] if language else list(config.languages)
    known = {config.relative(path): (lang, path) for lang in languages for path in project_catalogs(config, [lang])}
    planned: dict[str, tuple[Path, polib.POFile, ImportCounts]] = {}
    for xliff_file in xliff_files:
        relative = config.relative(config.root / xliff_file.original) if xliff_file.original else ""
        if relative not in known:
            where = f"for language {language} " if language else ""
            raise YakugoError(f"<file original=\"{xliff_file.original}\"> is not a PO file of this project "
                              f"{where}(translations/<lang>/*.po)", xliff_path, xliff_file.line)
        po_language, po_path = known[relative]
        if xliff_file.target_language and not language_matches(xliff_file.target_language, po_language):
            raise YakugoError(f"target-language {xliff_file.target_language!r} does not match {relative}, "
                              f"which is {po_language!r}", xliff_path, xliff_file.line)
        _refuse_disagreeing_units(xliff_file.units, xliff_path)
        if relative not in planned:
            planned[relative] = (po_path, load_catalog(po_path), ImportCounts())
        _, catalog, counts = planned[relative]
        counts.add(merge_units(catalog, xliff_file.units))
    return [ImportOutcome(path, counts, not dry_run and write_catalog(catalog, path, date_field="PO-Revision-Date"))
            for path, catalog, counts in planned.values()]
