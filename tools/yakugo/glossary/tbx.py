"""Read and write the glossary as TBX-Basic (ISO 30042:2019, DCA style).

The file yakugo writes is canonical: concepts in glossary order, a fixed
element order, 2-space indentation, UTF-8 with LF and a final newline, and no
timestamps, so changing one term changes a few lines of a git diff and
writing what was read gives the same bytes. One concept looks like this::

    <conceptEntry id="c001">
      <descrip type="subjectField">defense</descrip>
      <descrip type="definition">...</descrip>
      <admin type="source">...</admin>
      <note>...</note>
      <langSec xml:lang="ja">
        <termSec>
          <term>防衛白書</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="termType">fullForm</termNote>
          <note>...</note>
        </termSec>
      </langSec>
      <langSec xml:lang="en">...</langSec>
    </conceptEntry>

The definition sits at concept level because the model keeps one definition
per concept, in no particular language (TBX-Basic allows conceptEntry or
langSec). The concept's source is ``admin type="source"``, which TBX-Basic
allows at concept level. The glossary's two languages are recorded in the
header as ``<p type="sourceLanguage">`` and ``<p type="targetLanguage">``.

Reading accepts any valid TBX-Basic DCA file. Every term is kept; each data
category the model has no place for is reported in a warning (one per kind
and level, with the first line and a count) instead of being dropped quietly.
Text is kept exactly as written, line breaks and indentation included; several
notes at one level are joined with line breaks.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import YakugoError
from ..fileio import atomic_write_bytes
from ..gcpause import gc_paused
from .canonical import read_canonical
from .model import STATUSES, Concept, Glossary, Term
from .xmlsafe import MAX_VALUE_BYTES, parse_xml

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_BY_VALUE = {value: status for status, value in STATUSES.items()}


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


TBX_HEADER, FILE_DESC, TITLE_STMT, TITLE, SOURCE_DESC, P, TEXT, BODY = map(
    _tag, ("tbxHeader", "fileDesc", "titleStmt", "title", "sourceDesc", "p", "text", "body"))
CONCEPT_ENTRY, LANG_SEC, TERM_SEC, TERM, TERM_NOTE, DESCRIP, ADMIN, NOTE = map(
    _tag, ("conceptEntry", "langSec", "termSec", "term", "termNote", "descrip", "admin", "note"))
# Groups wrap one data category (their first child) plus notes about it.
_GROUPS = frozenset(map(_tag, ("descripGrp", "termNoteGrp", "adminGrp")))


# ---------------------------------------------------------------- writing

# The layout is fixed, so the file is written as text: several times faster than
# building an lxml tree, and every byte of the format is visible here.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_tbx(glossary: Glossary) -> bytes:
    """Serialise ``glossary`` as canonical TBX-Basic bytes.

    Values are written as they are; judging them (unknown statuses, bad ids,
    concepts without terms) is validate_glossary's job. Text that XML cannot
    carry (control characters, lone surrogates) raises YakugoError naming the concept.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx xmlns="{NAMESPACE}" type="TBX-Basic" style="dca" xml:lang="en">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <titleStmt>",
        _leaf("        ", "title", None, glossary.title, "the glossary title"),
        "      </titleStmt>",
        "      <sourceDesc>",
        _leaf("        ", "p", "sourceLanguage", glossary.source_language, "the source language"),
        _leaf("        ", "p", "targetLanguage", glossary.target_language, "the target language"),
        "      </sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
    ]
    if glossary.concepts:  # TBX wants at least one conceptEntry in a <body>
        lines += ["  <text>", "    <body>"]
        for concept in glossary.concepts:
            _write_concept(lines, concept, glossary)
        lines += ["    </body>", "  </text>"]
    else:
        lines.append("  <text/>")
    lines.append("</tbx>\n")
    return "\n".join(lines).encode("utf-8")


def save_tbx(glossary: Glossary, path: str | Path) -> None:
    """Write ``glossary`` to ``path`` atomically (nothing is written if serialising fails)."""
    atomic_write_bytes(path, write_tbx(glossary))


def _write_concept(lines: list[str], concept: Concept, glossary: Glossary) -> None:
    where = f"concept {concept.id}"
    lines.append(f'      <conceptEntry id="{_escape(concept.id, where, attribute=True)}">')
    if concept.subject_field:
        lines.append(_leaf("        ", "descrip", "subjectField", concept.subject_field, where))
    if concept.definition:
        lines.append(_leaf("        ", "descrip", "definition", concept.definition, where))
    if concept.source:
        lines.append(_leaf("        ", "admin", "source", concept.source, where))
    if concept.note:
        lines.append(_leaf("        ", "note", None, concept.note, where))
    for language in _language_order(concept, glossary):
        lines.append(f'        <langSec xml:lang="{_escape(language, where, attribute=True)}">')
        for term in concept.terms:
            if term.language == language:
                _write_term(lines, term, where)
        lines.append("        </langSec>")
    lines.append("      </conceptEntry>")


