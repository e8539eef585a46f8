"""Benchmark of ``yakugo extract`` and ``yakugo update`` against polib's own load+save.

    /tmp/venv/bin/python bench/bench_update.py [--sizes 10000 100000] [--repeat N]
        [--seed S] [--glossary glossary/glossary.tbx] [--profile] [--keep]

For each size: a synthetic source (bench/corpus.py) in a temporary project
(pyproject.toml with [tool.yakugo], source_ja/); extract, timed; update to
create the PO; every msgstr filled with a fake English translation and saved;
the baseline, polib.pofile(po, wrapwidth=0) + .save() of that PO, timed; 5%
of the sentences edited in place; extract again and update, both timed with
the previous POT / PO restored before each repeat. Every timing is the best
of N runs (more for short runs, so that one unlucky run on a shared machine
does not decide a scaling ratio); CPU time is shown beside wall time.

The merge is checked: no non-empty msgstr lost (each old one is in an active
or obsolete entry), unchanged sentences keep their translation, each fuzzy
entry carries the translation of its ``#| msgid``, the report matches the
file, and the edited sentences came out fuzzy with their own old translation.

Goals: update ≤ 3× polib load+save at the largest size, and 10× the sentences
costs ≤ 12× the time (checked for update; extract and polib shown beside it).
``--glossary`` puts a TBX in the projects, so that update also writes term
hints; ``--profile`` prints a cProfile of one update at the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import random
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import edit_source_log, generate_source  # noqa: E402

import yakugo  # noqa: E402

from yakugo.catalog import load_catalog  # noqa: E402
from yakugo.config import load_config  # noqa: E402
from yakugo.project import extract, update  # noqa: E402

RATIO_GOAL = 3.0
SCALING_GOAL = 12.0
EDIT_FRACTION = 0.05
SOURCE_NAME = "bench.txt"

PYPROJECT = """\
[project]
name = "yakugo-bench"
version = "0"

