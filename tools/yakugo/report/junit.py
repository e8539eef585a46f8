"""The JUnit XML report, for CI dashboards (Jenkins, GitLab, Azure DevOps, GitHub test reporters).

One ``testsuite`` per PO file and one ``testcase`` per entry with findings:
the entry is what a translator fixes, so a dashboard lists one row per
sentence to fix, however many problems it has, and a row keeps its name
while some of its problems are fixed. A checked file with entries but no
findings gets one passing ``testcase`` (as ESLint's JUnit report does), so a
dashboard shows that it was checked. Errors make the test case fail (one
``failure`` listing them all); warnings leave it passing and are listed in
its ``system-out``. Suppressed findings are left out: they need no action.
Times are 0 and no timestamp or host is written, so the same result gives
the same bytes.
"""

from __future__ import annotations

import re

from lxml import etree

from ..checks.model import ERROR, Finding, Result
from .sanitize import one_line, xml_safe
from .text import finding_line

NAME_LENGTH = 80  # characters of the sentence in a test case name


def render_junit(result: Result) -> bytes:
    root = etree.Element("testsuites", name="yakugo check")
    by_file = _entries_by_file(result.findings)
    for path in dict.fromkeys([*result.files, *by_file]):
        suite = etree.SubElement(root, "testsuite", name=xml_safe(path))
        for findings in by_file.get(path, {}).values():
            _testcase(suite, path, findings)
        if path not in by_file:
            etree.SubElement(suite, "testcase", name="no findings", classname=xml_safe(_classname(path)),
                             file=xml_safe(path), time="0")
        cases = suite.findall("testcase")
        _counts(suite, len(cases), sum(case.find("failure") is not None for case in cases))
    _counts(root, sum(int(suite.get("tests")) for suite in root),
            sum(int(suite.get("failures")) for suite in root))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _entries_by_file(findings: list[Finding]) -> dict[str, dict[int, list[Finding]]]:
    """Findings grouped by file, then by entry (its line), in the order they come."""
    files: dict[str, dict[int, list[Finding]]] = {}
    for finding in findings:
        files.setdefault(finding.path, {}).setdefault(finding.line, []).append(finding)
    return files


def _testcase(suite: etree._Element, path: str, findings: list[Finding]) -> None:
    first = findings[0]
    case = etree.SubElement(suite, "testcase", name=xml_safe(f"line {first.line}: {_shortened(first.msgid)}"),
                            classname=xml_safe(_classname(path)), file=xml_safe(path), line=str(first.line),
                            time="0")
    errors = [f for f in findings if f.severity == ERROR]
    others = [f for f in findings if f.severity != ERROR]
    if errors:
        failure = etree.SubElement(case, "failure", message=one_line("; ".join(f.message for f in errors)),
                                   type=" ".join(dict.fromkeys(f.check for f in errors)))
        lines = [finding_line(f) for f in errors]
        failure.text = xml_safe("\n".join([*lines, f"msgid: {first.msgid}", f"msgstr: {first.msgstr}"]))
    if others:
        etree.SubElement(case, "system-out").text = "\n".join(finding_line(f) for f in others)


def _counts(element: etree._Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    if element.tag == "testsuite":
        element.set("skipped", "0")
    element.set("time", "0")


def _classname(path: str) -> str:
    """``translations/en/doc.po`` as ``translations.en.doc``: Jenkins shows package translations.en, class doc."""
    stem = path[:-len(".po")] if path.endswith(".po") else path
    return ".".join(part for part in re.split(r"[\\/]+", stem) if part)


def _shortened(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= NAME_LENGTH else flat[:NAME_LENGTH - 1] + "…"
