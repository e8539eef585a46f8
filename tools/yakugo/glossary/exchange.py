"""Glossary exchange: the spreadsheet layout shared by XLSX and CSV, merging, and format dispatch.

The spreadsheet layout
======================

One row per concept. The columns, in this order:

    Japanese                    preferred Japanese (source-language) terms
    Japanese variants           every other Japanese term (admitted, forbidden, superseded)
    English                     preferred English (target-language) terms, not abbreviations
    Abbreviation                English acronyms and abbreviations that are not forbidden
    Admitted English variants   admitted (and superseded) English terms
    Forbidden English terms     deprecated English terms: translations must not use them
    Part of speech              noun, verb, adjective, adverb or other
    Subject field, Definition, Note, Source     the concept's fields, verbatim
    Concept ID                  the stable id; rows are matched to concepts by it
    Term details                the term-level details the columns above cannot show

Multi-valued cells hold **one term per line** (Alt+Enter in Excel, a line
break inside a quoted CSV field). Line breaks were chosen over "; " because
semicolons occur in real terms and a line per term is what people see in a
wrapped cell. Lines are trimmed and blank lines ignored. A line break inside
a term is written as the two characters ``\\n``; a backslash that would
otherwise be read as part of such an escape (one followed by ``n`` or ``\\``)
is doubled. Terms therefore cannot start or end with whitespace (export
refuses them rather than change them silently).

Each term column implies a status and a type (the default first)::

    Japanese                   status preferred                       type fullForm (any)
    Japanese variants          status admitted|deprecated|superseded  type fullForm (any)
    English                    status preferred                       type fullForm (not acronym/abbreviation)
    Abbreviation               status admitted|preferred|superseded   type abbreviation|acronym
    Admitted English variants  status admitted|superseded             type fullForm (not acronym/abbreviation)
    Forbidden English terms    status deprecated                      type fullForm (any)

and every term's part of speech defaults to the row's Part of speech (written
as the part of speech of the concept's first term).

Term details
------------

The narrow last column records, one entry per line, only what differs from
those defaults, keyed by language and exact term text::

    en "MOD": type=acronym, status=preferred
    en "JDA": status=superseded, note="Renamed ""MOD"" in 2007"
    ja "防衛庁": status=superseded, pos=other
    de "Verteidigungsministerium"
    order: 1 3 2 4 5

- ``lang "text": key=value, ...`` with keys ``status``, ``type``, ``pos`` and
  ``note``. Quoted strings use doubled quotes for a quote and may span lines.
- A term in a language that has no column (neither the glossary's source nor
  target language) lives only here; it defaults to preferred, fullForm.
- ``order:`` appears only when the glossary's term order differs from the
  sheet's reading order (the term columns left to right, each top to bottom,
  then the terms that live only in Term details). It lists, for each term in
  glossary order, its number in reading order. If terms were added or
  removed since the export it no longer fits, and reading order is used.
- An entry for a term that is in none of its language's columns, or whose
  status or type belongs to another column, is an error: the reader never
  guesses which term a stale entry meant.

Glossary-level fields (title, source and target language) live in the XLSX
"About" sheet; CSV has no second sheet, so a CSV file carries them, only when
they differ from the defaults, in a last row whose Concept ID is ``#glossary``
and whose Term details read ``title="...", source=ja, target=en``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import YakugoError
from ..fileio import atomic_write_bytes
from .model import PARTS_OF_SPEECH, STATUSES, TERM_TYPES, Concept, Glossary, Term

# --- The columns -------------------------------------------------------------------------


@dataclass(frozen=True)
class TermColumn:
    """A column of terms: which language side it holds, and the statuses and types that belong in it."""

    name: str
    side: str  # "source" or "target"
    status: str  # implied when Term details say nothing
    type: str
    statuses: tuple[str, ...]
    types: tuple[str, ...]


ABBREVIATION_TYPES = ("acronym", "abbreviation")
_FULL_TYPES = tuple(t for t in TERM_TYPES if t not in ABBREVIATION_TYPES)

# The status/type sets of one side are disjoint and cover every combination, so each term
# has exactly one column: writing and reading use the same table.
TERM_COLUMNS = (
    TermColumn("Japanese", "source", "preferred", "fullForm", ("preferred",), TERM_TYPES),
    TermColumn("Japanese variants", "source", "admitted", "fullForm",
               ("admitted", "deprecated", "superseded"), TERM_TYPES),
    TermColumn("English", "target", "preferred", "fullForm", ("preferred",), _FULL_TYPES),
    TermColumn("Abbreviation", "target", "admitted", "abbreviation",
               ("preferred", "admitted", "superseded"), ABBREVIATION_TYPES),
    TermColumn("Admitted English variants", "target", "admitted", "fullForm",
               ("admitted", "superseded"), _FULL_TYPES),
    TermColumn("Forbidden English terms", "target", "deprecated", "fullForm", ("deprecated",), TERM_TYPES),
)

POS_COLUMN = "Part of speech"
ID_COLUMN = "Concept ID"
DETAILS_COLUMN = "Term details"
CONCEPT_FIELDS = {"Subject field": "subject_field", "Definition": "definition", "Note": "note",
                  "Source": "source"}
METADATA_ID = "#glossary"

# (header, explanation for the About sheet), in sheet order.
COLUMNS = (
    ("Japanese", "The preferred Japanese term. Several preferred terms: one per line."),
    ("Japanese variants", "Other Japanese terms (admitted, forbidden or superseded; see Term details), "
                          "one per line."),
    ("English", "The preferred English term (full form), one per line if several."),
    ("Abbreviation", "English acronyms and abbreviations, one per line. Admitted unless Term details "
                     "say otherwise."),
    ("Admitted English variants", "English terms translators may also use, one per line "
                                  "(superseded terms too, marked in Term details)."),
    ("Forbidden English terms", "English terms translations must not use (deprecated), one per line."),
    (POS_COLUMN, "noun, verb, adjective, adverb or other: the part of speech of the terms."),
    ("Subject field", "The subject field of the concept."),
    ("Definition", "What the concept means."),
    ("Note", "A note on the concept."),
    ("Source", "Where the definition or terms come from."),
    (ID_COLUMN, "The concept's stable id. Keep it: import matches rows to concepts by id. "
                "A new concept needs a new, unique id."),
    (DETAILS_COLUMN, "Term-level details the other columns cannot show, one entry per line: "
                     'lang "term": status=..., type=..., pos=..., note="..." (and "order: ..." '
                     "when the term order differs). Rename or delete an entry when you rename or "
                     "delete its term."),
)
HEADERS = tuple(name for name, _ in COLUMNS)
_COLUMN = {c.name: c for c in TERM_COLUMNS}

_DEFAULTS = Glossary()


def column_for(term: Term, source_language: str, target_language: str) -> TermColumn | None:
    """The column that holds ``term``, or None for a term in neither language (Term details only)."""
    if term.language == source_language:
        side = "source"
    elif term.language == target_language:
        side = "target"
    else:
        return None
    for column in TERM_COLUMNS:
        if column.side == side and term.status in column.statuses and term.type in column.types:
            return column
    # An invalid status or type: park it with the variants; the reader will name the bad value.
    return _COLUMN["Japanese variants" if side == "source" else "Admitted English variants"]


# --- Cell values ---------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([\\n])")


def encode_terms(texts: list[str]) -> str:
    """One term per line; line breaks inside a term become ``\\n``."""
    return "\n".join(_escape(text) for text in texts)


def decode_terms(cell: str) -> list[str]:
    """The terms of a multi-valued cell: one per non-blank line, trimmed."""
    lines = (line.strip() for line in cell.split("\n"))
    return [_ESCAPE.sub(_unescape_match, line) for line in lines if line]


def _escape(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char == "\n":
            out.append("\\n")
        elif char == "\\" and text[i + 1:i + 2] in ("\\", "n", "\n"):
            out.append("\\\\")
        else:
            out.append(char)
    return "".join(out)


def _unescape_match(match: re.Match) -> str:
    return "\\" if match.group(1) == "\\" else "\n"


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_WORD = re.compile(r'[^\s",:=]+')


def _word_or_quoted(text: str) -> str:
    return text if _WORD.fullmatch(text) else quote(text)


# --- Term details notation -----------------------------------------------------------------

_TOKEN = re.compile(r'(?P<quoted>"(?:[^"]|"")*")|(?P<newline>\n)|(?P<space>\s+)'
                    r'|(?P<punct>[,:=])|(?P<word>[^\s",:=]+)|(?P<bad>")')


@dataclass
class _Token:
    kind: str  # "quoted", "word", "punct", "newline"
    text: str


def _tokens(cell: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(cell):
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "bad":
            raise ValueError("a quote is not closed")
        text = match.group()
        if kind == "quoted":
            text = text[1:-1].replace('""', '"')
        tokens.append(_Token(kind, text))
    return tokens


def _split_entries(cell: str) -> list[list[_Token]]:
    entries, current = [], []
    for token in _tokens(cell):
        if token.kind == "newline":
            if current:
                entries.append(current)
            current = []
        else:
            current.append(token)
    if current:
        entries.append(current)
    return entries


def _parse_attributes(tokens: list[_Token]) -> dict[str, str]:
    """``key=value, key=value``; values are words or quoted strings."""
    attributes: dict[str, str] = {}
    position = 0
    while position < len(tokens):
        if position:
            if tokens[position].text != "," or tokens[position].kind != "punct":
                raise ValueError(f"expected ',' before {tokens[position].text!r}")
            position += 1
        chunk = tokens[position:position + 3]
        if (len(chunk) < 3 or chunk[0].kind != "word" or chunk[1].text != "="
                or chunk[2].kind not in ("word", "quoted")):
            raise ValueError("expected key=value")
        key, value = chunk[0].text, chunk[2].text
        if key in attributes:
            raise ValueError(f"{key} is given twice")
        attributes[key] = value
        position += 3
    return attributes


@dataclass
class _Entry:
    language: str
    text: str
    attributes: dict[str, str]


def parse_details(cell: str) -> tuple[list[_Entry], list[int] | None]:
    """The entries and the order line of a Term details cell; ValueError names what is malformed."""
    entries, order = [], None
    for number, tokens in enumerate(_split_entries(cell), 1):
        try:
            if tokens[0].kind == "word" and tokens[0].text == "order" and len(tokens) > 1 \
                    and tokens[1].text == ":":
                if order is not None:
                    raise ValueError("order is given twice")
                if not all(t.kind == "word" and t.text.isdigit() for t in tokens[2:]):
                    raise ValueError("order takes numbers separated by spaces")
                order = [int(t.text) for t in tokens[2:]]
                continue
            if len(tokens) < 2 or tokens[0].kind not in ("word", "quoted") or tokens[1].kind != "quoted":
                raise ValueError('expected a language and a quoted term, like en "term": status=admitted')
            attributes = {}
            if len(tokens) > 2:
                if tokens[2].text != ":":
                    raise ValueError("expected ':' after the term")
                attributes = _parse_attributes(tokens[3:])
            entries.append(_Entry(tokens[0].text, tokens[1].text, attributes))
        except ValueError as error:
            raise ValueError(f"entry {number}: {error}") from None
    return entries, order


# --- Concept -> row ------------------------------------------------------------------------


def metadata_row(glossary: Glossary) -> dict[str, str] | None:
    """The CSV row for the glossary-level fields, or None when they are the defaults."""
    if (glossary.title, glossary.source_language, glossary.target_language) == (
            _DEFAULTS.title, _DEFAULTS.source_language, _DEFAULTS.target_language):
        return None
    row = dict.fromkeys(HEADERS, "")
    row[ID_COLUMN] = METADATA_ID
    row[DETAILS_COLUMN] = (f"title={quote(glossary.title)}, source={_word_or_quoted(glossary.source_language)}, "
                           f"target={_word_or_quoted(glossary.target_language)}")
    return row


def concept_to_row(concept: Concept, source_language: str, target_language: str) -> dict[str, str]:
    """The sheet row of one concept, header -> cell text (raw: no formula protection yet)."""
    _check_terms_fit(concept)
    placed: dict[str, list[Term]] = {c.name: [] for c in TERM_COLUMNS}
    details_only = []
    for term in concept.terms:
        column = column_for(term, source_language, target_language)
        if column is None:
            details_only.append(term)
        else:
            placed[column.name].append(term)

    pos = concept.terms[0].part_of_speech if concept.terms else ""
    row = {name: encode_terms([t.text for t in terms]) for name, terms in placed.items()}
    row[POS_COLUMN] = pos
    for header, attribute in CONCEPT_FIELDS.items():
        row[header] = getattr(concept, attribute)
    row[ID_COLUMN] = concept.id

    lines = []
    for term in concept.terms:
        column = column_for(term, source_language, target_language)
        status, type_ = (column.status, column.type) if column else ("preferred", "fullForm")
        attributes = []
        if term.status != status:
            attributes.append(f"status={_word_or_quoted(term.status)}")
        if term.type != type_:
            attributes.append(f"type={_word_or_quoted(term.type)}")
        if term.part_of_speech != pos:
            attributes.append(f"pos={_word_or_quoted(term.part_of_speech)}")
        if term.note:
            attributes.append(f"note={quote(term.note)}")
        if attributes or column is None:
            line = f"{_word_or_quoted(term.language)} {quote(term.text)}"
            lines.append(line + (": " + ", ".join(attributes) if attributes else ""))
    reading_order = [t for c in TERM_COLUMNS for t in placed[c.name]] + details_only
    if [id(t) for t in reading_order] != [id(t) for t in concept.terms]:
        numbers = {id(t): n for n, t in enumerate(reading_order, 1)}
        lines.append("order: " + " ".join(str(numbers[id(t)]) for t in concept.terms))
    row[DETAILS_COLUMN] = "\n".join(lines)
    return row


def _check_terms_fit(concept: Concept) -> None:
    """Refuse terms a sheet cannot give back exactly, rather than change them on the way."""
    seen = set()
    for term in concept.terms:
        if not term.text or term.text != term.text.strip():
            raise YakugoError(f"concept {concept.id}: the {term.language} term {term.text!r} is empty or "
                              "has spaces at its ends; fix the glossary before exporting it")
        key = (term.language, term.text)
        if key in seen:
            raise YakugoError(f"concept {concept.id}: the {term.language} term {term.text!r} is listed "
                              "twice; fix the glossary before exporting it")
        seen.add(key)


# --- Rows -> glossary ----------------------------------------------------------------------


@dataclass
class SheetRow:
    """One data row as read from a workbook or CSV file, for error messages and conversion."""

    number: int  # worksheet row number, or the CSV line the record starts on
    values: dict[str, str]  # header -> cell text; every header in HEADERS is present
    sheet: str | None = None  # None for CSV


@dataclass
class _Problem:
    message: str
    line: int | None = None
    where: str | None = None


class Problems:
    """Collects every problem in a file so the user can fix them all in one pass."""

    LIMIT = 50

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.items: list[_Problem] = []

    def add(self, row: SheetRow | None, column: str | None, message: str) -> None:
        self.items.append(self._locate(row, column, message))

    def format(self, row: SheetRow | None, column: str | None, message: str) -> str:
        problem = self._locate(row, column, message)
        return str(YakugoError(problem.message, self.path, problem.line, problem.where))

    def _locate(self, row: SheetRow | None, column: str | None, message: str) -> _Problem:
        if row is None:
            return _Problem(message)
        if row.sheet is None:
            return _Problem(f"column {column}: {message}" if column else message, line=row.number)
        where = f"sheet {row.sheet}, row {row.number}" + (f", column {column}" if column else "")
        return _Problem(message, where=where)

    def raise_if_any(self) -> None:
        """Raise one YakugoError: the first problem with its location, then one line per further problem."""
        if not self.items:
            return
        first, rest = self.items[0], self.items[1:self.LIMIT]
        lines = [first.message]
        lines += [str(YakugoError(p.message, self.path, p.line, p.where)) for p in rest]
        if len(self.items) > self.LIMIT:
            lines.append(f"{self.path}: ... and {len(self.items) - self.LIMIT} more problems")
        raise YakugoError("\n".join(lines), self.path, first.line, first.where)


def rows_to_glossary(rows: list[SheetRow], problems: Problems, warnings: list[str], *,
                     title: str = _DEFAULTS.title, source_language: str = _DEFAULTS.source_language,
                     target_language: str = _DEFAULTS.target_language) -> Glossary:
    """Build the glossary from data rows; problems are collected, not raised."""
    for row in rows:
        if row.values[ID_COLUMN].strip() == METADATA_ID:
            try:
                tokens = [t for t in _tokens(row.values[DETAILS_COLUMN]) if t.kind != "newline"]
                attributes = _parse_attributes(tokens)
            except ValueError as error:
                problems.add(row, DETAILS_COLUMN, f"glossary settings: {error}")
                continue
            for key, value in attributes.items():
                if key == "title":
                    title = value
                elif key == "source":
                    source_language = value
                elif key == "target":
                    target_language = value
                else:
                    problems.add(row, DETAILS_COLUMN, f"unknown glossary setting {key!r} "
                                                      "(use title, source and target)")

    glossary = Glossary(title=title, source_language=source_language, target_language=target_language)
    seen_ids: dict[str, SheetRow] = {}
    for row in rows:
        concept_id = row.values[ID_COLUMN].strip()
        if concept_id == METADATA_ID or not any(v.strip() for v in row.values.values()):
            continue
        concept = _row_to_concept(row, concept_id, glossary, problems, warnings)
        if not concept_id:
            continue
        if concept_id in seen_ids:
            problems.add(row, ID_COLUMN, f"{concept_id!r} is also the id of the concept in "
                                         f"row {seen_ids[concept_id].number}; ids must be unique")
            continue
        seen_ids[concept_id] = row
        glossary.concepts.append(concept)
    return glossary


def _row_to_concept(row: SheetRow, concept_id: str, glossary: Glossary, problems: Problems,
                    warnings: list[str]) -> Concept:
    values = row.values
    if not concept_id:
        problems.add(row, ID_COLUMN, "is empty: every concept needs a unique id (a new concept a new one)")
    pos = values[POS_COLUMN].strip()
    if pos and pos not in PARTS_OF_SPEECH:
        problems.add(row, POS_COLUMN, f"{pos!r} is not one of {', '.join(PARTS_OF_SPEECH)}")
    pos = pos or "noun"
    language = {"source": glossary.source_language, "target": glossary.target_language}

    terms: list[Term] = []
    placed: dict[tuple[str, str], tuple[Term, TermColumn | None]] = {}
    for column in TERM_COLUMNS:
        for text in decode_terms(values[column.name]):
            key = (language[column.side], text)
            if key in placed:
                problems.add(row, column.name, f"{text!r} is listed twice in this row")
                continue
            term = Term(text, key[0], column.status, column.type, pos)
            terms.append(term)
            placed[key] = (term, column)

    try:
        entries, order = parse_details(values[DETAILS_COLUMN])
    except ValueError as error:
        problems.add(row, DETAILS_COLUMN, str(error))
        entries, order = [], None
    described = set()
    for entry in entries:
        key = (entry.language, entry.text)
        label = f"{entry.language} {entry.text!r}"
        if key in described:
            problems.add(row, DETAILS_COLUMN, f"{label} has two entries")
            continue
        described.add(key)
        if key in placed:
            term, column = placed[key]
        elif entry.language in language.values():
            side = "Japanese" if entry.language == glossary.source_language else "English"
            problems.add(row, DETAILS_COLUMN, f"{label} is in none of the {side} columns of this row; "
                                              "rename or delete the entry to match the terms")
            continue
        else:
            term, column = Term(entry.text, entry.language, "preferred", "fullForm", pos), None
            terms.append(term)
            placed[key] = (term, None)
        if _apply_attributes(term, entry.attributes, label, row, problems) and column is not None:
            proper = column_for(term, glossary.source_language, glossary.target_language)
            if proper is not column:
                problems.add(row, DETAILS_COLUMN,
                             f"{label} is a {term.status} {term.type}, which belongs in column "
                             f"{proper.name}, not {column.name}; move the term or change the entry")

    if order is not None:
        if sorted(order) == list(range(1, len(terms) + 1)):
            terms = [terms[n - 1] for n in order]
        else:
            warnings.append(problems.format(row, DETAILS_COLUMN, "the order line does not fit the terms of "
                                                                 "this row any more; reading order used"))
    concept = Concept(concept_id, terms=terms)
    for header, attribute in CONCEPT_FIELDS.items():
        setattr(concept, attribute, values[header])
    return concept


_CHOICES = {"status": tuple(STATUSES), "type": TERM_TYPES, "pos": PARTS_OF_SPEECH}


def _apply_attributes(term: Term, attributes: dict[str, str], label: str, row: SheetRow,
                      problems: Problems) -> bool:
    """Set the entry's attributes on ``term``; False if any was bad (already reported)."""
    good = True
    for key, value in attributes.items():
        if key == "note":
            term.note = value
        elif key in _CHOICES:
            if value not in _CHOICES[key]:
                problems.add(row, DETAILS_COLUMN, f"{label}: {key} {value!r} is not one of "
                                                  f"{', '.join(_CHOICES[key])}")
                good = False
            elif key == "pos":
                term.part_of_speech = value
            else:
                setattr(term, key, value)
        else:
            problems.add(row, DETAILS_COLUMN, f"{label}: unknown key {key!r} (use status, type, pos, note)")
            good = False
    return good


