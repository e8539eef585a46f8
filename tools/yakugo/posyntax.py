r"""PO syntax as GNU gettext defines it, checked before polib reads a file.

polib is lenient: it reads an unterminated string without its last character, "\q" as a backslash and a
q, a msgid without msgstr as part of the next entry, and drops a stray msgctxt at the end of the file.
Saving the catalog then damages the translations. So every file is first held to GNU gettext's grammar
(gettext-tools po-lex.c and po-gram.y): what msgfmt refuses, yakugo refuses, naming the line. Where
polib would read valid PO differently (escapes it does not know, a CR inside a string), yakugo refuses
too; where polib itself refuses valid PO (a keyword and its string on two lines), polib's error stands.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import YakugoError


def check_po_syntax(text: str, path: Path | str) -> None:
    """Refuse, as ``YakugoError`` with the line, PO text that GNU gettext refuses or polib would misread.

    Duplicate entries are left to ``catalog._reject_duplicates``, which compares the strings unescaped, except
    for headers (empty msgid), which polib takes out of the entries.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")   # polib reads with universal newlines
    if "msgstr[" not in text and _USUAL_FILE.fullmatch(text if text.endswith("\n") else text + "\n"):
        return
    _check_lines(text, path)


# The kinds of line (without '#~', '#|' or '#~|' and the blanks after it): '#' a comment, '"' a continuation
# line, the keywords, and '#|msgid' and such for previous strings. _NEXT says which kinds may follow the
# last one, and what the state then is; blank lines do not count. After a msgstr (and at the start, or
# after a comment: state '') a new entry may start; within an entry, only the next keyword or a
# continuation line may come.
_ENTRY_START = {"#": "", "#|msgctxt": "#|msgctxt", "#|msgid": "#|msgid", "msgctxt": "msgctxt", "msgid": "msgid"}
_NEXT = {
    "": _ENTRY_START,
    "#|msgctxt": {"#|msgid": "#|msgid"},
    "#|msgid": {"#|msgid_plural": "#|msgid_plural", "msgctxt": "msgctxt", "msgid": "msgid"},
    "#|msgid_plural": {"msgctxt": "msgctxt", "msgid": "msgid"},
    "msgctxt": {"msgid": "msgid"},
    "msgid": {"msgstr": "msgstr", "msgid_plural": "msgid_plural"},
    "msgid_plural": {"msgstr[]": "msgstr[]"},
    "msgstr": _ENTRY_START,
    "msgstr[]": {**_ENTRY_START, "msgstr[]": "msgstr[]"},
}
_ENDS = ("", "msgstr", "msgstr[]")   # the states where an entry may end (and the file)
_MISSING = {   # what is wrong when the line after one of these cannot follow it (reported at that line)
    "#|msgctxt": "'#| msgctxt' is not followed by '#| msgid'",
    "#|msgid": "previous strings ('#|') are not followed by the entry's msgctxt or msgid",
    "#|msgid_plural": "previous strings ('#|') are not followed by the entry's msgctxt or msgid",
    "msgctxt": "'msgctxt' is not followed by 'msgid'",
    "msgid": "missing 'msgstr' section",
    "msgid_plural": "missing 'msgstr[]' section",
}
_BLANKS = " \t\f\v"   # gettext's white space around tokens (line ends are normalised first)
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9]+)\])?)(?![\w$\[])[ \t\f\v]*+(.*)")
_WORD = re.compile(r"[A-Za-z_$][\w$]*(?:\[[^]]*\])?")
_GOOD_STRING = re.compile(r'"(?:[^"\\\x04]++|\\[ntrbfv"\\])*+"')   # the escapes polib reads as gettext does
_STRING_BODY = re.compile(r'"((?:[^"\\]++|\\.)*+)')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)")
_UNREAD_ESCAPE = re.compile(r"a|x.+|[0-7]+")   # valid, but polib would read a backslash and save "\\a"


