"""Checks of one translation's text: Japanese left in it, brackets and quotes, spaces, end punctuation.

Decisions a translator may want to know:

- ``source-text-in-target`` reports kana, kanji, CJK punctuation and symbols,
  full-width forms (ＡＣＭ, （, ￥) and the ideographic space, one finding per
  run. Characters English itself uses are fine: ¥, curly quotes, em and en
  dashes, the non-breaking hyphen, accented letters, and circled numbers (①)
  and Roman numeral forms (Ⅱ), which English typesetting also uses.
- ``bracket-mismatch`` counts () [] {} “” ‘’ with nesting, and straight double
  quotes in pairs. A ’ closes a ‘ only when that ‘ is the innermost open mark
  and no letter or digit follows; otherwise it is an apostrophe (Japan’s, the allies’
  forces, ‘(the allies’ view)’). Straight single quotes are never counted. A
  ``)`` closing the items of a list (``that 1) …, 2) …``) needs no opener. As many
  brackets and quotes as the source itself leaves open or closes without
  opening (a bracket split across sentences) may stay so in the translation.
- ``double-space``: the house style is a single space everywhere, after a
  sentence stop too. Leading and trailing whitespace is its own message.
- ``end-punctuation``: a source ending in 。 or ． needs a sentence stop (a
  closing bracket or quote may follow it), ？ needs ?, ！ needs ! or a period. A
  source without final punctuation (headings, captions, figure titles, cross
  references, footnotes such as 正式名称:…) must not gain a final . , ; : ! or ?,
  except in a closing bracket (``etc.)``) or as an abbreviation (U.S., etc.);
  body text is exempt from that rule, because a body sentence without 。 is a
  defect of the source (…基本原則としている3). A footnote marker recorded for
  the entry is left out at the end of either side (``…している3``, ``.3``,
  ``.”7``, ``.[3]``, ``.³``): English word order may move it to the end.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..document import BODY
from .model import Entry, Problem

SOURCE_TEXT_IN_TARGET = "source-text-in-target"
BRACKET_MISMATCH = "bracket-mismatch"
DOUBLE_SPACE = "double-space"
END_PUNCTUATION = "end-punctuation"

# ---- source-text-in-target -------------------------------------------------

_CJK_RUN = re.compile(
    "[\u2e80-\u2fff"          # CJK and Kangxi radicals, ideographic description characters
    "\u3000-\u303f"           # CJK symbols and punctuation, the ideographic space
    "\u3040-\u30ff\u31c0-\u31ff"   # hiragana, katakana, CJK strokes, katakana extensions
    "\u3200-\u4dbf\u4e00-\u9fff\uf900-\ufaff"   # enclosed CJK (㈱), compatibility (㍻), kanji
    "\ufe10-\ufe1f\ufe30-\ufe4f"   # vertical and CJK compatibility forms
    "\uff00-\uffef"           # full-width and half-width forms
    "\u203b"                  # ※
    "\U00020000-\U0003134f]+")
_BEYOND_ENGLISH = re.compile("[^\x00-\u2e7f]")  # one range is faster to scan than _CJK_RUN's dozen
_KANA_KANJI = re.compile("[\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                         "\uff66-\uff9f\U00020000-\U0003134f々〆〇]")
_FULL_WIDTH = re.compile("[\u3000\uff01-\uff60\uffe0-\uffe6]+")
# English punctuation for the Japanese marks that NFKC leaves as they are.
_ENGLISH_PUNCTUATION = {"、": ",", "。": ".", "「": "“", "」": "”", "『": "‘", "』": "’", "〜": "–", "～": "–",
                        "【": "[", "】": "]", "〔": "(", "〕": ")", "〈": "‹", "〉": "›", "《": "«", "》": "»"}


def source_text_in_target(entry: Entry) -> list[Problem]:
    """Each run of kana, kanji, CJK punctuation or full-width forms in the translation."""
    target = entry.target
    if target.isascii() or not (_BEYOND_ENGLISH.search(target) or "※" in target):
        return []
    problems = []
    for match in _CJK_RUN.finditer(target):
        run = match.group()
        at = entry.source.find(run)
        problems.append(Problem(SOURCE_TEXT_IN_TARGET, _describe_cjk(run),
                                source_span=(at, at + len(run)) if at >= 0 else None, target_span=match.span()))
    return problems


def _describe_cjk(run: str) -> str:
    if _KANA_KANJI.search(run):
        return f'Japanese text "{run}" left in the translation; translate it'
    english = "".join(_ENGLISH_PUNCTUATION.get(char) or unicodedata.normalize("NFKC", char) for char in run)
    kind = "full-width characters" if _FULL_WIDTH.fullmatch(run) else "Japanese punctuation"
    if _CJK_RUN.search(english):
        return f'{kind} "{run}" in the translation; use English punctuation'
    return f'{kind} "{run}" in the translation; write "{english}"'


# ---- bracket-mismatch ------------------------------------------------------

_BRACKET = re.compile("[()\\[\\]{}“”‘’\"（）［］｛｝「」『』]")
_NOT_BRACKET = re.compile("[^()\\[\\]{}“”‘’\"（）［］｛｝「」『』]+")
# Full-width and Japanese brackets count as their English forms (source-text-in-target reports the form).
_FOLD_TARGET = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}",
                "「": "“", "」": "”", "『": "‘", "』": "’"}
_SOURCE_BRACKET = re.compile("[()\\[\\]{}“”‘’\"（）［］｛｝「」『』【】〔〕〈〉《》]")
# In the source only the family matters: 【】 may become () or [] and 「」 may become “” or ‘’.
_FOLD_SOURCE = {"（": "(", "）": ")", "[": "(", "]": ")", "{": "(", "}": ")", "［": "(", "］": ")",
                "｛": "(", "｝": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                "「": "“", "」": "”", "『": "“", "』": "”", "‘": "“", "’": "”", "〈": "“", "〉": "”",
                "《": "“", "》": "”"}
_CLOSER_OF = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’"}
_OPENER_OF = {closer: opener for opener, closer in _CLOSER_OF.items()}
_FAMILY = {"(": "(", ")": "(", "[": "(", "]": "(", "{": "(", "}": "(",
           "“": "“", "”": "“", "‘": "“", "’": "“", '"': "“"}
# A list item closed by ")" alone: "that 1) …, 2) …", "a) … and b) …"; one alone is a lost "(".
_ENUMERATOR = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})$")
OPEN, CLOSE, UNPAIRED = "open", "close", "unpaired"


def bracket_mismatch(entry: Entry) -> list[Problem]:
    """Brackets and quotes of the translation left open, closed without opening, or crossed."""
    target = entry.target
    if _nested_properly(_NOT_BRACKET.sub("", target)):
        return []
    unbalanced = _unbalanced(target, _BRACKET, _FOLD_TARGET)
    if not unbalanced:
        return []
    in_source = Counter((_FAMILY[char], side) for char, side, _ in _unbalanced(entry.source, _SOURCE_BRACKET,
                                                                               _FOLD_SOURCE))
    problems = []
    for char, side, at in unbalanced:
        family = _FAMILY[char]
        alike = [(family, side), (family, UNPAIRED)] + ([(family, OPEN), (family, CLOSE)] if side == UNPAIRED else [])
        excuse = next((kind for kind in alike if in_source[kind] > 0), None)
        if excuse:
            in_source[excuse] -= 1  # as many as the source leaves unbalanced, no more
        else:
            problems.append(Problem(BRACKET_MISMATCH, _describe_bracket(target[at], char, side),
                                    target_span=(at, at + 1)))
    return problems


def _nested_properly(brackets: str) -> bool:
    """The fast answer for the usual translation: English brackets and quotes only, each pair nested."""
    if "‘" in brackets or brackets.count('"') % 2:
        return False
    brackets = brackets.replace("’", "").replace('"', "")  # with no ‘ every ’ is an apostrophe
    while brackets:
        reduced = brackets.replace("()", "").replace("[]", "").replace("{}", "").replace("“”", "")
        if reduced == brackets:
            return False
        brackets = reduced
    return True


def _unbalanced(text: str, pattern: re.Pattern[str], fold: dict[str, str]) -> list[tuple[str, str, int]]:
    """(folded char, open/close/unpaired, offset) of every bracket or quote without its partner."""
    stack: list[tuple[str, int]] = []
    found: list[tuple[str, str, int]] = []
    straight_quotes: list[int] = []
    list_items: list[int] = []
    for match in pattern.finditer(text):
        at = match.start()
        char = fold.get(match.group(), match.group())
        if char == '"':
            straight_quotes.append(at)
        elif char in _CLOSER_OF:
            stack.append((char, at))
        elif char == "’" and (not stack or stack[-1][0] != "‘" or text[at + 1:at + 2].isalnum()):
            continue  # an apostrophe: Japan’s, the allies’ forces, ‘(the allies’ view)’
        else:
            opener = _OPENER_OF[char]
            depth = len(stack) - 1
            while depth >= 0 and stack[depth][0] != opener:
                depth -= 1
            if depth >= 0:
                found.extend((left, OPEN, start) for left, start in stack[depth + 1:])
                del stack[depth:]
            elif char == ")" and _ENUMERATOR.search(text, 0, at):
                list_items.append(at)
            else:
                found.append((char, CLOSE, at))
    if len(list_items) == 1:
        found.append((")", CLOSE, list_items[0]))
    found.extend((char, OPEN, at) for char, at in stack)
    if len(straight_quotes) % 2:
        found.append(('"', UNPAIRED, straight_quotes[-1]))
    found.sort(key=lambda item: item[2])
    return found


def _describe_bracket(written: str, char: str, side: str) -> str:
    if side == OPEN:
        return f'"{written}" is never closed; add "{_CLOSER_OF[char]}" or remove it'
    if side == CLOSE:
        return f'"{written}" closes nothing; add "{_OPENER_OF[char]}" before it or remove it'
    return 'odd number of straight double quotes ("); one quotation is not closed'


# ---- double-space ----------------------------------------------------------

_SPACE_RUN = re.compile("[ \t\xa0\u2000-\u200a\u202f\u205f\u3000]{2,}")
_WIDE_SPACE = re.compile("[\xa0\u2000-\u200a\u202f\u205f\u3000]")


def double_space(entry: Entry) -> list[Problem]:
    """Runs of two or more spaces inside the translation; whitespace at its start or end."""
    target = entry.target
    if not (target[:1].isspace() or target[-1:].isspace() or "  " in target or "\t" in target
            or (not target.isascii() and _WIDE_SPACE.search(target))):
        return []
    if not target.strip():
        return [Problem(DOUBLE_SPACE, "the translation is only whitespace; translate the entry or leave it empty",
                        target_span=(0, len(target)))]
    problems = []
    start = len(target) - len(target.lstrip())
    end = len(target.rstrip())
    if start and not entry.source[:1].isspace():
        problems.append(Problem(DOUBLE_SPACE, "the translation starts with whitespace; remove it",
                                target_span=(0, start)))
    for match in _SPACE_RUN.finditer(target, start, end):
        after_stop = target[match.start() - 1] in ".!?:;"
        rule = "one space after a sentence stop too (house style)" if after_stop else "use one"
        problems.append(Problem(DOUBLE_SPACE, f"{len(match.group())} spaces in a row; {rule}",
                                target_span=match.span()))
    if end < len(target) and not entry.source[-1:].isspace():
        problems.append(Problem(DOUBLE_SPACE, "the translation ends with whitespace; remove it",
                                target_span=(end, len(target))))
    return problems


# ---- end-punctuation -------------------------------------------------------

_SOURCE_STOP = frozenset("。．.｡")
_SOURCE_QUESTION = frozenset("？?")
_SOURCE_EXCLAMATION = frozenset("！!")
_SOURCE_OPEN_END = frozenset("、，,：:；;…‥")        # fragments and ellipses: no rule
_SOURCE_CLOSERS = "」』）)】〕］]〉》”’\"'"
_TARGET_CLOSERS = ")]}”’\"'»›"
_TARGET_QUOTE_CLOSERS = "”’\"'»›"
_TARGET_STOP = frozenset(".!?。．！？")  # full-width ones are reported by source-text-in-target
_TARGET_QUESTION = frozenset("?？")
_TARGET_EXCLAMATION = frozenset(".!。！")
_ADDED_PUNCTUATION = frozenset(".,;:!?。．、，；：！？")
# A footnote marker is a whole number (…協定2, principle.3, .[3], .³); notes are looked for near the end only.
_TRAILING_NOTE = re.compile(r"(?<!\d)(?:\[\d+\]|\(\d+\)|\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
_NOTE_WINDOW = 8
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:etc|Inc|Ltd|Co|Corp|No|Nos|Jr|Sr|St|vs|approx|Fig|Figs|Dept)\.)$")
_ABBREVIATION_WINDOW = 12


def end_punctuation(entry: Entry) -> list[Problem]:
    """The translation ends like the source: a stop for a sentence, none where the source has none."""
    source = entry.source.rstrip()
    target = entry.target.rstrip()
    if entry.markers:
        source = _without_final_note(source, entry.markers)
        target = _without_final_note(target, entry.markers)
    if not source or not target:
        return []
    source_last = source.rstrip(_SOURCE_CLOSERS)[-1:]
    last = target.rstrip(_TARGET_CLOSERS)[-1:]
    if source_last in _SOURCE_STOP:
        if last not in _TARGET_STOP:
            return [_ending(target, f'the source ends with a sentence stop ("{source_last}") '
                                    f'but the translation ends with "{target[-1]}"; end it with a period')]
    elif source_last in _SOURCE_QUESTION:
        if last not in _TARGET_QUESTION:
            return [_ending(target, f'the source is a question ("{source_last}"); end the translation with "?"')]
    elif source_last in _SOURCE_EXCLAMATION:
        if last not in _TARGET_EXCLAMATION:
            return [_ending(target, f'the source ends with "{source_last}"; end the translation with "!" or "."')]
    elif source[-1] not in _SOURCE_OPEN_END and BODY not in entry.roles:
        unquoted = target.rstrip(_TARGET_QUOTE_CLOSERS)
        if unquoted[-1:] in _ADDED_PUNCTUATION and not _ABBREVIATION_END.search(
                unquoted, max(0, len(unquoted) - _ABBREVIATION_WINDOW)):
            what = " and ".join(entry.roles) or "text"
            return [_ending(target, f'the source ({what}) has no final punctuation but the translation ends with '
                                    f'"{unquoted[-1]}"; remove it', len(unquoted))]
    return []


def _without_final_note(text: str, markers: tuple[int, ...]) -> str:
    """``text`` without a footnote marker at its end (…としている3, …(RDP MOU).”7, principle.[3])."""
    match = _TRAILING_NOTE.search(text, max(0, len(text) - _NOTE_WINDOW))
    if match and int(unicodedata.normalize("NFKC", match.group().strip("[]()"))) in markers:
        return text[:match.start()].rstrip()
    return text


def _ending(target: str, message: str, end: int | None = None) -> Problem:
    end = len(target) if end is None else end
    return Problem(END_PUNCTUATION, message, target_span=(end - 1, end))


# ---- all of them -----------------------------------------------------------

def check_text(entry: Entry) -> list[Problem]:
    """Every check of this module on one translated entry (the runner skips untranslated ones)."""
    problems = double_space(entry)
    if not entry.target.strip():
        return problems
    return problems + source_text_in_target(entry) + bracket_mismatch(entry) + end_punctuation(entry)