# --- Merging -------------------------------------------------------------------------------


@dataclass
class Changes:
    """What an import does to the glossary, by concept id, in glossary order."""

    added: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> what changed
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # merge mode: not in the incoming file, left alone
    glossary: list[str] = field(default_factory=list)  # title and language changes
    labels: dict[str, str] = field(default_factory=dict)  # id -> "ja term / en term", for messages

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.glossary)


def merge_glossaries(current: Glossary, incoming: Glossary, replace: bool = False) -> tuple[Glossary, Changes]:
    """Apply an imported glossary to the current one.

    Concepts are matched by id. An incoming concept replaces the current one with its id, new
    ids are appended in incoming order. Merge mode keeps current concepts that the incoming
    glossary lacks, and the current title and languages. Replace mode makes the result the
    incoming glossary exactly (its order, title and languages): missing concepts are removed.
    """
    _check_unique_ids(current, "current glossary")
    _check_unique_ids(incoming, "imported glossary")
    changes = Changes()
    old = current.by_id()
    new = incoming.by_id()
    if replace:
        result = Glossary([], incoming.source_language, incoming.target_language, incoming.title)
        for name in ("title", "source_language", "target_language"):
            before, after = getattr(current, name), getattr(incoming, name)
            if before != after:
                changes.glossary.append(f"{name.replace('_', ' ')}: {_short(before)} -> {_short(after)}")
        concepts = list(incoming.concepts)
    else:
        if (incoming.source_language, incoming.target_language) != (current.source_language,
                                                                    current.target_language):
            raise YakugoError(f"the imported glossary is {incoming.source_language}->"
                              f"{incoming.target_language} but the current one is "
                              f"{current.source_language}->{current.target_language}")
        result = Glossary([], current.source_language, current.target_language, current.title)
        concepts = [new.get(c.id, c) for c in current.concepts]
        concepts += [c for c in incoming.concepts if c.id not in old]

    for concept in concepts:
        result.concepts.append(concept)
        before = old.get(concept.id)
        if before is None:
            changes.added.append(concept.id)
            changes.labels[concept.id] = _label(concept, result)
        elif concept.id not in new:
            changes.kept.append(concept.id)
        elif before != concept:
            changes.changed[concept.id] = describe_concept_changes(before, concept)
    if replace:
        for concept in current.concepts:
            if concept.id not in new:
                changes.removed.append(concept.id)
                changes.labels[concept.id] = _label(concept, current)
    return result, changes