def _check_lines(text: str, path: Path | str) -> None:
    """check_po_syntax one line at a time: any layout gettext reads, and the line of the first problem."""
    state = mode = ""   # the state (_NEXT), and the prefix of the last keyword line: '', '#~', '#|' or '#~|'
    opened = 0          # the line of that keyword
    obsolete = context = empty_msgid = False   # of the current entry
    plural = headers = live_headers = 0        # plural: the index the next msgstr[N] must have
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        line = line.strip(_BLANKS)
        if not line:
            continue
        prefix = ""
        if line[0] == "#":
            prefix = "#~|" if line.startswith("#~|") else line[:2]
            if prefix == "#~" and line[2:].lstrip(_BLANKS).startswith("#"):
                prefix = "#"   # '#~ # note', a comment of an obsolete entry: gettext allows it, polib reads '# note'
            if prefix not in ("#~", "#|", "#~|"):   # a comment: translator, extracted, reference, flags
                if state not in _ENDS:
                    _refuse(_MISSING[state], path, opened)
                state = ""
                continue
            line = line[len(prefix):].lstrip(_BLANKS)
            if not line:
                continue   # an empty '#~' line is blank to gettext (polib refuses some itself)
        kind, string, digits = _kind(line, prefix, path, number)
        problem = _string_problem(string)
        if problem:
            _refuse(problem, path, number)
        if kind == '"':   # a continuation line, with the prefix of the keyword line it continues
            if state == "":
                _refuse("string line that continues no keyword line", path, number)
            if prefix != mode:
                _refuse("inconsistent use of #~" if ("~" in prefix) != obsolete else
                        f"continuation line starts with {prefix or 'no prefix'}, the line it continues with "
                        f"{mode or 'no prefix'}", path, number)
            if state == "msgid":
                empty_msgid = empty_msgid and string == '""'
            continue
        allowed = _NEXT[state]
        if kind not in allowed:
            _unexpected(state, kind, prefix, opened, number, path)
        if state in _ENDS and kind in _ENTRY_START:   # a new entry
            obsolete, context, plural = "~" in prefix, False, 0
        elif ("~" in prefix) != obsolete:
            _refuse("inconsistent use of #~", path, number)
        if state == "msgid" and empty_msgid:   # the msgid is complete: a header?
            if not context:
                headers += 1
                live_headers += not obsolete
                if headers > 1:
                    _refuse('duplicate message definition (a second header, msgid "")', path, opened)
            elif not obsolete and not live_headers:
                _refuse("empty msgid with a msgctxt before the header (polib would take it for the header)",
                        path, opened)
        if kind == "msgctxt":
            context = True
        elif kind == "msgid":
            empty_msgid = string == '""'
        elif kind == "msgstr[]":
            if digits != str(plural):
                _refuse(f"plural form has wrong index: msgstr[{digits}] where msgstr[{plural}] belongs",
                        path, number)
            if plural > 9:   # polib reads one digit: msgstr[10] would be msgstr[1]
                _refuse("more than 10 plural forms", path, number)
            plural += 1
        state, mode, opened = allowed[kind], prefix, number
    if state not in _ENDS:
        _refuse(_MISSING[state], path, opened)


def _kind(line: str, prefix: str, path: Path | str, number: int) -> tuple[str, str, str | None]:
    """The kind of a line without its prefix (see _NEXT), its string, and the N of msgstr[N]."""
    if line[0] == '"':
        return '"', line, None
    match = _KEYWORD.match(line)
    if match is None:
        word = _WORD.match(line)
        _refuse(f"syntax error: unknown keyword {word.group()[:30]!r}" if word else "syntax error", path, number)
    keyword, digits, string = match.groups()
    if prefix in ("#|", "#~|"):
        if keyword not in ("msgctxt", "msgid", "msgid_plural"):
            _refuse(f"'{prefix} {keyword}': previous strings are msgctxt, msgid or msgid_plural", path, number)
        return "#|" + keyword, string, None
    return ("msgstr[]" if digits is not None else keyword), string, digits