[tool.yakugo]
source = "source_ja"
translations = "translations"
languages = ["en"]
"""

_WORDS = (
    "the alliance Japan United States forces Self-Defense cooperation bilateral training exercise "
    "security defense policy mechanism coordination information sharing joint operations deterrence "
    "response capability regional stability maritime ballistic missile guidelines government "
    "ministry framework agreement logistics support equipment technology research exchange "
    "personnel disaster relief peace and of in for with to by through as a an further enhance "
    "strengthen promote conduct carried out established continue ensure seamless posture "
    "interoperability surveillance reconnaissance space cyber domain partners multilateral"
).split()


def fake_translation(msgid: str) -> str:
    """A deterministic English-looking translation, about as long as a real one."""
    rng = random.Random(zlib.crc32(msgid.encode("utf-8")))
    count = max(2, round(len(msgid) * 0.38))
    words = [rng.choice(_WORDS) for _ in range(count)]
    words[0] = words[0].capitalize()
    end = "." if msgid.endswith("。") else ""
    return " ".join(words) + end


@dataclass
class Timing:
    """Best wall-clock and best CPU (process) time over the repeats, in seconds."""

    wall: float = float("inf")
    cpu: float = float("inf")


@dataclass
class Result:
    size: int
    sentences: int = 0
    entries: int = 0
    edits: int = 0
    extract_new: Timing = field(default_factory=Timing)
    extract_edit: Timing = field(default_factory=Timing)
    create: Timing = field(default_factory=Timing)
    baseline: Timing = field(default_factory=Timing)
    baseline_load: float = 0.0
    baseline_save: float = 0.0
    update: Timing = field(default_factory=Timing)
    report: str = ""
    checks: list[str] = field(default_factory=list)
    ok: bool = True


def best_of(repeat: int, setup, action, min_seconds: float = 3.0, max_runs: int = 10) -> tuple[Timing, object]:
    """The best times of ``action()`` over at least ``repeat`` runs, each after ``setup()``.

    Short actions are repeated until ``min_seconds`` have been spent (at most
    ``max_runs`` times): on a shared machine one unlucky run of a short action
    would otherwise skew the scaling ratios. CPU time is reported beside wall
    time: it is the steadier of the two.
    """
    best, value, spent, runs = Timing(), None, 0.0, 0
    while runs < repeat or (spent < min_seconds and runs < max_runs):
        setup()
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        value = action()
        elapsed = time.perf_counter() - start
        best.wall = min(best.wall, elapsed)
        best.cpu = min(best.cpu, time.process_time() - start_cpu)
        spent += elapsed
        runs += 1
    return best, value


def make_project(root: Path, text: str) -> None:
    (root / "source_ja").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "source_ja" / SOURCE_NAME).write_text(text, encoding="utf-8")


def run_size(size: int, repeat: int, seed: int, workdir: Path, profile: bool,
             glossary: Path | None = None) -> Result:
    result = Result(size)
    root = workdir / f"project-{size}"
    text = generate_source(size, seed)
    make_project(root, text)
    if glossary is not None:   # update then also writes 用語: term hints
        (root / "glossary").mkdir()
        shutil.copyfile(glossary, root / "glossary" / "glossary.tbx")
    config = load_config(root)
    source = root / "source_ja" / SOURCE_NAME
    pot = config.templates / f"{Path(SOURCE_NAME).stem}.pot"
    po = config.language_dir("en") / f"{Path(SOURCE_NAME).stem}.po"

    # Extract from scratch (no template yet).
    result.extract_new, _ = best_of(repeat, lambda: pot.unlink(missing_ok=True), lambda: extract(config))
    result.entries = len(load_catalog(pot))

    # Create the PO, then translate every entry and save it the way a PO editor would.
    result.create, _ = best_of(1, lambda: None, lambda: update(config), min_seconds=0)
    catalog = load_catalog(po)
    for entry in catalog:
        entry.msgstr = fake_translation(entry.msgid)
    catalog.wrapwidth = 0
    catalog.save(str(po))
    del catalog   # nothing big stays alive during the timings (the cyclic GC would walk it)
    po_before = po.read_bytes()
    pot_before = pot.read_bytes()

    # Baseline: polib's own load + save of that PO.
    baseline = workdir / f"baseline-{size}.po"
    baseline.write_bytes(po_before)
    loads, saves = [], []

    def polib_round_trip():
        start = time.perf_counter()
        loaded = polib.pofile(str(baseline), wrapwidth=0)
        middle = time.perf_counter()
        loaded.save()
        loads.append(middle - start)
        saves.append(time.perf_counter() - middle)

    result.baseline, _ = best_of(repeat, lambda: None, polib_round_trip)
    result.baseline_load, result.baseline_save = min(loads), min(saves)
    if baseline.read_bytes() != po_before:
        result.checks.append("note: polib's save does not reproduce yakugo's PO byte for byte")

    # Edit 5% of the sentences, extract again (from the previous template), update (from the translated PO).
    edited, edits = edit_source_log(text, EDIT_FRACTION, seed + 1)
    result.edits = len(edits)
    source.write_text(edited, encoding="utf-8")
    result.extract_edit, _ = best_of(repeat, lambda: pot.write_bytes(pot_before), lambda: extract(config))

    result.update, outcomes = best_of(repeat, lambda: po.write_bytes(po_before), lambda: update(config))
    result.report = outcomes[0].detail
    po_after = po.read_bytes()
    new_template = load_catalog(pot)
    result.sentences = sum(len(e.occurrences) for e in new_template)

    if profile:
        po.write_bytes(po_before)
        profiler = cProfile.Profile()
        gc.collect()
        profiler.enable()
        update(config)
        profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(20)
        print(f"\n--- cProfile of update at {size} sentences ---\n{stream.getvalue()}")
        po.write_bytes(po_after)

    verify(result, polib.pofile(po_before.decode("utf-8"), wrapwidth=0),
           polib.pofile(po_after.decode("utf-8"), wrapwidth=0), new_template, edits)
    return result


def verify(result: Result, old: polib.POFile, new: polib.POFile, template: polib.POFile, edits) -> None:
    """No translation lost; kept entries unchanged; fuzzy entries carry their earlier sentence's translation."""
    def fail(message: str) -> None:
        result.ok = False
        result.checks.append("FAIL: " + message)

    old_by_id = {e.msgid: e for e in old if not e.obsolete}
    active = [e for e in new if not e.obsolete]
    obsolete = [e for e in new if e.obsolete]

    lost = Counter(e.msgstr for e in old if e.msgstr) - Counter(e.msgstr for e in new if e.msgstr)
    if lost:
        fail(f"{sum(lost.values())} non-empty msgstr of the old PO are in no entry of the new one")
    if [e.msgid for e in active] != [e.msgid for e in template]:
        fail("the active entries are not the template's entries in template order")
    changed = [e.msgid for e in active if e.msgid in old_by_id and "fuzzy" not in e.flags
               and e.msgstr != old_by_id[e.msgid].msgstr]
    if changed:
        fail(f"{len(changed)} unchanged sentences lost or changed their translation")
    fuzzy = [e for e in active if "fuzzy" in e.flags]
    wrong = [e for e in fuzzy if e.previous_msgid not in old_by_id
             or old_by_id[e.previous_msgid].msgstr != e.msgstr]
    if wrong:
        fail(f"{len(wrong)} fuzzy entries whose msgstr is not the translation of their #| msgid")
    counts = Counter("fuzzy" if "fuzzy" in e.flags else "new" if not e.msgstr else "kept" for e in active)
    report = dict(part.split(" ")[::-1] for part in result.report.split(", "))
    expected = {"kept": counts["kept"], "fuzzy": counts["fuzzy"], "new": counts["new"],
                "obsolete": len(obsolete)}
    if any(int(report.get(k, 0)) != v for k, v in expected.items()):
        fail(f"report {result.report!r} does not match the file {expected}")

    # The edited sentences: did each come out fuzzy with its own earlier translation?
    template_ids = {e.msgid for e in template}
    by_id = {e.msgid: e for e in active}
    changes = [e for e in edits if e.kind not in ("add", "delete")
               and e.old in old_by_id and e.old not in template_ids and e.new not in old_by_id]
    own = sum(1 for e in changes if e.new in by_id and by_id[e.new].previous_msgid == e.old)
    other = sum(1 for e in changes if e.new in by_id and "fuzzy" in by_id[e.new].flags
                and by_id[e.new].previous_msgid != e.old)
    untranslated = sum(1 for e in changes if e.new in by_id and not by_id[e.new].msgstr)
    kinds = Counter(e.kind for e in edits)
    result.checks.append(
        f"edits: {dict(kinds)}; of {len(changes)} changed sentences (unique before and after): "
        f"{own} fuzzy with their own earlier translation, {other} fuzzy with another, "
        f"{untranslated} new/untranslated")
    if changes and own < 0.9 * len(changes):
        fail("fewer than 90% of the edited sentences were carried as fuzzy from their earlier version")