def _check_unique_ids(glossary: Glossary, what: str) -> None:
    seen = set()
    for concept in glossary.concepts:
        if concept.id in seen:
            raise YakugoError(f"the {what} has two concepts with the id {concept.id!r}")
        seen.add(concept.id)


def describe_concept_changes(old: Concept, new: Concept) -> list[str]:
    """Short, human descriptions of what differs between two versions of a concept."""
    out = []
    languages = list(dict.fromkeys([t.language for t in old.terms] + [t.language for t in new.terms]))
    reported = set()  # (language, text) covered by a "preferred" line
    for language in languages:
        before, after = old.preferred(language), new.preferred(language)
        before_text = before.text if before else None
        after_text = after.text if after else None
        if before_text != after_text:
            out.append(f"{language} preferred: {_short(before_text)} -> {_short(after_text)}")
            reported |= {(language, before_text), (language, after_text)}
    old_terms = {(t.language, t.text): t for t in old.terms}
    new_terms = {(t.language, t.text): t for t in new.terms}
    for key, term in new_terms.items():
        if key not in old_terms and key not in reported:
            out.append(f"{key[0]} term added: {_short(key[1])} ({term.status})")
    for key in old_terms:
        if key not in new_terms and key not in reported:
            out.append(f"{key[0]} term removed: {_short(key[1])}")
    for key, term in new_terms.items():
        if key in old_terms:
            before = old_terms[key]
            diffs = [f"{name.replace('_', ' ')} {_short(getattr(before, name))} -> {_short(getattr(term, name))}"
                     for name in ("status", "type", "part_of_speech", "note")
                     if getattr(before, name) != getattr(term, name)]
            if diffs:
                out.append(f"{key[0]} {_short(key[1])}: " + ", ".join(diffs))
    if not out and old.terms != new.terms:
        out.append("term order changed")
    for header, attribute in CONCEPT_FIELDS.items():
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before != after:
            out.append(f"{header.lower()}: {_short(before)} -> {_short(after)}")
    return out or ["changed"]


