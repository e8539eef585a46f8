"""The SARIF 2.1.0 report, for code-scanning UIs such as GitHub's.

Every check id is a rule; every finding is a result placed at its PO file and
line. Suppressed findings are included with their reason, as the format
intends, so a code-scanning UI shows them as dismissed rather than fixed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from ..checks.model import CHECKS, Finding, Result

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "yakugoFinding/v1"
_RULE_INDEX = {check_id: index for index, check_id in enumerate(CHECKS)}
# Finding fields that the result's own properties already carry.
_PLACED_FIELDS = ("path", "line", "check", "severity", "message", "suppressed")


def render_sarif(result: Result, *, tool_version: str) -> str:
    """The log with one result per line: readable, small diffs, and the fast (C) JSON encoder."""
    fingerprints = _Fingerprints()
    results = [_compact(_result(finding, fingerprints.next(finding)))
               for finding in [*result.findings, *result.suppressed]]
    tool = {"driver": {"name": "yakugo", "version": tool_version, "rules": _rules()}}
    return (f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [\n'
            f'{{"tool": {_compact(tool)},\n'
            f'"results": [' + ("\n" + ",\n".join(results) + "\n" if results else "") + ']}\n'
            ']}\n')


def _compact(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def _rules() -> list[dict[str, Any]]:
    return [{"id": check.id, "shortDescription": {"text": check.summary},
             "defaultConfiguration": {"level": check.severity}} for check in CHECKS.values()]


def _result(finding: Finding, fingerprint: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.path)}}
    if finding.line >= 1:
        physical["region"] = {"startLine": finding.line}
    sarif_result: dict[str, Any] = {"ruleId": finding.check}
    if finding.check in _RULE_INDEX:
        sarif_result["ruleIndex"] = _RULE_INDEX[finding.check]
    sarif_result.update({
        "level": finding.severity,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {key: value for key, value in finding.as_dict().items() if key not in _PLACED_FIELDS},
    })
    if finding.suppressed is not None:
        kind = "external" if finding.suppressed_in == "project" else "inSource"
        sarif_result["suppressions"] = [{"kind": kind, "justification": finding.suppressed}]
    return sarif_result


def artifact_uri(path: str) -> str:
    """A relative URI reference for a relative path (percent-encoded), a file: URI for an absolute one."""
    if PureWindowsPath(path).is_absolute():
        return PureWindowsPath(path).as_uri()
    if PurePosixPath(path).is_absolute():
        return PurePosixPath(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/")


class _Fingerprints:
    """Stable ids that let code scanning follow a finding when lines move: nothing of the position goes in.

    The hash covers the check, the sentence and the term; a count tells apart
    findings that share all three in one file, as GitHub's own line hashes do.
    """

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], int] = {}

    def next(self, finding: Finding) -> str:
        identity = "\0".join((finding.check, finding.msgid, finding.concept or "", finding.term or ""))
        digest = hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        count = self.seen.get((finding.path, digest), 0) + 1
        self.seen[(finding.path, digest)] = count
        return f"{digest}:{count}"
