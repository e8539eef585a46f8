"""Precision and recall of ``yakugo check`` on the seeded-error corpus.

The corpus (tests/data/check-corpus/, see its README.md) is the project's
reviewed translation with translator errors seeded by hand, plus a companion
document that repeats some of its sentences. ``seeded.json`` names every
seeded error (the entry and the check id that should catch it) and every
deliberately tricky correct variant (which no check should flag).

A finding is a true positive when a seeded error has the same entry and check
id; a *tolerated* finding is one that a seeded error may reasonably also
cause (a forbidden rendering also leaves the approved one missing) and is
counted on neither side; every other finding is a false alarm.

    precision = true positives / (true positives + false alarms)
    recall    = seeded errors found / seeded errors

    python bench/check_accuracy.py
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from yakugo.checks.model import CHECKS, Entry, Finding
from yakugo.checks.runner import Checker
from yakugo.glossary.exchange import load_any
from yakugo.glossary.model import Glossary
from yakugo.poreader import read_po_entries

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "check-corpus"
FILES = ("seeded.po", "companion.po")
GLOSSARY = REPO / "glossary" / "glossary.tbx"

Place = tuple[str, str]   # (corpus file, msgid)


@dataclass(frozen=True)
class SeededError:
    places: tuple[Place, ...]     # the entry, then any other entry where the finding may land instead
    check: str
    what: str
    tolerate: frozenset[str]


@dataclass(frozen=True)
class CorrectVariant:
    place: Place
    checks: frozenset[str]
    what: str


@dataclass
class Tally:
    seeded: int = 0
    found: int = 0
    true: int = 0
    false: int = 0
    tolerated: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.seeded if self.seeded else None

    @property
    def precision(self) -> float | None:
        return self.true / (self.true + self.false) if self.true + self.false else None


@dataclass
class Score:
    by_check: dict[str, Tally] = field(default_factory=dict)
    overall: Tally = field(default_factory=Tally)
    misses: list[SeededError] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    flagged_variants: list[tuple[CorrectVariant, Finding]] = field(default_factory=list)
    correct_variants: int = 0


def read_corpus(corpus: Path = CORPUS) -> dict[str, list[Entry]]:
    """The entries of each corpus file, keyed by file name (the path findings carry)."""
    return {name: read_po_entries(corpus / name, name) for name in FILES}


def read_expectations(entries: dict[str, list[Entry]], corpus: Path = CORPUS,
                      ) -> tuple[list[SeededError], list[CorrectVariant]]:
    data = json.loads((corpus / "seeded.json").read_text(encoding="utf-8"))

    def place(record: dict) -> Place:
        start = record["msgid_start"]
        exact = [e.source for e in entries[record["file"]] if e.source == start]  # a msgid may prefix another
        found = exact or [e.source for e in entries[record["file"]] if e.source.startswith(start)]
        if len(found) != 1:
            raise ValueError(f"{record['file']}: {len(found)} entries start with {record['msgid_start']!r}")
        return record["file"], found[0]

    errors = [SeededError(places=(place(r), *map(place, r.get("also_at", []))), check=r["check"], what=r["what"],
                          tolerate=frozenset(r.get("tolerate", ()))) for r in data["errors"]]
    variants = [CorrectVariant(place(r), frozenset(r["checks"]), r["what"]) for r in data["correct"]]
    named = {c for e in errors for c in {e.check, *e.tolerate}} | {c for v in variants for c in v.checks}
    if named - set(CHECKS):
        raise ValueError(f"unknown check ids in seeded.json: {sorted(named - set(CHECKS))}")
    return errors, variants


def run_checker(entries: dict[str, list[Entry]], glossary: Glossary) -> list[Finding]:
    """Every check, with its default settings, over the corpus files together (as `yakugo check A B` does)."""
    return Checker(glossary).run([entries[name] for name in FILES]).findings


def score(findings: list[Finding], errors: list[SeededError], variants: list[CorrectVariant]) -> Score:
    result = Score(by_check={check: Tally() for check in CHECKS}, correct_variants=len(variants))
    found: set[int] = set()
    for finding in findings:
        place = (finding.path, finding.msgid)
        matched = [i for i, e in enumerate(errors) if e.check == finding.check and place in e.places]
        tally = result.by_check[finding.check]
        if matched:
            found.update(matched)
            tally.true += 1
        elif any(finding.check in e.tolerate and place in e.places for e in errors):
            tally.tolerated += 1
        else:
            tally.false += 1
            result.false_alarms.append(finding)
            result.flagged_variants += [(v, finding) for v in variants
                                        if v.place == place and finding.check in v.checks]
    for i, error in enumerate(errors):
        tally = result.by_check[error.check]
        tally.seeded += 1
        if i in found:
            tally.found += 1
        else:
            result.misses.append(error)
    for tally in result.by_check.values():
        for name in ("seeded", "found", "true", "false", "tolerated"):
            setattr(result.overall, name, getattr(result.overall, name) + getattr(tally, name))
    return result


def measure(corpus: Path = CORPUS, glossary_path: Path = GLOSSARY) -> tuple[Score, dict[str, list[Entry]]]:
    """Run the checker on the corpus and score it against seeded.json."""
    entries = read_corpus(corpus)
    errors, variants = read_expectations(entries, corpus)
    return score(run_checker(entries, load_any(glossary_path)[0]), errors, variants), entries


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report(result: Score, entries: dict[str, list[Entry]]) -> str:
    line_of = {(name, e.source): e.line for name, items in entries.items() for e in items}
    header = (f"{'check':26} {'seeded':>6} {'found':>6} {'recall':>7} {'true':>6} {'false':>6} {'tolerated':>9} "
              f"{'precision':>9}")
    rows = [header]
    for check, tally in [*result.by_check.items(), ("overall", result.overall)]:
        if tally.seeded or tally.true or tally.false or tally.tolerated:
            rows.append(f"{check:26} {tally.seeded:6} {tally.found:6} {_ratio(tally.recall):>7} {tally.true:6} "
                        f"{tally.false:6} {tally.tolerated:9} {_ratio(tally.precision):>9}")
    rows.append("")
    rows.append(f"Misses ({len(result.misses)} seeded errors not found):")
    for error in result.misses:
        name, msgid = error.places[0]
        rows.append(f"  {name}:{line_of[(name, msgid)]}: {error.check}: {error.what}")
    rows.append(f"False alarms ({len(result.false_alarms)}):")
    for finding in result.false_alarms:
        rows.append(f"  {finding.path}:{finding.line}: {finding.check}: {finding.message}")
    rows.append(f"Tricky correct variants flagged: {len({id(v) for v, _ in result.flagged_variants})} "
                f"of {result.correct_variants}")
    for variant, finding in result.flagged_variants:
        rows.append(f"  {finding.path}:{finding.line}: {finding.check}: {variant.what}")
    return "\n".join(rows)


def main() -> None:
    result, entries = measure()
    print(f"yakugo check on the seeded-error corpus ({CORPUS.relative_to(REPO)}), glossary "
          f"{GLOSSARY.relative_to(REPO)}: {result.overall.seeded} seeded errors, "
          f"{result.correct_variants} tricky correct variants")
    print(report(result, entries))


if __name__ == "__main__":
    main()
