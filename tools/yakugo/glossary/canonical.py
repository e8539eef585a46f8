"""Read the TBX that yakugo itself writes, without building an XML tree.

``write_tbx`` always produces one exact layout (see ``tbx.py``), and the
project's glossary is always in it. For a big glossary, lxml's tree is the
expensive part of reading: a 100k-concept file is 1.8 million elements, about
1 GB of tree, and parsing, walking and freeing it cost three times the parse
alone. The canonical layout is a regular language, so files in it are read
here with a few anchored regular expressions, each match taking the next
piece of the file, straight into the model.

Only that exact layout is accepted: the file must be UTF-8 without a BOM,
every element must sit on the line and at the indent where the writer puts
it, text may hold only characters XML allows, with ``<`` and ``>`` escaped and
no raw CR, and the only references are the seven the writer uses. Anything
else (another tool's layout, a DOCTYPE, a comment, a changed indent, a byte
out of place, a value too long for libxml2) makes :func:`read_canonical`
return None, and the general reader in ``tbx.py`` takes the file, with its
error messages and warnings. So a file accepted here is well-formed XML (the
writer's layout is, by construction), and the general reader reads it to the
same glossary, without warnings; tests compare the two readers on generated
and on mutated files.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import STATUSES, Concept, Glossary, Term
from .xmlsafe import MAX_VALUE_BYTES

# The writer's layout, as it appears in the file. Text (T) never contains < or >;
# attribute values (A) also exclude quotes and the tabs and line breaks a parser would alter.
_T = "([^<>]*)"
_A = '([^<>"\t\n]*)'

_PROLOG = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">\n')
_HEADER = re.compile(
    "  <tbxHeader>\n"
    "    <fileDesc>\n"
    "      <titleStmt>\n"
    f"        <title>{_T}</title>\n"
    "      </titleStmt>\n"
    "      <sourceDesc>\n"
    f'        <p type="sourceLanguage">{_T}</p>\n'
    f'        <p type="targetLanguage">{_T}</p>\n'
    "      </sourceDesc>\n"
    "    </fileDesc>\n"
    "  </tbxHeader>\n")
_EMPTY_TAIL = "  <text/>\n</tbx>\n"
_BODY_START = "  <text>\n    <body>\n"
_BODY_END = "    </body>\n  </text>\n</tbx>\n"

_CONCEPT_START = re.compile(
    f'      <conceptEntry id="{_A}">\n'
    f'(?:        <descrip type="subjectField">{_T}</descrip>\n)?'
    f'(?:        <descrip type="definition">{_T}</descrip>\n)?'
    f'(?:        <admin type="source">{_T}</admin>\n)?'
    f"(?:        <note>{_T}</note>\n)?")
_CONCEPT_END = "      </conceptEntry>\n"
_LANG_START = re.compile(f'        <langSec xml:lang="{_A}">\n')
_LANG_END = "        </langSec>\n"
_TERM = re.compile(
    "          <termSec>\n"
    f"            <term>{_T}</term>\n"
    f'            <termNote type="administrativeStatus">{_T}</termNote>\n'
    f'            <termNote type="partOfSpeech">{_T}</termNote>\n'
    f'            <termNote type="termType">{_T}</termNote>\n'
    f"(?:            <note>{_T}</note>\n)?"
    "          </termSec>\n")

# Bytes XML 1.0 does not allow (the C0 controls but tab and LF), plus CR, which a parser
# would turn into LF. In UTF-8 these bytes only ever stand for themselves.
_ALLOWED_BYTES = bytes(range(0x20, 0x100)) + b"\t\n"
_NONCHARACTERS = ("\ufffe", "\uffff")   # the other two characters XML 1.0 excludes (found faster in text)
# Any reference other than the ones the writer produces.
_OTHER_REFERENCE = re.compile("&(?!(?:amp|lt|gt|quot|#13|#10|#9);)")
_STATUS_BY_VALUE = {value: status for status, value in STATUSES.items()}
# A concept or header long enough to hold a value libxml2 would refuse is measured value by value.
_SHORT_ENOUGH = MAX_VALUE_BYTES // 4   # characters: no value in a stretch this short can reach the limit


def read_canonical(path: str | Path) -> Glossary | None:
    """The glossary in ``path`` if the file is in yakugo's canonical layout, else None.

    OSError propagates; the caller's general reader turns it into a message.
    """
    with open(path, "rb") as handle:
        if handle.read(len(_PROLOG)) != _PROLOG:  # another tool's file: no need to read it all
            return None
        handle.seek(0)
        data = handle.read()
    if data.translate(None, _ALLOWED_BYTES):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    del data
    if any(c in text for c in _NONCHARACTERS) or _OTHER_REFERENCE.search(text):
        return None
    return _glossary(text, len(_PROLOG))


def _glossary(text: str, position: int) -> Glossary | None:
    header = _HEADER.match(text, position)
    if header is None or _too_long(header, position):
        return None
    title, source, target = map(_unescape, header.groups())
    glossary = Glossary(title=title, source_language=source, target_language=target)
    position = header.end()
    if text.startswith(_EMPTY_TAIL, position):
        return glossary if position + len(_EMPTY_TAIL) == len(text) else None
    if not text.startswith(_BODY_START, position):
        return None
    end = _concepts(text, position + len(_BODY_START), glossary.concepts)
    if end is None or not glossary.concepts:  # the writer writes <text/> for no concepts
        return None
    return glossary if text.startswith(_BODY_END, end) and end + len(_BODY_END) == len(text) else None


def _concepts(text: str, position: int, concepts: list[Concept]) -> int | None:
    """Read concepts from ``position`` on; return where they end, or None if the layout breaks.

    Every match must start where the previous one ended. Values are taken as
    written; the rare concept that holds a reference is unescaped afterwards.
    """
    concept_start, lang_start, term_match = _CONCEPT_START.match, _LANG_START.match, _TERM.match
    statuses = _STATUS_BY_VALUE
    while (start := concept_start(text, position)) is not None:
        begin = position
        concept_id, subject_field, definition, source, note = start.groups()
        concept = Concept(id=concept_id, subject_field=subject_field or "", definition=definition or "",
                          source=source or "", note=note or "")
        terms = concept.terms
        position = start.end()
        while (lang := lang_start(text, position)) is not None:
            language = lang.group(1)
            position = lang.end()
            term = term_match(text, position)
            if term is None:  # the writer never leaves a langSec empty
                return None
            while term is not None:
                term_text, status, part_of_speech, term_type, term_note = term.groups()
                # Positional, in the model's field order (keywords cost a tenth of the whole read).
                terms.append(Term(term_text, language, statuses.get(status, status), term_type, part_of_speech,
                                  term_note or ""))
                position = term.end()
                term = term_match(text, position)
            if not text.startswith(_LANG_END, position):
                return None
            position += len(_LANG_END)
        if not text.startswith(_CONCEPT_END, position):
            return None
        position += len(_CONCEPT_END)
        if position - begin > _SHORT_ENOUGH and _too_long_concept(concept):
            return None
        if text.find("&", begin, position) >= 0:
            _unescape_concept(concept)
        concepts.append(concept)
    return position


def _too_long(match: re.Match, begin: int) -> bool:
    """Whether a value of ``match`` may be too long for libxml2 (measured as written: never shorter)."""
    return match.end() - begin > _SHORT_ENOUGH and any(
        len(value.encode()) > MAX_VALUE_BYTES for value in match.groups() if value)


def _too_long_concept(concept: Concept) -> bool:
    values = [concept.id, concept.subject_field, concept.definition, concept.source, concept.note]
    for term in concept.terms:
        values += [term.text, term.language, term.status, term.type, term.part_of_speech, term.note]
    return any(len(value.encode()) > MAX_VALUE_BYTES for value in values)


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    # &amp; last, so that "&amp;lt;" becomes "&lt;" and not "<".
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#13;", "\r")
            .replace("&#10;", "\n").replace("&#9;", "\t").replace("&amp;", "&"))


def _unescape_concept(concept: Concept) -> None:
    """Resolve the references of a concept read as written."""
    for name in ("id", "subject_field", "definition", "source", "note"):
        setattr(concept, name, _unescape(getattr(concept, name)))
    for term in concept.terms:
        if "&" in term.status:  # an unknown status, kept as written: it may be a known one once unescaped
            status = _unescape(term.status)
            term.status = _STATUS_BY_VALUE.get(status, status)
        for name in ("text", "language", "type", "part_of_speech", "note"):
            setattr(term, name, _unescape(getattr(term, name)))