def _short(value: str | None, limit: int = 40) -> str:
    if value is None:
        return "(none)"
    text = value.replace("\n", "\\n")
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"'{text}'"


def _label(concept: Concept, glossary: Glossary) -> str:
    names = []
    for language in (glossary.source_language, glossary.target_language):
        term = concept.preferred(language) or next(iter(concept.terms_in(language)), None)
        if term:
            names.append(term.text)
    return " / ".join(names)


def describe(changes: Changes) -> list[str]:
    """One line per change for the CLI, and a summary line last."""
    def named(concept_id: str) -> str:
        label = changes.labels.get(concept_id)
        return f"{concept_id} ({label})" if label else concept_id

    lines = list(changes.glossary)
    lines += [f"added {named(i)}" for i in changes.added]
    lines += [f"changed {i}: " + "; ".join(what) for i, what in changes.changed.items()]
    lines += [f"removed {named(i)}" for i in changes.removed]
    if changes.kept:
        lines.append(f"kept {len(changes.kept)} concept(s) that the imported file does not have "
                     "(replace mode would remove them)")
    lines.append(f"{len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed")
    return lines


# --- Formats -------------------------------------------------------------------------------

FORMATS = ("tbx", "xlsx", "csv")


def format_of(path: str | Path) -> str:
    """The glossary format named by the file extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise YakugoError(f"unknown glossary format {Path(path).suffix or '(no extension)'!r}: "
                          "use a .tbx, .xlsx or .csv file", path)
    return suffix


def load_any(path: str | Path) -> tuple[Glossary, list[str]]:
    """Read a glossary from TBX, XLSX or CSV (by extension), with warnings to show the user."""
    fmt = format_of(path)
    warnings: list[str] = []
    if fmt == "tbx":
        from .tbx import read_tbx  # imported here so the spreadsheet formats work without it
        return read_tbx(path)
    if fmt == "xlsx":
        from .xlsx import read_xlsx
        return read_xlsx(path, warnings), warnings
    from .csvio import read_csv
    return read_csv(path, warnings), warnings


def save_any(glossary: Glossary, path: str | Path, fmt: str | None = None, *, source_name: str = "",
             exported_at: str = "") -> None:
    """Write ``glossary`` atomically as TBX, XLSX or CSV (``fmt``, or the extension of ``path``)."""
    atomic_write_bytes(path, glossary_bytes(glossary, fmt or format_of(path), source_name=source_name,
                                            exported_at=exported_at))


def glossary_bytes(glossary: Glossary, fmt: str, *, source_name: str = "", exported_at: str = "") -> bytes:
    """``glossary`` as the bytes of a TBX, XLSX or CSV file."""
    fmt = fmt.lower()
    if fmt == "tbx":
        from .tbx import write_tbx
        return write_tbx(glossary)
    if fmt == "xlsx":
        from .xlsx import xlsx_bytes
        exported_at = exported_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        return xlsx_bytes(glossary, source_name=source_name, exported_at=exported_at)
    if fmt == "csv":
        from .csvio import write_csv
        return write_csv(glossary).encode("utf-8")
    raise YakugoError(f"unknown glossary format {fmt!r}: use tbx, xlsx or csv")


MAX_FILE_BYTES = 64 * 1024 * 1024  # a glossary file larger than this is a mistake or an attack


def read_limited(path: str | Path, kind: str) -> bytes:
    """The bytes of a glossary file to import, refusing absurd sizes before reading them."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise YakugoError(f"the file is {size // 2**20} MB; a glossary {kind} may be at most "
                              f"{MAX_FILE_BYTES // 2**20} MB", path)
        return Path(path).read_bytes()
    except OSError as error:
        raise YakugoError(f"cannot read the file: {error.strerror or error}", path) from None


def map_headers(names: list[str | None], path: str | Path, fmt: str, **location) -> dict[str, int]:
    """Header name -> column index; columns may come in any order, extra columns are ignored.

    ``names`` are the header cells as text (None for a cell that is not text);
    ``location`` is passed to the YakugoError (``line=`` or ``where=``).
    """
    found: dict[str, int] = {}
    wanted = {h.casefold(): h for h in HEADERS}
    for index, value in enumerate(names):
        name = wanted.get(value.strip().casefold()) if value is not None else None
        if name and name not in found:
            found[name] = index
    missing = [h for h in HEADERS if h not in found]
    if missing:
        what = "has none of the glossary columns" if len(missing) == len(HEADERS) \
            else f"lacks the column(s) {', '.join(missing)}"
        raise YakugoError(f"not a yakugo glossary: the header row {what}. Expected: {', '.join(HEADERS)} "
                          f"(`yakugo glossary export --format {fmt}` writes one with this layout)",
                          path, **location)
    return found
