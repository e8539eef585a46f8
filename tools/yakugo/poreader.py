"""A fast, read-only PO reader for the checker: the entries of a file, one regular expression per entry.

polib reads a PO file line by line through a general state machine in
Python; the checker needs only a few fields of each entry. This reader
matches each whole entry, in the layouts PO tools write (polib, yakugo, GNU
gettext, PO editors; wrapped or not, obsolete, plural, with context or
previous strings), with one compiled pattern, and does in Python only what
is left per entry. Anything else (a syntax error, an unusual layout, stray
whitespace, a duplicate entry, a non-UTF-8 byte or header charset) sends
the whole file down the polib path instead, so the entries and errors are
always exactly those of ``load_catalog`` followed by
:func:`catalog_entries`: this module never guesses. In particular, the
pattern accepts only what ``posyntax.check_po_syntax`` accepts (complete
strings with the escapes polib reads, msgstr[N] numbered from 0, previous
strings in gettext's order), so a file msgfmt refuses is refused here too.

Why an accepted entry reads as with polib: polib strips each line and skips
blank ones, and the pattern accepts no whitespace at either end of a line
(translator comments excepted, which are stripped here the same way) and
only empty blank lines; every string line holds one C string whose quotes
are all escaped, so unescaping the lines one by one, as polib does, equals
unescaping their concatenation.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from .catalog import load_catalog, markers_in, roles_in
from .checks.model import Entry
from .gcpause import gc_paused

# The inside of a C string: every quote and backslash escaped, only with the escapes polib reads as gettext
# does (posyntax.check_po_syntax refuses the others), and no EOT (po_entries leaves files with one to it).
_STRING = r'[^"\\\n]*+(?:\\[ntrbfv"\\][^"\\\n]*+)*+'
# A string read for the checker, from after its first quote: its lines, each ending with a quote. _string checks
# what is inside, which is faster than matching _STRING (kept for the strings that are only checked).
_QUOTED = r'[^\n]++(?<=")(?:\n"[^\n]++(?<="))*+'
_COMMENT_TEXT = r"[^\n]*+(?<=\S)"   # what follows '#. ', '#: ' or '#, ': no space at its end, as polib strips lines


def _previous(prefix: str) -> str:
    """The previous strings of an entry ('#|' lines), in the order gettext requires, or nothing."""
    def strings(keyword: str) -> str:
        return rf'{prefix}{keyword}\ "{_STRING}"\n(?:{prefix}"{_STRING}"\n)*+'
    return rf"(?:(?:{strings('msgctxt')})?{strings('msgid')}(?:{strings('msgid_plural')})?)?"


_PREVIOUS, _OLD_PREVIOUS = _previous(r"\#\|\ "), _previous(r"\#~\|\ ")
# The comment groups hold their lines without the first prefix and the last newline.
_ENTRY = re.compile(rf"""
    (?P<translator>(?:\#(?:(?:\#|[^\S\n])[^\n]*+)?\n)*+)
    (?:\#\.\ (?P<extracted>{_COMMENT_TEXT}(?:\n\#\.\ {_COMMENT_TEXT})*+)\n)?
    (?:\#:\ (?P<references>{_COMMENT_TEXT}(?:\n\#:\ {_COMMENT_TEXT})*+)\n)?
    (?:\#,\ (?P<flags>{_COMMENT_TEXT}(?:\n\#,\ {_COMMENT_TEXT})*+)\n)?
    (?:
        {_PREVIOUS}   # polib does not need them for the checker, but gettext has rules for them
        (?:msgctxt\ "(?P<context>{_QUOTED})\n)?
        msgid\ "(?P<msgid>{_QUOTED})\n
        (?:msgstr\ "(?P<msgstr>{_QUOTED})\n
          |msgid_plural\ "{_STRING}"\n(?:"{_STRING}"\n)*+
           (?P<forms>(?:msgstr\[[0-9]\]\ "{_STRING}"\n(?:"{_STRING}"\n)*+)++))
      |{_OLD_PREVIOUS}   # previous strings of an obsolete entry, which polib skips
        (?:\#~\ msgctxt\ "(?P<old_context>{_STRING}"(?:\n\#~\ "{_STRING}")*+)\n)?
        \#~\ msgid\ "(?P<old_msgid>{_STRING}"(?:\n\#~\ "{_STRING}")*+)\n
        (?:\#~\ msgstr\ "{_STRING}"\n(?:\#~\ "{_STRING}"\n)*+
          |\#~\ msgid_plural\ "{_STRING}"\n(?:\#~\ "{_STRING}"\n)*+
           (?P<old_forms>(?:\#~\ msgstr\[[0-9]\]\ "{_STRING}"\n(?:\#~\ "{_STRING}"\n)*+)++))
    )
    \n*+
    """, re.VERBOSE)
_FORM = re.compile(r"^(?:#~ )?msgstr\[([0-9])\]", re.MULTILINE)
_CHARSET = re.compile(r"charset=([^\s;]*)")
_BAD_ESCAPE = re.compile(r'\\(?![ntrbfv"])')   # once escaped backslashes are gone; also a backslash at the end
_MSGID_SEARCH_LINES = 1000   # how far _msgid_line looks for the msgid line after the start of an entry


class NotUnderstood(Exception):
    """The file uses PO syntax this reader does not handle; polib must read it."""


def read_po_entries(path: Path, shown: str) -> list[Entry]:
    """The entries of one PO file (header and obsolete entries left out), in file order.

    Gives exactly what ``catalog_entries(load_catalog(path), shown)`` gives,
    and raises the same ``YakugoError`` for a file that is not valid.
    """
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
        with gc_paused():
            return po_entries(text, shown)
    except (NotUnderstood, OSError, UnicodeDecodeError):
        return catalog_entries(load_catalog(path), shown)


def po_entries(text: str, shown: str) -> list[Entry]:
    """The entries of a PO file's text (BOM removed); ``NotUnderstood`` when only polib can tell what it holds."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")   # universal newlines, as polib reads files
    if not text.endswith("\n"):
        text += "\n"
    if "\x04" in text:
        raise NotUnderstood   # gettext refuses it in strings only; check_po_syntax tells where it is
    position = len(text) - len(text.lstrip("\n"))
    line = position + 1
    entries: list[Entry] = []
    keys: set[tuple[str | None, str]] = set()
    charsets: list[str] = []
    match_entry = _ENTRY.match
    while position < len(text):
        match = match_entry(text, position)
        if match is None:
            raise NotUnderstood
        (translator, extracted, references, flags, context, msgid, msgstr, forms,
         old_context, old_msgid, old_forms) = match.groups()
        obsolete = msgid is None
        if obsolete:
            context, msgid = _old_string(old_context), _old_string(old_msgid)
        else:
            context, msgid = _string(context), _string(msgid)
        forms = forms or old_forms
        if forms:
            numbers = _FORM.findall(forms)
            if numbers != list("0123456789")[:len(numbers)]:
                raise NotUnderstood   # msgstr[N] not numbered 0, 1, 2…, which load_catalog refuses
        if not msgid and context is not None:
            raise NotUnderstood   # polib may take it for the header; load_catalog tells
        key = (context, msgid)   # obsolete or not, as msgfmt sees duplicates
        first_entry = not keys   # polib gives it line 0, and the file's leading translator comments to the file
        if key in keys:
            raise NotUnderstood   # a duplicate, which load_catalog names
        keys.add(key)
        if not msgid and not obsolete:
            charsets += _CHARSET.findall(_string(msgstr) or "")   # a header (polib takes one of them)
        elif not obsolete:
            start = 0 if first_entry else line   # where _msgid_line starts looking for the msgid line
            msgid_line = line + text.count("\n", position, match.start("msgid"))
            if msgid_line > start + _MSGID_SEARCH_LINES:
                raise NotUnderstood   # _msgid_line would give the start line instead
            comments = extracted.replace("\n#. ", "\n") if extracted else ""
            entries.append(Entry(
                path=shown, line=msgid_line, source=msgid, target=_string(msgstr) or "",
                fuzzy=bool(flags) and "fuzzy" in [flag.strip() for flag in flags.replace("\n#, ", ",").split(",")],
                roles=tuple(roles_in(comments)),
                markers=tuple(note.number for note in markers_in(comments)),
                comment=_translator_comment(translator) if translator and not first_entry else "",
                occurrences=tuple(map(_occurrence, references.replace("\n#: ", " ").split())) if references else (),
                index=len(entries)))
        line += text.count("\n", position, match.end())
        position = match.end()
    if any(charset.upper() not in ("UTF-8", "UTF8") for charset in charsets):
        raise NotUnderstood   # load_catalog reads UTF-8 anyway; polib alone decides what such a file holds
    return entries


def _string(quoted: str | None) -> str | None:
    """A string from its lines as matched (from after the first opening quote), unescaped as polib does."""
    if quoted is None:
        return None
    escaped = quoted[:-1]
    if '"' not in escaped and "\\" not in escaped:
        return escaped   # one line without escapes: most strings
    lines = escaped.split('"\n"')
    for line in lines:
        unpaired = line.replace("\\\\", "")   # what is left of each run of backslashes escapes the next character
        if unpaired.count('"') != unpaired.count('\\"') or _BAD_ESCAPE.search(unpaired):
            raise NotUnderstood   # polib would refuse the line or read it differently, or gettext refuses it
    escaped = "".join(lines)
    return polib.unescape(escaped) if "\\" in escaped else escaped


def _old_string(quoted: str | None) -> str | None:
    """The same for an obsolete entry, whose continuation lines are ``#~ "..."``."""
    return None if quoted is None else _string(quoted.replace('"\n#~ "', '"\n"'))


def _translator_comment(lines: str) -> str:
    """polib's translator comment: each line without its '#'s and one space, joined from the first non-empty."""
    texts = [line.strip().lstrip("#") for line in lines.split("\n")[:-1]]
    return "\n".join(text[1:] if text[:1] == " " else text for text in texts).lstrip("\n")


def _occurrence(reference: str) -> tuple[str, str]:
    """``file:line`` split the way polib splits it: no line number unless the part after the last ':' is digits."""
    name, colon, line = reference.rpartition(":")
    return (name, line) if colon and line.isdigit() else (reference, "")


# --- The polib path: any catalog, and every file the fast path does not understand


def catalog_entries(catalog: polib.POFile, shown: str) -> list[Entry]:
    """The entries of a catalog read from ``catalog.fpath``, ready to check."""
    lines = Path(catalog.fpath).read_text(encoding="utf-8-sig").split("\n")
    live = [item for item in catalog if not item.obsolete and item.msgid]
    return [_entry(item, index, shown, lines) for index, item in enumerate(live)]


def _entry(item: polib.POEntry, index: int, shown: str, lines: list[str]) -> Entry:
    return Entry(
        path=shown, line=_msgid_line(item.linenum, lines), source=item.msgid, target=item.msgstr,
        fuzzy="fuzzy" in item.flags, roles=tuple(roles_in(item.comment)),
        markers=tuple(note.number for note in markers_in(item.comment)), comment=item.tcomment or "",
        occurrences=tuple(item.occurrences), index=index)


def _msgid_line(start: int, lines: list[str]) -> int:
    """polib gives the line where the entry starts (its comments); people want the msgid line."""
    for number in range(max(start - 1, 0), min(len(lines), start + _MSGID_SEARCH_LINES)):
        if lines[number].startswith("msgid "):
            return number + 1
    return start
