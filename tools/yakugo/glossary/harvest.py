"""Proposing glossary concepts from the definitions a Japanese source gives itself.

White papers define their terms in brackets on first use, and name formal
titles in footnotes:

- 同盟調整メカニズム(ACM:Alliance Coordination Mechanism): term, acronym, expansion;
- 日米物品役務相互提供協定2(ACSA:…): the same with a footnote marker in between;
- 「拡散に対する安全保障構想(PSI)」: a quoted term with its acronym;
- 第151連合任務部隊(CTF(Combined Task Force)151): an acronym, its expansion and a number;
- 2 正式名称:…協定: the formal name of the term that footnote 2 is attached to.

Proposals are for review: they are never written into the glossary unless asked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..document import Document, FOOTNOTE
from ..segment import bracket_spans, is_japanese
from .model import Concept, Glossary, Term

_COLON = re.compile("[:：]")
_LATIN_START = re.compile(r"^[A-Za-z]")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&/\-. ]{0,15}$")
_NESTED = re.compile(r"^([A-Z][A-Z0-9&/\-]*)\((.+)\)\s*([0-9]+)$")   # CTF(Combined Task Force)151
_FORMAL_NAME = re.compile(r"^正式名称[:：](.+?)(?:[(（]([A-Za-z].*)[)）])?$")
_READING = re.compile(r"^[\u3040-\u309f]+$")          # (とりきめ): a reading, not a definition
_TERM_STOP = set("、。,，「」『』()（）【】〔〕 \u3000:：")


@dataclass
class Proposal:
    """One harvested definition: the Japanese term and what the text says it means."""

    japanese: str
    abbreviation: str = ""
    english: str = ""
    japanese_variant: str = ""
    formal_name: str = ""
    formal_name_en: str = ""
    where: str = ""


def harvest(documents: list[Document]) -> Glossary:
    """Concepts proposed from every parenthesised definition and 正式名称 footnote, in source order."""
    proposals: list[Proposal] = []
    for document in documents:
        found = _definitions(document)
        _attach_formal_names(document, found)
        proposals.extend(found)
    return _as_glossary(_deduplicate(proposals))


def _definitions(document: Document) -> list[Proposal]:
    proposals = []
    for segment in document.segments:
        if segment.role == FOOTNOTE and _FORMAL_NAME.match(segment.text):
            continue  # read by _attach_formal_names
        text = segment.text
        markers = {m.offset: m for m in segment.markers}
        for open_at, close_at in _all_spans(text):
            proposal = _read_definition(text, open_at, close_at, markers)
            if proposal:
                proposal.where = f"{document.path.name}:{segment.line}"
                proposals.append(proposal)
    return proposals


def _all_spans(text: str) -> list[tuple[int, int]]:
    """Every matched bracket pair, nested ones included, outer first."""
    spans = []
    for start, end in bracket_spans(text):
        if text[start] in "(（":
            spans.append((start, end))
        spans.extend((start + 1 + a, start + 1 + b) for a, b in _all_spans(text[start + 1:end]))
    return spans


def _read_definition(text: str, open_at: int, close_at: int, markers: dict) -> Proposal | None:
    inside = text[open_at + 1:close_at]
    if not _LATIN_START.match(inside) or _READING.match(inside):
        return None
    term = _term_before(text, open_at, markers)
    if not term:
        return None
    proposal = Proposal(japanese=term)
    nested = _NESTED.match(inside)
    parts = _COLON.split(inside, maxsplit=1)
    if nested:
        proposal.abbreviation = f"{nested.group(1)} {nested.group(3)}"
        proposal.english = f"{nested.group(2)} {nested.group(3)}"
    elif len(parts) == 2:
        proposal.abbreviation, proposal.english = parts[0].strip(), parts[1].strip()
    elif any(is_japanese(c) for c in inside):
        proposal.japanese_variant = inside           # SM-3ブロックIIA
    elif _ACRONYM.match(inside):
        proposal.abbreviation = inside
    else:
        proposal.english = inside
    return proposal


def _term_before(text: str, open_at: int, markers: dict) -> str:
    """The Japanese term that a bracket (or footnote marker) at ``open_at`` refers to, or ''."""
    end = open_at
    while end > 0 and text[end - 1].isdigit() and any(m.offset <= end - 1 for m in markers.values()):
        end -= 1                                       # 協定2(ACSA…: skip the footnote marker
    if end > 0 and text[end - 1] in "」』":             # 「対米武器技術供与取極(とりきめ)」5
        start = _matching_open(text, end - 1)
        return _strip_trailing_brackets(text[start + 1:end - 1]) if start is not None else ""
    quote = _enclosing_quote(text, open_at)
    if quote is not None:
        term = text[quote + 1:end]
    else:
        end = len(_strip_trailing_brackets(text[:end]))  # 構想(PSI)4: the marker follows a bracket
        start = end
        while start > 0 and _term_char(text[start - 1]):
            start -= 1
        term = text[start:end]
    term = _strip_trailing_brackets(term.strip())
    return term if any(is_japanese(c) for c in term) else ""


def _strip_trailing_brackets(term: str) -> str:
    """取極(とりきめ) -> 取極; 覚書(RDP MOU:…) -> 覚書."""
    while term.endswith((")", "）")):
        start = _matching_open(term, len(term) - 1)
        if not start:
            break
        term = term[:start]
    return term


def _matching_open(text: str, close_at: int) -> int | None:
    for start, end in bracket_spans(text[:close_at + 1]):
        if end == close_at:
            return start
    return None


def _enclosing_quote(text: str, open_at: int) -> int | None:
    """Where 「 opens, when the bracket ends a quoted name: 「…構想(PSI)4」."""
    for start, end in bracket_spans(text):
        if text[start] in "「『" and start < open_at < end:
            close = _matching_close(text, open_at)
            tail = text[close + 1:end] if close is not None else "x"
            return start if tail.strip("0123456789") == "" else None
    return None


def _matching_close(text: str, open_at: int) -> int | None:
    depth = 0
    for position in range(open_at, len(text)):
        if text[position] in "(（":
            depth += 1
        elif text[position] in ")）":
            depth -= 1
            if depth == 0:
                return position
    return None


def _term_char(char: str) -> bool:
    """Characters a term is made of: kanji, katakana, ・, ー, Latin letters and digits; not kana particles."""
    if char in _TERM_STOP or "\u3040" <= char <= "\u309f":
        return False
    return is_japanese(char) or char.isalnum() or char in "-・ー"


def _attach_formal_names(document: Document, proposals: list[Proposal]) -> None:
    """Give the term footnote N is attached to the formal name that footnote N states."""
    attached: dict[int, str] = {}       # footnote number -> Japanese term before its marker
    for segment in document.segments:
        for marker in segment.markers:
            term = _term_before(segment.text, marker.offset + marker.width, {marker.offset: marker})
            if term:
                attached[marker.number] = term
    for segment in document.segments:
        if segment.role != FOOTNOTE or segment.footnote not in attached:
            continue
        match = _FORMAL_NAME.match(segment.text)
        if not match:
            continue
        term = attached[segment.footnote]
        target = next((p for p in proposals if p.japanese == term), None)
        if target is None:
            target = Proposal(japanese=term, where=f"{document.path.name}:{segment.line}")
            proposals.append(target)
        target.formal_name = match.group(1).strip()
        target.formal_name_en = (match.group(2) or "").strip()


def _deduplicate(proposals: list[Proposal]) -> list[Proposal]:
    """One proposal per Japanese term, combining what each occurrence says."""
    merged: dict[str, Proposal] = {}
    for proposal in proposals:
        kept = merged.setdefault(proposal.japanese, Proposal(japanese=proposal.japanese, where=proposal.where))
        for name in ("abbreviation", "english", "japanese_variant", "formal_name", "formal_name_en"):
            if not getattr(kept, name):
                setattr(kept, name, getattr(proposal, name))
    return list(merged.values())


def _as_glossary(proposals: list[Proposal]) -> Glossary:
    concepts = []
    for number, proposal in enumerate(proposals, start=1):
        terms = [Term(proposal.japanese, "ja")]
        if proposal.japanese_variant:
            terms.append(Term(proposal.japanese_variant, "ja", "admitted", "variant"))
        english = proposal.english or proposal.formal_name_en
        if english:
            terms.append(Term(english, "en"))
        if proposal.abbreviation:
            status = "admitted" if english else "preferred"
            kind = "acronym" if proposal.abbreviation.replace(" ", "").isupper() else "abbreviation"
            terms.append(Term(proposal.abbreviation, "en", status, kind))
        if proposal.formal_name_en and proposal.formal_name_en != english:
            terms.append(Term(proposal.formal_name_en, "en", "admitted", "fullForm", note="formal name"))
        note = f"正式名称 (formal name): {proposal.formal_name}" if proposal.formal_name else ""
        concepts.append(Concept(id=f"harvest-{number:03d}", subject_field="harvested", note=note,
                                source=f"source text, {proposal.where}", terms=terms))
    return Glossary(concepts=concepts, title="Terms proposed by yakugo glossary harvest")


def unknown_concepts(proposals: Glossary, glossary: Glossary) -> list[Concept]:
    """Proposals none of whose Japanese terms the glossary has yet, with ids that are free in it."""
    known = {_fold(t.text) for c in glossary for t in c.terms_in(glossary.source_language)}
    taken = {c.id for c in glossary}
    fresh = []
    for concept in proposals:
        if any(_fold(t.text) in known for t in concept.terms_in(proposals.source_language)):
            continue
        number = len(taken) + 1
        while f"harvest-{number:03d}" in taken:
            number += 1
        taken.add(f"harvest-{number:03d}")
        fresh.append(replace(concept, id=f"harvest-{number:03d}", terms=list(concept.terms)))
    return fresh


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
