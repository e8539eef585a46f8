"""What the checker works with: the checks and their ids, the entries under check, and findings.

A check is a small function in the style of babel's checkers. An *entry
check* is given one :class:`Entry` and returns or yields :class:`Problem`
objects (checks that need the glossary are methods of an object built from it); a *catalog check* is given every entry of the run, in
file and document order, because it compares entries (consistency, first use
of an acronym). The runner turns problems into :class:`Finding` objects with
the path, line and configured severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)


@dataclass(frozen=True)
class Check:
    """One check id, its default severity and a one-line description (shown in --help, SARIF rules)."""

    id: str
    severity: str
    summary: str


# The ids are fixed: other tools, suppression comments and CI configurations rely on them.
CHECKS: dict[str, Check] = {check.id: check for check in [
    Check("term-missing", ERROR, "A glossary term of the source has none of its accepted renderings in the translation."),
    Check("term-forbidden", ERROR, "The translation uses a rendering the glossary forbids."),
    Check("number-mismatch", ERROR, "Numbers, years, months or designators differ between source and translation."),
    Check("era-year-mismatch", ERROR, "An era year and the Western year given with it disagree in the source."),
    Check("source-text-in-target", ERROR, "Kana, kanji or CJK punctuation is left in the translation."),
    Check("untranslated", WARNING, "The entry has no translation."),
    Check("fuzzy", WARNING, "The translation is marked fuzzy and needs review."),
    Check("inconsistent-translation", WARNING, "The same source sentence is translated differently."),
    Check("inconsistent-source", WARNING, "Different source sentences share one translation."),
    Check("abbreviation-first-use", WARNING,
          "The first use of an acronym in a document is not written as 'Full Form (ABBR)'."),
    Check("latin-token-missing", ERROR,
          "A Latin-script token of the source (ACM, F/A-18, SM-3) is missing from the translation."),
    Check("crossref-mismatch", ERROR, "A figure or section reference differs between source and translation."),
    Check("bracket-mismatch", WARNING, "Brackets or quotation marks are unbalanced in the translation."),
    Check("double-space", WARNING, "The translation contains two spaces in a row, or whitespace at its start or end."),
    Check("end-punctuation", WARNING, "The translation does not end like the source (sentence stop, none for headings)."),
    Check("invalid-suppression", WARNING,
          "A '# yakugo: ignore' comment names an unknown check id or gives no reason after ' -- '."),
    Check("unused-suppression", WARNING, "A '# yakugo: ignore' comment silences nothing (the problem was fixed)."),
]}


@dataclass(frozen=True)
class Entry:
    """One PO entry under check, with what extraction recorded about it."""

    path: str                 # the PO file, as shown to the user (relative to the project root)
    line: int                 # line of the entry in the PO file
    source: str               # msgid
    target: str               # msgstr ('' when untranslated)
    fuzzy: bool = False
    roles: tuple[str, ...] = ()          # block roles: heading, body, caption, figure, cross-reference, footnote
    markers: tuple[int, ...] = ()        # footnote marker numbers recorded in the source (not numbers of the text)
    comment: str = ""                    # translator comment (where suppressions live)
    occurrences: tuple[tuple[str, str], ...] = ()   # (source file, line) references
    index: int = 0                        # position of the entry in its file


@dataclass(frozen=True)
class Problem:
    """What a check reports about one entry; spans index ``entry.source`` / ``entry.target``."""

    check: str
    message: str
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    concept: str | None = None          # term checks: the concept id
    term: str | None = None             # term checks: the source term as found
    renderings: tuple[str, ...] = ()    # term checks: the accepted renderings


@dataclass(frozen=True)
class Finding:
    """A problem placed in a file, with its severity; ``suppressed`` holds the reason when silenced."""

    path: str
    line: int
    msgid: str
    msgstr: str
    check: str
    severity: str
    message: str
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    concept: str | None = None
    term: str | None = None
    renderings: tuple[str, ...] = ()
    suppressed: str | None = None
    suppressed_in: str | None = None    # "source" (a comment in the PO file) or "project" ([tool.yakugo.check])

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: always path, line, msgid, check, severity and message; the rest when set."""
        data: dict[str, Any] = {"path": self.path, "line": self.line, "msgid": self.msgid, "msgstr": self.msgstr,
                                "check": self.check, "severity": self.severity, "message": self.message}
        if self.source_span:
            data["source_span"] = list(self.source_span)
        if self.target_span:
            data["target_span"] = list(self.target_span)
        if self.concept:
            data.update(concept=self.concept, term=self.term, renderings=list(self.renderings))
        if self.suppressed is not None:
            data.update(suppressed=self.suppressed, suppressed_in=self.suppressed_in)
        return data


@dataclass
class Summary:
    """Counts for the end of a report."""

    files: int = 0
    entries: int = 0
    errors: int = 0
    warnings: int = 0
    suppressed: int = 0
    by_check: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"files": self.files, "entries": self.entries, "errors": self.errors, "warnings": self.warnings,
                "suppressed": self.suppressed, "by_check": dict(sorted(self.by_check.items()))}


@dataclass
class Result:
    """Everything one check run found: active findings, suppressed ones, and the summary."""

    findings: list[Finding]
    suppressed: list[Finding]
    summary: Summary
    files: list[str] = field(default_factory=list)   # the checked files that have entries, as shown, in order