def _language_order(concept: Concept, glossary: Glossary) -> list[str]:
    """Source language, target language, then any others in order of first use."""
    present = dict.fromkeys(term.language for term in concept.terms)
    first = [lang for lang in (glossary.source_language, glossary.target_language) if lang in present]
    return first + [lang for lang in present if lang not in first]


def _write_term(lines: list[str], term: Term, where: str) -> None:
    where = f"{where}, term {term.text!r}"
    indent = "            "
    lines += [
        "          <termSec>",
        _leaf(indent, "term", None, term.text, where),
        # Unknown statuses are written unmapped so that nothing is lost; validation reports them.
        _leaf(indent, "termNote", "administrativeStatus", STATUSES.get(term.status, term.status), where),
        _leaf(indent, "termNote", "partOfSpeech", term.part_of_speech, where),
        _leaf(indent, "termNote", "termType", term.type, where),
    ]
    if term.note:
        lines.append(_leaf(indent, "note", None, term.note, where))
    lines.append("          </termSec>")


def _leaf(indent: str, name: str, kind: str | None, text: str, where: str) -> str:
    """One element holding text, on one line (more if the text has line breaks)."""
    start = f'{name} type="{kind}"' if kind else name
    return f"{indent}<{start}>{_escape(text, where)}</{name}>"


def _escape(text: str, where: str, attribute: bool = False) -> str:
    if _NOT_XML.search(text):
        raise YakugoError(f"{where}: {text!r} contains characters that XML cannot store")
    # CR is escaped because a parser would turn a literal CR into LF.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if attribute:  # a parser would turn literal tabs and line breaks in attributes into spaces
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    if len(text) > MAX_VALUE_BYTES // 4 and len(text.encode()) > MAX_VALUE_BYTES:
        raise YakugoError(f"{where}: {text[:40]!r}... is {len(text.encode()):,} bytes long in XML; "
                          f"XML readers refuse values over {MAX_VALUE_BYTES:,}")
    return text


# ---------------------------------------------------------------- reading

def read_tbx(path: str | Path) -> tuple[Glossary, list[str]]:
    """Read a TBX-Basic file: the glossary, and warnings about what it could not keep.

    A file in yakugo's own layout is read without an XML tree (``canonical.py``);
    any other goes to :func:`read_tbx_general`.
    """
    try:
        with gc_paused():
            glossary = read_canonical(path)
    except OSError:
        glossary = None  # the general reader reports it
    if glossary is not None:
        return glossary, []
    return read_tbx_general(path)


def read_tbx_general(path: str | Path) -> tuple[Glossary, list[str]]:
    """Read any TBX-Basic DCA file through lxml, with warnings about what the model cannot keep."""
    root = parse_xml(path, path)
    reader = _Reader(str(path))
    with gc_paused():
        glossary = reader.read(root)
    return glossary, reader.warnings.messages()


class _Warnings:
    """Unmodelled content, counted per kind so a big file gives a short, readable list."""

    def __init__(self, path: str):
        self.path = path
        self._seen: dict[str, list] = {}  # message -> [first line, where, count]

    def add(self, what: str, line: int | None, where: str) -> None:
        entry = self._seen.get(what)
        if entry is None:
            self._seen[what] = [line, where, 1]
        else:
            entry[2] += 1

    def messages(self) -> list[str]:
        """One line per kind, in file order of first occurrence."""
        out = []
        for what, (line, where, count) in sorted(self._seen.items(), key=lambda item: item[1][0] or 0):
            location = f"{self.path}:{line}" if line else self.path
            more = f" ({count} times, first in {where})" if count > 1 else f" ({where})"
            out.append(f"{location}: warning: {what}{more}")
        return out


def _name(element: etree._Element) -> str:
    """How a warning names an element: ``descrip type="context"``, ``transacGrp``, ``{ns}x``."""
    qname = etree.QName(element)
    name = qname.localname if qname.namespace == NAMESPACE else element.tag
    kind = element.get("type")
    return f'{name} type="{kind}"' if kind else name


def _where(element: etree._Element) -> str:
    """Where an element sits, for warnings: ``concept c1, langSec en`` or ``the header``."""
    concept = language = None
    for ancestor in element.iterancestors():
        if ancestor.tag == LANG_SEC and language is None:
            language = ancestor.get(XML_LANG, "")
        elif ancestor.tag == CONCEPT_ENTRY:
            concept = ancestor.get("id", "")
        elif ancestor.tag == TBX_HEADER:
            return "the header"
    if concept is None:
        return f"concept {element.get('id', '')}" if element.tag == CONCEPT_ENTRY else "outside any concept"
    return f"concept {concept}" if language is None else f"concept {concept}, langSec {language}"


