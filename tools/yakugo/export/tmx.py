"""TMX 1.4b translation memories: writing the PO catalogs' translations, reading any TMX's pairs.

One ``<tu>`` per translated entry, its Japanese and English as two ``<tuv>``.
The ``tuid`` is a hash of the PO path, msgctxt and msgid, so it stays the same
from one export to the next; props say which PO file and source lines the pair
comes from. No dates are written, so the same catalogs give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import polib
from lxml import etree

from .. import __version__
from ..errors import YakugoError
from ..glossary.xmlsafe import parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def entry_key(entry: polib.POEntry) -> str:
    """msgctxt and msgid joined the way gettext does in MO files (EOT between them)."""
    return entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"


def stable_id(*parts: str) -> str:
    """A short hex id that depends only on ``parts``."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def set_text(element: etree._Element, text: str, po_path: str, entry: polib.POEntry) -> None:
    """Set ``element``'s text, or name the PO entry whose text XML cannot hold."""
    try:
        element.text = text
    except ValueError:
        bad = next(c for c in text if not _xml_char(c))
        raise YakugoError(f"character U+{ord(bad):04X} cannot be written in XML; remove it from the entry",
                          po_path, entry.linenum or None) from None


def _xml_char(char: str) -> bool:
    code = ord(char)
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


def exported_entries(po_path: str, catalog: polib.POFile) -> list[polib.POEntry]:
    """The entries a bilingual export carries: not the header, not obsolete; plural entries refused."""
    entries = []
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            raise YakugoError("plural entries (msgid_plural) cannot be exported to TMX or XLIFF",
                              po_path, entry.linenum or None)
        entries.append(entry)
    return entries


def tmx_bytes(catalogs: Sequence[tuple[str, polib.POFile]], *, source_language: str = "ja",
              target_language: str = "en", include_fuzzy: bool = False) -> bytes:
    """A TMX 1.4b document of the translated entries of ``catalogs`` ((PO path, catalog) pairs).

    Fuzzy entries are left out unless ``include_fuzzy``; then they carry
    ``<prop type="x-fuzzy">yes</prop>`` so a TM tool can tell them apart.
    """
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "yakugo",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "PO",
        "adminlang": target_language,
        "srclang": source_language,
        "datatype": "plaintext",
    })
    body = etree.SubElement(root, "body")
    for po_path, catalog in catalogs:
        for entry in exported_entries(po_path, catalog):
            if entry.msgstr and (include_fuzzy or not entry.fuzzy):
                _add_tu(body, po_path, entry, source_language, target_language)
    etree.indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=TMX_DOCTYPE) + b"\n"


def _add_tu(body: etree._Element, po_path: str, entry: polib.POEntry, source_language: str,
            target_language: str) -> None:
    tu = etree.SubElement(body, "tu", tuid=stable_id(po_path, entry_key(entry)))
    if entry.tcomment:
        set_text(etree.SubElement(tu, "note"), entry.tcomment, po_path, entry)
    etree.SubElement(tu, "prop", type="x-po-file").text = po_path
    for path, line in entry.occurrences:
        etree.SubElement(tu, "prop", type="x-reference").text = f"{path}:{line}" if line else path
    if entry.msgctxt is not None:
        set_text(etree.SubElement(tu, "prop", type="x-msgctxt"), entry.msgctxt, po_path, entry)
    if entry.fuzzy:
        etree.SubElement(tu, "prop", type="x-fuzzy").text = "yes"
    for language, text in ((source_language, entry.msgid), (target_language, entry.msgstr)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: language})
        set_text(etree.SubElement(tuv, "seg"), text, po_path, entry)


def read_tmx_pairs(path: Path | str, source_language: str = "ja",
                   target_language: str = "en") -> list[tuple[str, str]]:
    """The (source, target) text of every ``<tu>`` that has both languages, in file order.

    Languages match on their primary subtag too (``en`` finds ``en-US``).
    Inline markup (``<ph>``, ``<bpt>``, ``<hi>``…) is replaced by its text,
    which for codes is the original markup, so the text reads as it did
    before it was imported into the TM.
    """
    root = parse_xml(path)
    if root.tag != "tmx":
        raise YakugoError(f"not a TMX file: the root element is <{etree.QName(root).localname}>, not <tmx>",
                          path, root.sourceline)
    pairs = []
    for tu in root.iter("tu"):
        source = _segment(tu, source_language, path)
        target = _segment(tu, target_language, path)
        if source is not None and target is not None:
            pairs.append((source, target))
    return pairs


def _segment(tu: etree._Element, language: str, path: Path | str) -> str | None:
    for tuv in tu.iterfind("tuv"):
        # TMX 1.1 wrote the language as `lang`; 1.4 uses xml:lang.
        if language_matches(tuv.get(XML_LANG) or tuv.get("lang"), language):
            seg = tuv.find("seg")
            return inline_text(seg, path) if seg is not None else None
    return None


def language_matches(tag: str | None, language: str) -> bool:
    """Whether the language tag ``tag`` is ``language`` or a regional form of it."""
    if not tag:
        return False
    tag, language = tag.lower().replace("_", "-"), language.lower().replace("_", "-")
    return tag == language or tag.split("-")[0] == language


def inline_text(element: etree._Element, path: Path | str) -> str:
    """The text of ``element`` with inline elements replaced by their own text.

    XLIFF 2.0's ``<cp hex="…"/>`` stands for a character XML cannot hold and
    becomes that character; empty placeholders (``<x/>``, ``<ph/>``) add nothing.
    """
    parts = [element.text or ""]
    for child in element:
        if etree.QName(child).localname == "cp":
            parts.append(_code_point(child, path))
        else:
            parts.append(inline_text(child, path))
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(cp: etree._Element, path: Path | str) -> str:
    try:
        return chr(int(cp.get("hex", ""), 16))
    except ValueError:
        raise YakugoError(f"<cp hex=\"{cp.get('hex', '')}\"> is not a Unicode code point", path,
                          cp.sourceline) from None
