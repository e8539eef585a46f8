"""Reports of a check run: text, JSON, SARIF, JUnit XML, XLSX and HTML.

One module per format; :func:`render` picks one. Renderers return bytes and
never write files (the command line writes them atomically). The same result
always gives the same bytes.
"""

from __future__ import annotations

from ..checks.model import Result
from ..errors import YakugoError
from .html import render_html
from .jsonreport import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text import render_text

FORMATS = ("text", "json", "sarif", "junit", "xlsx", "html")
BINARY_FORMATS = frozenset({"xlsx"})  # not for a terminal


def render(result: Result, fmt: str, *, color: bool = False, tool_version: str) -> bytes:
    """The report of ``result`` in format ``fmt`` (one of FORMATS); ``color`` applies to text only."""
    if fmt == "text":
        text = render_text(result, color=color)
    elif fmt == "json":
        text = render_json(result)
    elif fmt == "sarif":
        text = render_sarif(result, tool_version=tool_version)
    elif fmt == "junit":
        return render_junit(result)
    elif fmt == "xlsx":
        from .xlsx import render_xlsx  # openpyxl takes a third of a second to import: only when asked
        return render_xlsx(result, tool_version=tool_version)
    elif fmt == "html":
        return render_html(result, tool_version=tool_version)
    else:
        raise YakugoError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    # A lone surrogate can only sit inside a JSON string, where \\udXXX is its proper escape.
    return text.encode("utf-8", "backslashreplace")
