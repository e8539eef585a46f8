"""Japanese sentence segmentation of one paragraph, lossless.

A paragraph is split into sentences at 。！？ (and ASCII ! ? that follow
Japanese text), never inside matched brackets or quotes, keeping closing
brackets and quotes that follow a terminator with their sentence. Whitespace
between sentences is returned as gaps, so ``"".join(pieces)`` is always the
paragraph itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# The kind of each bracket. ( and （ are one kind: real text mixes the widths.
_OPENER_KIND = {"「": "「", "『": "『", "(": "(", "（": "(", "【": "【", "〔": "〔"}
_CLOSER_KIND = {"」": "「", "』": "『", ")": "(", "）": "(", "】": "【", "〕": "〔"}

_BRACKET_RE = re.compile("[「」『』()（）【】〔〕]")
_TERMINATOR_RE = re.compile("[。！？!?]+")
# Closing brackets and quotes that belong to the sentence they follow.
_TRAILING_CLOSERS_RE = re.compile("[」』)）】〕”’\"']*")

_JAPANESE_RE = re.compile("[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")


def is_japanese(char: str) -> bool:
    """Kana, kanji, CJK punctuation or a full-width form."""
    return bool(_JAPANESE_RE.match(char))


@dataclass(frozen=True)
class Piece:
    """A run of the paragraph: a sentence, or the whitespace between sentences (a gap)."""

    text: str
    start: int
    is_sentence: bool


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """Outermost matched bracket pairs as (open, close) offsets, in order.

    Unmatched openers and closers are ignored, so one stray 「 cannot glue a
    whole paragraph into a single sentence.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for match in _BRACKET_RE.finditer(text):
        char, pos = match.group(), match.start()
        if char in _OPENER_KIND:
            stack.append((_OPENER_KIND[char], pos))
            continue
        kind = _CLOSER_KIND[char]
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind:
                if depth == 0:
                    pairs.append((stack[0][1], pos))
                del stack[depth:]
                break
    return pairs


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence terminator (with its trailing closers) at bracket depth 0."""
    spans = bracket_spans(text)
    opens = [o for o, _ in spans]
    ends: list[int] = []
    for match in _TERMINATOR_RE.finditer(text):
        start = match.start()
        k = bisect_right(opens, start) - 1
        if k >= 0 and spans[k][0] < start < spans[k][1]:
            continue  # inside brackets or quotes
        if text[start] in "!?" and (start == 0 or not is_japanese(text[start - 1])):
            continue  # "Yahoo!" or "What?" in Latin text: not a Japanese sentence end
        end = _TRAILING_CLOSERS_RE.match(text, match.end()).end()
        if end < len(text):
            ends.append(end)
    return ends


def split_sentences(paragraph: str) -> list[Piece]:
    """Sentences and gaps of one paragraph (no line breaks inside), in order, lossless."""
    pieces: list[Piece] = []
    start = 0
    for end in [*sentence_ends(paragraph), len(paragraph)]:
        _append_trimmed(pieces, paragraph, start, end)
        start = end
    return pieces


def _append_trimmed(pieces: list[Piece], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    core = chunk.strip()
    if not core:
        if chunk:
            _append_gap(pieces, chunk, start)
        return
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if lead:
        _append_gap(pieces, chunk[:lead], start)
    pieces.append(Piece(core, start + lead, True))
    if trail < len(chunk):
        _append_gap(pieces, chunk[trail:], start + trail)


def _append_gap(pieces: list[Piece], text: str, start: int) -> None:
    if pieces and not pieces[-1].is_sentence:
        last = pieces.pop()
        pieces.append(Piece(last.text + text, last.start, False))
    else:
        pieces.append(Piece(text, start, False))