def _level(element: etree._Element) -> str:
    return etree.QName(element).localname


# Inline markup TBX allows inside text; the model keeps plain text only.
_INLINE = tuple(map(_tag, ("hi", "sc", "ec", "ph", "foreign")))
_TERM_NOTES = ("administrativeStatus", "partOfSpeech", "termType")


class _Reader:
    """Walks the parsed tree once, by plain child loops: the fastest way through lxml.

    Two rare constructs are removed from the tree first, so that the walk only
    meets the simple shape yakugo writes: inline markup (flattened to its
    text) and *Grp wrappers (replaced by the data category they wrap).
    """

    def __init__(self, path: str):
        self.path = path
        self.warnings = _Warnings(path)
        self.glossary = Glossary()

    def read(self, root: etree._Element) -> Glossary:
        self._check_root(root)
        self._simplify(root)
        for child in root:
            if child.tag == TBX_HEADER:
                if not self._read_header(child):
                    self.warnings.add(
                        "the header declares no source/target language; assumed "
                        f"{self.glossary.source_language} -> {self.glossary.target_language}",
                        child.sourceline, "the header")
            elif child.tag == TEXT:
                self._read_text(child)
            else:
                self._unmodelled(child)
        return self.glossary

    def _check_root(self, root: etree._Element) -> None:
        qname = etree.QName(root)
        if qname.localname == "martif":
            raise YakugoError("this is a TBX 2008 (<martif>) file; yakugo reads TBX v3 "
                              f"(ISO 30042:2019, namespace {NAMESPACE}): convert it first",
                              self.path, root.sourceline)
        if qname.localname != "tbx":
            raise YakugoError(f"not a TBX file: the root element is <{qname.localname}>, not <tbx>",
                              self.path, root.sourceline)
        if qname.namespace != NAMESPACE:
            found = f"namespace {qname.namespace}" if qname.namespace else "no namespace"
            raise YakugoError(f"<tbx> has {found}; TBX-Basic (ISO 30042:2019) needs namespace {NAMESPACE}",
                              self.path, root.sourceline)
        if root.get("style") == "dct":
            raise YakugoError('DCT-style TBX is not supported; export the glossary as DCA style (style="dca")',
                              self.path, root.sourceline)
        if root.get("type") != "TBX-Basic":
            self.warnings.add(f'<tbx type="{root.get("type")}"> is not TBX-Basic; read as TBX-Basic',
                              root.sourceline, "the root")

    def _simplify(self, root: etree._Element) -> None:
        """Flatten inline markup and unwrap *Grp elements, reporting what that loses."""
        inline = list(root.iter(*_INLINE))
        for element in inline:
            self.warnings.add(f"inline markup <{_level(element)}> in {_level(element.getparent())} "
                              "was flattened to plain text", element.sourceline, _where(element))
        if inline:
            etree.strip_tags(root, *_INLINE)  # keeps the text of the markup, in place
        groups = []
        for group in root.iter(*_GROUPS):
            parent = group.getparent()
            if parent.tag in _GROUPS and parent[0] is not group:
                continue  # among another group's extras: reported (and dropped) with them
            where = f"{_level(group)} at {_level(parent)} level"
            for extra in group[1:]:
                self._unmodelled(extra, where)
            groups.append(group)
        # Innermost first, so unwrapping never moves a group that is still to be unwrapped.
        for group in reversed(groups):
            if len(group):
                group.getparent().replace(group, group[0])
            else:
                group.getparent().remove(group)

    def _unmodelled(self, element: etree._Element, level: str | None = None) -> None:
        level = level or _level(element.getparent())
        self.warnings.add(f"{_name(element)} in {level} is not modelled by yakugo and was not kept",
                          element.sourceline, _where(element))

    def _read_header(self, header: etree._Element) -> bool:
        """Read title and languages; return whether both languages were declared."""
        declared = set()
        for section in header:
            if section.tag != FILE_DESC:
                self._unmodelled(section)
                continue
            for part in section:
                if part.tag == TITLE_STMT and len(part) and part[0].tag == TITLE:
                    self.glossary.title = part[0].text or ""
                    for extra in part[1:]:
                        self._unmodelled(extra)
                elif part.tag == SOURCE_DESC:
                    for p in part:
                        kind = p.get("type")
                        if p.tag == P and kind == "sourceLanguage":
                            self.glossary.source_language = p.text or ""
                            declared.add(kind)
                        elif p.tag == P and kind == "targetLanguage":
                            self.glossary.target_language = p.text or ""
                            declared.add(kind)
                        else:
                            self._unmodelled(p)
                else:
                    self._unmodelled(part)
        return len(declared) == 2

    def _read_text(self, text: etree._Element) -> None:
        concepts = self.glossary.concepts
        for section in text:
            if section.tag != BODY:
                self._unmodelled(section)
                continue
            for entry in section:
                if entry.tag == CONCEPT_ENTRY:
                    concepts.append(self._read_concept(entry))
                else:
                    self._unmodelled(entry)

    def _read_concept(self, entry: etree._Element) -> Concept:
        concept = Concept(id=entry.get("id", ""))
        notes = []
        definitions = []  # (priority, element): the model keeps one definition
        for child in entry:
            tag = child.tag
            if tag == LANG_SEC:
                self._read_lang_sec(child, concept, definitions)
                continue
            kind = child.get("type")
            if tag == NOTE:
                notes.append(child.text or "")
            elif tag == DESCRIP and kind == "subjectField":
                concept.subject_field = self._single(concept.subject_field, child)
            elif tag == DESCRIP and kind == "definition":
                definitions.append((0, child))
            elif tag == ADMIN and kind == "source":
                concept.source = self._single(concept.source, child)
            else:
                self._unmodelled(child)
        if notes:
            concept.note = "\n".join(notes)
        if definitions:
            definitions.sort(key=lambda d: d[0])  # stable: file order within a priority
            concept.definition = definitions[0][1].text or ""
            for _, extra in definitions[1:]:
                self.warnings.add(f'a second descrip type="definition" (in {_level(extra.getparent())}) '
                                  "was not kept: yakugo keeps one definition per concept",
                                  extra.sourceline, _where(extra))
        return concept

    def _single(self, current: str, element: etree._Element) -> str:
        """A data category the model holds once per concept: keep the first, report the others."""
        if current:
            self.warnings.add(f"a second {_name(element)} in conceptEntry was not kept",
                              element.sourceline, _where(element))
            return current
        return element.text or ""

    def _definition_priority(self, language: str) -> int:
        # A definition in the target language helps translators most, then the source language.
        if language == self.glossary.target_language:
            return 1
        return 2 if language == self.glossary.source_language else 3

    def _read_lang_sec(self, lang_sec: etree._Element, concept: Concept, definitions: list) -> None:
        language = lang_sec.get(XML_LANG, "")
        terms = concept.terms
        for child in lang_sec:
            tag = child.tag
            if tag == TERM_SEC:
                term = self._read_term_sec(child, language)
                if term is not None:
                    terms.append(term)
            elif tag == DESCRIP and child.get("type") == "definition":
                definitions.append((self._definition_priority(language), child))
            else:
                self._unmodelled(child)

    def _read_term_sec(self, term_sec: etree._Element, language: str) -> Term | None:
        # The hottest loop in reading: one pass over the children, no helper calls for clean input.
        text = status = part_of_speech = term_type = None
        note = ""
        for child in term_sec:
            tag = child.tag
            if tag == TERM_NOTE:
                kind = child.get("type")
                if kind == "administrativeStatus" and status is None:
                    value = child.text or ""
                    status = _STATUS_BY_VALUE.get(value, value)  # unknown values kept for validation
                elif kind == "partOfSpeech" and part_of_speech is None:
                    part_of_speech = child.text or ""
                elif kind == "termType" and term_type is None:
                    term_type = child.text or ""
                elif kind in _TERM_NOTES:
                    self.warnings.add(f'a second termNote type="{kind}" in termSec was not kept',
                                      child.sourceline, _where(child))
                else:
                    self._unmodelled(child)
            elif tag == TERM:
                if text is None:
                    text = child.text or ""
                else:  # not valid TBX; say so rather than invent a term without termNotes
                    self.warnings.add(f"a second term in one termSec ({child.text!r}) was not kept",
                                      child.sourceline, _where(child))
            elif tag == NOTE:
                note = f"{note}\n{child.text or ''}" if note else child.text or ""
            else:
                self._unmodelled(child)
        if text is None:
            self.warnings.add("a termSec without a term was skipped", term_sec.sourceline, _where(term_sec))
            return None
        if status is None or part_of_speech is None or term_type is None:
            status, part_of_speech, term_type = self._defaults(term_sec, (status, part_of_speech, term_type))
        return Term(text, language, status, term_type, part_of_speech, note)

    def _defaults(self, term_sec: etree._Element, values: tuple) -> tuple:
        """Fill in the model's defaults for missing termNotes, and say so (foreign files often omit them)."""
        defaults = Term("", "")
        filled = []
        for value, category, default in zip(values, _TERM_NOTES,
                                            (defaults.status, defaults.part_of_speech, defaults.type)):
            if value is None:
                shown = STATUSES.get(default, default) if category == "administrativeStatus" else default
                self.warnings.add(f'terms without termNote type="{category}" were read as "{shown}"',
                                  term_sec.sourceline, _where(term_sec))
                value = default
            filled.append(value)
        return tuple(filled)
