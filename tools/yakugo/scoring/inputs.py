"""Translation files to score, read into units: PO, TMX and XLIFF by source sentence, plain text by line.

Every translation becomes one line of text, the way sacrebleu's command line
reads its files: a line break inside a translation becomes a space and
trailing whitespace is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from ..catalog import load_catalog
from ..errors import YakugoError

PO_SUFFIXES = {".po", ".pot"}
TMX_SUFFIXES = {".tmx"}
XLIFF_SUFFIXES = {".xlf", ".xliff"}


@dataclass(frozen=True)
class Unit:
    """One segment of a translation file.

    ``key`` pairs it with the same segment of other files: (context, source,
    occurrence) for PO, TMX and XLIFF; the line number for plain text.
    """

    key: tuple
    source: str | None
    text: str
    translated: bool
    line: int | None


@dataclass(frozen=True)
class TranslationFile:
    name: str
    units: list[Unit]
    by_source: bool           # False for plain text, which pairs by line
    language: str | None      # the target language the file declares, if any


def one_line(text: str) -> str:
    return text.replace("\n", " ").rstrip()


def read_translation_file(path: Path | str) -> TranslationFile:
    """Read PO/POT, TMX, XLIFF (by file name suffix) or otherwise plain UTF-8 text."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in PO_SUFFIXES:
        return catalog_file(load_catalog(path), str(path))
    if suffix in TMX_SUFFIXES:
        from ..export.tmx import read_tmx_pairs
        return _pairs_file(read_tmx_pairs(path), str(path))
    if suffix in XLIFF_SUFFIXES:
        from ..export.xliff import read_xliff_pairs
        return _pairs_file(read_xliff_pairs(path), str(path))
    return _text_file(path)


def catalog_file(catalog: polib.POFile, name: str) -> TranslationFile:
    """The active entries of a catalog; fuzzy and empty translations count as untranslated, as in msgfmt."""
    units, seen = [], {}
    for entry in catalog:
        if entry.obsolete or (entry.msgid == "" and entry.msgctxt is None):
            continue
        forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] if entry.msgid_plural \
            else [entry.msgstr]
        translated = bool(forms) and all(forms) and "fuzzy" not in entry.flags
        key = (entry.msgctxt, entry.msgid)
        seen[key] = seen.get(key, 0) + 1
        units.append(Unit((*key, seen[key]), entry.msgid, one_line(forms[0]) if translated else "",
                          translated, entry.linenum))
    return TranslationFile(name, units, True, catalog.metadata.get("Language") or None)


def _pairs_file(pairs: list[tuple[str, str]], name: str) -> TranslationFile:
    units, seen = [], {}
    for source, target in pairs:
        seen[source] = seen.get(source, 0) + 1  # a repeated source pairs with its n-th repetition elsewhere
        text = one_line(target)
        units.append(Unit((None, source, seen[source]), source, text, bool(text), None))
    return TranslationFile(name, units, True, None)


def _text_file(path: Path) -> TranslationFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YakugoError(f"cannot read: {exc.strerror}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YakugoError("not UTF-8 text; save it as UTF-8", path, data.count(b"\n", 0, exc.start) + 1) from None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    units = [Unit((number,), None, line.rstrip(), bool(line.rstrip()), number)
             for number, line in enumerate(lines, 1)]
    return TranslationFile(str(path), units, False, None)