def _string_problem(string: str) -> str | None:
    """What is wrong with the C string that makes up the rest of a line; None if nothing."""
    if _GOOD_STRING.fullmatch(string):
        return None
    if string[:1] != '"':
        return "a keyword must be followed by a string in double quotes, on the same line"
    body = _STRING_BODY.match(string)
    end = body.end()
    if string[end:end + 1] != '"':
        return "end-of-line within string (no closing quote)"
    for escape in _ESCAPE.finditer(body.group(1)):
        sequence = escape.group(1)
        if _UNREAD_ESCAPE.fullmatch(sequence):
            return (f"escape sequence \\{sequence} is not supported (polib would read a backslash); "
                    "write the character itself")
        if sequence not in 'ntrbfv"\\':
            return f"invalid control sequence \\{sequence}"
    if "\x04" in body.group(1):
        return "context separator <EOT> (U+0004) within string"
    return "unescaped double quote found" if '"' in string[end + 1:] else "text after the closing quote"


def _unexpected(state: str, kind: str, prefix: str, opened: int, number: int, path: Path | str) -> None:
    """Refuse a keyword line that cannot follow the ``state`` line."""
    if state == "msgid" and kind == "msgstr[]":
        _refuse("missing 'msgid_plural' section (msgstr[N] is for plural entries)", path, number)
    if state in _MISSING:
        _refuse(_MISSING[state], path, opened)
    if kind == "#|msgid_plural":
        _refuse("'#| msgid_plural' without '#| msgid' before it", path, number)
    shown = f"{prefix} {'msgstr[N]' if kind == 'msgstr[]' else kind}".strip()
    _refuse(f"'{shown}' without 'msgid' before it", path, number)


def _refuse(problem: str, path: Path | str, line: int) -> None:
    raise YakugoError(f"not a valid PO file: {problem}", path, line)


# The fast way, for the layouts PO writers use: one regular expression for the whole file, which accepts
# only what _check_lines accepts. Anything else (plural forms, blank or comment lines inside an entry,
# white space around lines, an empty continuation line, a header that is not the first entry) is checked
# line by line; so is a file with a problem, to find its line.
_S = r'"(?:[^"\\\n\x04]++|\\[ntrbfv"\\])*+"'   # a string line, from its opening quote
_C = r'"(?:[^"\\\n\x04]++|\\[ntrbfv"\\])++"'   # a continuation line: never "", so that an empty msgid
_COMMENTS = r"(?:\#(?![~|])[^\n]*+\n)*+"      # is a msgid "" line without a continuation line


def _strings(keyword: str, prefix: str = "", empty: bool = True) -> str:
    """A keyword line and its continuation lines; ``empty`` False: not the empty string."""
    not_empty = "" if empty else rf'(?!""\n(?!{prefix}"))'
    return rf"{prefix}{keyword}\ {not_empty}{_S}\n(?:{prefix}{_C}\n)*+"


def _entry(prefix: str, previous: str) -> str:
    """An entry without comments and without plural forms, its keywords after ``prefix``."""
    return (rf"(?:(?:{_strings('msgctxt', previous)})?{_strings('msgid', previous)}"
            rf"(?:{_strings('msgid_plural', previous)})?)?"
            rf"(?:{_strings('msgctxt', prefix)})?{_strings('msgid', prefix, empty=False)}{_strings('msgstr', prefix)}")


_HEADER = rf'{_COMMENTS}msgid\ ""\n{_strings("msgstr")}'
_LIVE, _OBSOLETE = _entry("", r"\#\|\ "), _entry(r"\#~\ ", r"\#~\|\ ")
_USUAL_FILE = re.compile(rf"\n*+(?:{_HEADER}\n*+)?(?:{_COMMENTS}(?:{_LIVE}|{_OBSOLETE})\n*+)*+{_COMMENTS}")
