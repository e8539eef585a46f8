"""The JSON report: ``{"findings": [...], "suppressed": [...], "summary": {...}}``, UTF-8 left unescaped.

One finding per line: the file stays readable and greppable, diffs stay
small, and the compact encoder is the C one (indented output is encoded in
pure Python, several times slower on a large project).
"""

from __future__ import annotations

import json
from typing import Any

from ..checks.model import Finding, Result


def render_json(result: Result) -> str:
    """Keys in the fixed order of :meth:`Finding.as_dict` and :meth:`Summary.as_dict`."""
    return (f'{{"findings": {_one_per_line(result.findings)},\n'
            f'"suppressed": {_one_per_line(result.suppressed)},\n'
            f'"summary": {_compact(result.summary.as_dict())}}}\n')


def _one_per_line(findings: list[Finding]) -> str:
    if not findings:
        return "[]"
    return "[\n" + ",\n".join(_compact(finding.as_dict()) for finding in findings) + "\n]"


def _compact(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
