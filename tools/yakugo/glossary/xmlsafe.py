"""Parse untrusted XML (TBX, TMX, XLIFF) with lxml, locked down.

Glossaries and translation memories come from other people's tools, so the
parser never expands entities, never loads a DTD, never touches the network,
and keeps libxml2's size limits (no ``huge_tree``). A document whose DOCTYPE
declares entities (the shape of XXE and "billion laughs" attacks) is refused
outright rather than parsed with the entities left unexpanded, so the user
learns that the file is suspicious instead of getting silently odd text.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import YakugoError


def _encoded(text: str) -> tuple[bytes, ...]:
    # XML files may be UTF-16, so the raw-byte scan looks for those forms too.
    return text.encode("ascii"), text.encode("utf-16-le"), text.encode("utf-16-be")


_DOCTYPE = _encoded("<!DOCTYPE")
_ENTITY_DECLARATION = _encoded("<!ENTITY")

# libxml2 refuses a text or attribute value over 10,000,000 bytes unless huge_tree is on (it stays
# off); writers refuse, and the fast TBX reader declines, values a little under that.
MAX_VALUE_BYTES = 9_900_000

# How much of a file is scanned for a DOCTYPE before libxml2 parses it.
_HEAD_SIZE = 64 * 1024


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe and keep error state.
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        no_network=True,
        huge_tree=False,
        # collect_ids stays on: with collect_ids=False libxml2 (lxml 6.1) loads the external
        # DTD subset, e.g. <!DOCTYPE x SYSTEM "file:///etc/passwd"> (a test guards this).
        remove_comments=True,   # comments and PIs carry no data for our readers
        remove_pis=True,
    )


def parse_xml(source: bytes | str | Path, path_for_messages: str | Path | None = None) -> etree._Element:
    """Parse ``source`` (a file path, or the document's bytes) and return the root element.

    Raises YakugoError naming ``path_for_messages`` (default: the path itself)
    when the file cannot be read, is not well-formed (with the line), or has a
    DOCTYPE that declares entities.
    """
    if isinstance(source, (bytes, bytearray)):
        where = str(path_for_messages) if path_for_messages is not None else "<bytes>"
        _refuse_entity_declarations(bytes(source), where)
        tree = _parse(lambda: _from_bytes(bytes(source)), where)
    else:
        where = str(path_for_messages if path_for_messages is not None else source)
        try:
            handle = open(source, "rb")  # opened here, not by libxml2, which would take "file:..." for a URI
        except OSError as error:
            raise YakugoError(f"cannot read the file: {error.strerror or error}", where) from None
        with handle:
            # A DOCTYPE can only come before the root element, so the head is where it is.
            _refuse_entity_declarations(handle.read(_HEAD_SIZE), where)
            handle.seek(0)
            # lxml reads the file in chunks: no copy of a 100 MB file in Python memory.
            tree = _parse(lambda: etree.parse(handle, _parser()), where,
                          again=lambda: _from_bytes(Path(source).read_bytes()))
    # The byte scan cannot see every encoding or a very long prolog; the parsed DTD is the final word.
    dtd = tree.docinfo.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise YakugoError(_ENTITY_MESSAGE, where)
    return tree.getroot()


def _from_bytes(data: bytes) -> etree._ElementTree:
    return etree.fromstring(data, _parser()).getroottree()


def _parse(parse, where: str, again=None) -> etree._ElementTree:
    """Run ``parse``, turning lxml's errors into YakugoError.

    lxml reports bytes that are not in the declared encoding of a file it reads
    as a read error without a line; ``again`` parses the bytes whole to get the line.
    """
    try:
        return parse()
    except etree.XMLSyntaxError as error:
        message = " ".join((error.msg or "not well-formed").split())  # libxml2 sometimes spans lines
        if "amplification" in message:
            # libxml2's own guard against entity bombs, for DTDs the byte scan could not see.
            raise YakugoError(_ENTITY_MESSAGE, where, error.lineno) from None
        raise YakugoError(f"malformed XML: {message}", where, error.lineno) from None
    except OSError as error:
        if again is not None:
            return _parse(again, where)
        raise YakugoError(f"cannot read the file: {error}", where) from None


_ENTITY_MESSAGE = ("refusing an XML file whose DOCTYPE declares entities (possible XXE or "
                   "'billion laughs' attack); yakugo never expands entities: remove the "
                   "<!DOCTYPE ...> declaration and the entity references")


def _refuse_entity_declarations(data: bytes, where: str) -> None:
    """Refuse before libxml2 sees the DTD, so the usual hostile files cost nothing to reject."""
    for doctype in _DOCTYPE:
        start = data.find(doctype)
        if start < 0:
            continue
        # Entities can only be declared inside the DOCTYPE's internal subset, which
        # precedes the root element; any <!ENTITY after the DOCTYPE is treated as one.
        if any(data.find(needle, start) >= 0 for needle in _ENTITY_DECLARATION):
            line = data.count(b"\n", 0, start) + 1 if doctype == _DOCTYPE[0] else None
            raise YakugoError(_ENTITY_MESSAGE, where, line)
