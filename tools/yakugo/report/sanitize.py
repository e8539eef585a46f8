"""Make arbitrary text safe to show: on one terminal line, and inside XML and HTML documents.

Control characters come from the PO files (a translator's stray tab or escape
code); they are shown as visible escapes such as ``\\x1b`` rather than dropped,
so a reviewer can see and fix them.
"""

from __future__ import annotations

import re

# C0 controls except tab and LF; DEL; C1 controls; the non-characters XML forbids; lone surrogates.
# CR is allowed in XML but HTML parsers turn it into LF: shown, so every format shows the same text.
_NOT_FOR_XML = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Everything that could break a line or reach the terminal as an escape sequence.
_NOT_FOR_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def xml_safe(text: str) -> str:
    """``text`` with every character that XML 1.0 or HTML forbids, and CR, shown as an escape; tab and LF kept."""
    return _NOT_FOR_XML.sub(_visible, text)


def one_line(text: str) -> str:
    """``text`` with line breaks, tabs and every control character shown as escapes."""
    return _NOT_FOR_ONE_LINE.sub(_visible, text)
