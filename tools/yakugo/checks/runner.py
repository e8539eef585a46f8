"""Running the checks over PO files: entries in, findings (active and suppressed) out.

Each check family lives in its own module; this one decides which checks run,
applies severities, suppression comments and project-wide ignores, and counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..config import Config
from ..glossary.model import Glossary
from . import consistency, numbers, text
from .model import CHECKS, Entry, Finding, Problem, Result, Summary
from .status import check_status
from .suppress import suppressions
from .terms import TermChecker

EntryCheck = Callable[[Entry], Iterable[Problem]]
CatalogCheck = Callable[[Sequence[Entry]], Iterable[tuple[Entry, Problem]]]

PROJECT_IGNORE_REASON = "ignored project-wide in [tool.yakugo.check]"
PROGRESS_STEP = 1000   # entries between progress reports


@dataclass(frozen=True)
class Options:
    """Which checks run and how they are reported."""

    select: frozenset[str] = frozenset(CHECKS)
    severity: dict[str, str] = field(default_factory=dict)   # overrides of the default severities
    project_ignore: frozenset[str] = frozenset()              # silenced everywhere, but counted

    @classmethod
    def of_project(cls, config: Config, select: frozenset[str] = frozenset(CHECKS)) -> Options:
        """The options ``[tool.yakugo.check]`` sets, running the checks in ``select``."""
        return cls(select=select, severity=dict(config.check_severity), project_ignore=frozenset(config.check_ignore))

    def severity_of(self, check: str) -> str:
        return self.severity.get(check, CHECKS[check].severity)


class Checker:
    """The checks chosen by ``options``, ready to run over the entries of any number of files."""

    def __init__(self, glossary: Glossary | None, options: Options = Options()):
        self.options = options
        terms = TermChecker(glossary) if glossary is not None and len(glossary) else None
        self.terms = terms
        wanted: list[tuple[tuple[str, ...], EntryCheck | None]] = [
            (("untranslated", "fuzzy"), check_status),
            (("source-text-in-target", "bracket-mismatch", "double-space", "end-punctuation"), text.check_text),
            (("number-mismatch", "era-year-mismatch", "latin-token-missing", "crossref-mismatch"),
             numbers.check_numbers),
            (("term-missing", "term-forbidden"), terms.check if terms else None),
        ]
        self.entry_checks = [check for ids, check in wanted if check and options.select.intersection(ids)]
        catalog_wanted: list[tuple[tuple[str, ...], CatalogCheck | None]] = [
            (("inconsistent-translation", "inconsistent-source"), consistency.check_consistency),
            (("abbreviation-first-use",), terms.first_use if terms else None),
        ]
        self.catalog_checks = [check for ids, check in catalog_wanted
                               if check and options.select.intersection(ids)]

    def run(self, files: Sequence[Sequence[Entry]], progress: Callable[[int], None] | None = None) -> Result:
        """Check every entry of ``files`` (each a list of one PO file's entries, in file order)."""
        raw: dict[int, list[Problem]] = {}
        everything: list[Entry] = []
        for entries in files:
            for number, entry in enumerate(entries, 1):
                if progress and number % PROGRESS_STEP == 0:
                    progress(PROGRESS_STEP)
                everything.append(entry)
                found = raw.setdefault(id(entry), [])
                if entry.target:
                    for check in self.entry_checks:
                        found.extend(check(entry))
                    if self.terms and any(p.check == "latin-token-missing" for p in found):
                        found[:] = self._without_rendered_tokens(entry, found)
                else:   # nothing to compare yet; the source's own era-year conflicts are still worth knowing
                    found.extend(check_status(entry))
                    found.extend(numbers.check_numbers(entry))
            if progress:
                progress(len(entries) % PROGRESS_STEP)
        for check in self.catalog_checks:
            for entry, problem in check(everything):
                raw[id(entry)].append(problem)
        result = self._findings(everything, raw, len(files))
        result.files = list(dict.fromkeys(entries[0].path for entries in files if entries))
        return result

    def _without_rendered_tokens(self, entry: Entry, found: list[Problem]) -> list[Problem]:
        """Drop missing Latin tokens that belong to a glossary term the translation renders.

        CDPWG共同声明 may rightly become "Joint Statement of the Cyber Defense
        Policy Working Group": the glossary, not the token, decides.
        """
        unsatisfied = {p.concept for p in found if p.check in ("term-missing", "term-forbidden")}
        rendered = [(m.start, m.end) for m in self.terms.source_terms.find(entry.source)
                    if m.concept.id not in unsatisfied]
        return [p for p in found if p.check != "latin-token-missing" or p.source_span is None
                or not any(start <= p.source_span[0] and p.source_span[1] <= end for start, end in rendered)]

    def _findings(self, entries: list[Entry], raw: dict[int, list[Problem]], file_count: int) -> Result:
        options = self.options
        active: list[Finding] = []
        silenced: list[Finding] = []
        for entry in entries:
            comments = suppressions(entry.comment)
            used: set[str] = set()
            problems = [p for p in raw[id(entry)] if p.check in options.select]
            for problem in problems:
                reason = next((s.reason for s in comments if problem.check in s.checks and s.reason), None)
                where = "source" if reason is not None else None
                if reason is not None:
                    used.add(problem.check)
                elif problem.check in options.project_ignore:
                    reason, where = PROJECT_IGNORE_REASON, "project"
                finding = _finding(entry, problem, options.severity_of(problem.check), reason, where)
                (active if reason is None else silenced).append(finding)
            for comment in comments:
                for message in comment.problems:
                    active.append(_finding(entry, Problem("invalid-suppression", f"{message}: {comment.text!r}"),
                                           options.severity_of("invalid-suppression"), None))
                unused = [c for c in comment.checks if c in CHECKS and c in options.select and c not in used]
                if unused and comment.reason:
                    active.append(_finding(entry, Problem(
                        "unused-suppression", f"nothing to ignore for {', '.join(unused)}; remove {comment.text!r}"),
                        options.severity_of("unused-suppression"), None))
        active = [f for f in active if f.check in options.select]
        summary = Summary(files=file_count, entries=len(entries),
                          errors=sum(f.severity == "error" for f in active),
                          warnings=sum(f.severity == "warning" for f in active), suppressed=len(silenced))
        for finding in active:
            summary.by_check[finding.check] = summary.by_check.get(finding.check, 0) + 1
        return Result(active, silenced, summary)


def _finding(entry: Entry, problem: Problem, severity: str, suppressed: str | None,
             suppressed_in: str | None = None) -> Finding:
    return Finding(path=entry.path, line=entry.line, msgid=entry.source, msgstr=entry.target,
                   check=problem.check, severity=severity, message=problem.message,
                   source_span=problem.source_span, target_span=problem.target_span, concept=problem.concept,
                   term=problem.term, renderings=problem.renderings, suppressed=suppressed,
                   suppressed_in=suppressed_in)