def print_table(results: list[Result]) -> None:
    head = ("size", "sentences", "entries", "edits", "extract new s", "extract edit s",
            "polib load+save s", "(load", "save)", "update s", "update/polib", "cpu: update/polib")
    rows = [(r.size, r.sentences, r.entries, r.edits, f"{r.extract_new.wall:.2f}",
             f"{r.extract_edit.wall:.2f}", f"{r.baseline.wall:.2f}", f"{r.baseline_load:.2f}",
             f"{r.baseline_save:.2f}", f"{r.update.wall:.2f}", f"{r.update.wall / r.baseline.wall:.2f}",
             f"{r.update.cpu:.2f}/{r.baseline.cpu:.2f} = {r.update.cpu / r.baseline.cpu:.2f}")
            for r in results]
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(len(head))]
    print("  ".join(h.rjust(w) for h, w in zip(head, widths)))
    for row in rows:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N for each timing")
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--profile", action="store_true", help="cProfile one update at the largest size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--glossary", type=Path, help="a TBX glossary to put in the projects (term hints)")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="yakugo-bench-"))
    results = []
    try:
        for size in sorted(args.sizes):
            started = time.perf_counter()
            results.append(run_size(size, args.repeat, args.seed, workdir,
                                    args.profile and size == max(args.sizes), args.glossary))
            print(f"[{size}: done in {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    finally:
        if args.keep:
            print(f"projects kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"\nyakugo extract/update vs polib load+save (best of {args.repeat} or more runs, ≥3 s per timing; "
          f"{EDIT_FRACTION:.0%} of sentences edited; Python {sys.version.split()[0]}, polib {polib.__version__}; "
          f"yakugo from {Path(yakugo.__file__).parent})\n")
    print_table(results)
    print()
    for r in results:
        print(f"merge report at {r.size}: {r.report}")
        for line in r.checks:
            print(f"  {line}")
    ok = all(r.ok for r in results)
    largest = results[-1]
    ratio = largest.update.wall / largest.baseline.wall
    print(f"\ngoal update ≤ {RATIO_GOAL:g}× polib load+save at {largest.size}: {ratio:.2f}× -> "
          f"{'MET' if ratio <= RATIO_GOAL else 'MISSED'} "
          f"(cpu: {largest.update.cpu / largest.baseline.cpu:.2f}×)")
    if len(results) >= 2:
        small = results[0]
        factor = largest.size / small.size
        limit = SCALING_GOAL * factor / 10
        print(f"scaling {small.size} -> {largest.size} ({factor:g}× sentences), limit {limit:g}×:")
        for name, big, little in (("update", largest.update, small.update),
                                  ("extract", largest.extract_edit, small.extract_edit),
                                  ("polib load+save", largest.baseline, small.baseline)):
            wall, cpu = big.wall / little.wall, big.cpu / little.cpu
            verdict = ("reference" if name.startswith("polib")
                       else "MET" if wall <= limit else "MISSED")
            print(f"  {name:<16} {wall:6.2f}× -> {verdict:<9} (cpu: {cpu:.2f}×)")
    print(f"merge checks: {'all passed' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
