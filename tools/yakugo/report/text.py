"""The text report: one GNU-style line per finding, ``path:line: severity: message [check-id]``, then a summary."""

from __future__ import annotations

from ..checks.model import ERROR, WARNING, Finding, Result, Summary
from .sanitize import one_line

_RESET = "\x1b[0m"
_DIM = "\x1b[2m"
# GCC's colours: bold red errors, bold magenta warnings.
_SEVERITY_COLORS = {ERROR: "\x1b[1;31m", WARNING: "\x1b[1;35m"}


def render_text(result: Result, *, color: bool = False) -> str:
    """Every active finding on its own line, then the summary line; suppressed findings are only counted."""
    lines = [finding_line(finding, color=color) for finding in result.findings]
    lines.append(summary_line(result.summary))
    return "\n".join(lines) + "\n"


def finding_line(finding: Finding, *, color: bool = False) -> str:
    """``path:line: severity: message [check-id]``; control characters in the text shown as escapes."""
    severity, check = finding.severity, f"[{finding.check}]"
    if color:
        severity = f"{_SEVERITY_COLORS.get(finding.severity, '')}{severity}{_RESET}"
        check = f"{_DIM}{check}{_RESET}"
    return f"{one_line(finding.path)}:{finding.line}: {severity}: {one_line(finding.message)} {check}"


def summary_line(summary: Summary) -> str:
    """For example: ``2 errors, 1 warning, 1 suppressed; checked 1 file, 125 entries``."""
    return (f"{_count(summary.errors, 'error')}, {_count(summary.warnings, 'warning')}, "
            f"{summary.suppressed} suppressed; checked {_count(summary.files, 'file')}, "
            f"{_count(summary.entries, 'entry', 'entries')}")


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
