"""Benchmark: ``yakugo check`` on a large translated PO file against polib's own parse.

Builds, in a temporary folder, translated PO files of 100k and 200k entries
and glossaries of 1k and 50k concepts, then times whole processes, alternating
in each round:

  baseline  python -c "import polib; polib.pofile(F)"
  ours      yakugo check F --glossary G --format json   (glossary loading included)
  peer      pofilter F OUT  (Translate Toolkit; it checks no glossary at all; --peer)

The entries are the project's own translated sentences, each made unique by a
tag in front of both sides (【ぬか】 / [amber birch]), so every check meets real
Japanese and English: terms, numbers, designators, references, punctuation.
The glossaries are the project's glossary plus synthetic concepts (as in
bench_glossary.py) whose Japanese terms carry a prefix that the text never
contains: the automaton and the model grow, the matches stay those of the text.

Goals (issue 4): check <= 2.5x polib's parse at 100k; 200k <= 2.2x the 100k
time; the 1k- and 50k-concept glossaries within 1.3x of each other; peak
memory <= 3x polib's. Times are wall-clock seconds of the whole process, best
of --repeat; memory is the process's peak resident set (ru_maxrss).

    python bench/bench_check.py [--sizes 100000 200000] [--concepts 1000 50000] [--repeat 3] [--peer]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_glossary import synthetic_glossary  # noqa: E402
from yakugo.catalog import load_catalog, write_catalog  # noqa: E402
from yakugo.glossary.model import Glossary  # noqa: E402
from yakugo.glossary.tbx import read_tbx, save_tbx  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PROJECT_PO = REPO / "translations" / "en" / "dowj2018_II-4-2-3_alliance_initiatives.po"
PROJECT_GLOSSARY = REPO / "glossary" / "glossary.tbx"
UNUSED_PREFIX = "模擬"   # not in the source text, so synthetic concepts never match it

KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
WORDS = ("amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "island", "juniper",
         "kelp", "lagoon", "maple", "nectar", "orchid", "pebble", "quartz", "reed", "sable", "tundra",
         "umber", "violet", "willow", "yarrow", "zephyr", "acorn", "bramble", "clover", "dune", "elm",
         "fern", "glade", "heath", "iris", "jade", "knoll", "lichen", "moss", "nettle", "oak", "pine")

RATIO_GOAL, SCALING_GOAL, GLOSSARY_GOAL, MEMORY_GOAL = 2.5, 2.2, 1.3, 3.0


def tag(number: int, alphabet, join: str) -> str:
    """``number`` written in the digits ``alphabet`` (bijective, so every number has one spelling)."""
    parts = []
    number += 1
    while number:
        number, digit = divmod(number - 1, len(alphabet))
        parts.append(alphabet[digit])
    return join.join(reversed(parts))


def make_po(entries: int, path: Path) -> None:
    real = [e for e in load_catalog(PROJECT_PO) if e.msgid and e.msgstr and not e.obsolete]
    catalog = load_catalog(PROJECT_PO)
    del catalog[:]
    for number in range(entries):
        model = real[number % len(real)]
        entry = polib.POEntry(msgid=f"【{tag(number, KANA, '')}】{model.msgid}",
                              msgstr=f"[{tag(number, WORDS, ' ')}] {model.msgstr}",
                              comment=model.comment, occurrences=[("source.txt", str(number + 1))])
        catalog.append(entry)
    write_catalog(catalog, path)


def make_glossary(concepts: int, path: Path) -> int:
    project = read_tbx(PROJECT_GLOSSARY)[0]
    extra = synthetic_glossary(max(0, concepts - len(project)))
    for concept in extra:
        concept.terms = [replace(t, text=UNUSED_PREFIX + t.text) if t.language == "ja" else t for t in concept.terms]
    save_tbx(Glossary(concepts=[*project.concepts, *extra], title="benchmark glossary"), path)
    return len(project) + len(extra)


# Runs COMMAND and prints its exit code, wall seconds and peak RSS (KiB). It is started by this small
# process, not by the benchmark: a child forked from the benchmark, which holds the generated files in
# memory, would count the benchmark's pages in its own peak until it execs.
_MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss)
sys.stderr.write(process.stderr.read().decode())
"""


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one whole process."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, capture_output=True, text=True)
    code, seconds, memory = done.stdout.split()
    if int(code) not in (0, 1):   # check exits 1 when it finds errors
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return float(seconds), int(memory)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[100_000, 200_000])
    parser.add_argument("--concepts", type=int, nargs=2, default=[1_000, 50_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peer", action="store_true", help="also time Translate Toolkit's pofilter (slow)")
    options = parser.parse_args(argv)
    small, large = options.sizes
    few, many = options.concepts
    python = sys.executable
    check = [python, "-c", "from yakugo.cli import main; main()", "check"]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for size in (small, large):
            make_po(size, work / f"{size}.po")
        for count in (few, many):
            make_glossary(count, work / f"{count}.tbx")
        commands = {
            "polib parse": [python, "-c", f"import polib; polib.pofile('{small}.po')"],
            f"check {small:,}, {many:,} concepts": [*check, f"{small}.po", "--glossary", f"{many}.tbx",
                                                    "--format", "json"],
            f"check {small:,}, {few:,} concepts": [*check, f"{small}.po", "--glossary", f"{few}.tbx",
                                                   "--format", "json"],
            f"check {large:,}, {many:,} concepts": [*check, f"{large}.po", "--glossary", f"{many}.tbx",
                                                    "--format", "json"],
        }
        best: dict[str, tuple[float, int]] = {}
        for _ in range(options.repeat):
            for name, command in commands.items():
                seconds, memory = run(command, work)
                old = best.get(name, (float("inf"), 0))
                best[name] = (min(old[0], seconds), max(old[1], memory))
        if options.peer:
            pofilter = shutil.which("pofilter", path=str(Path(python).parent)) or "pofilter"
            best["pofilter (peer, once)"] = run([pofilter, f"{small}.po", "pofilter-out.po"], work)
        findings = subprocess.run([*check, f"{small}.po", "--glossary", f"{many}.tbx"], cwd=work,
                                  capture_output=True, text=True).stdout.strip().splitlines()[-1]
    base_seconds, base_memory = best["polib parse"]
    print(f"python {sys.version.split()[0]}; wall seconds, best of {options.repeat}; peak RSS")
    print(f"{'command':<36} {'seconds':>8} {'x polib':>8} {'peak MiB':>9} {'x polib':>8}")
    for name, (seconds, memory) in best.items():
        print(f"{name:<36} {seconds:>8.2f} {seconds / base_seconds:>8.2f} {memory / 1024:>9.0f} "
              f"{memory / base_memory:>8.2f}")
    print(f"\nfindings at {small:,} entries with {many:,} concepts: {findings}")
    ours = best[f"check {small:,}, {many:,} concepts"]
    verdicts = [
        ("check / polib parse", ours[0] / base_seconds, RATIO_GOAL),
        (f"{large:,} / {small:,} entries", best[f"check {large:,}, {many:,} concepts"][0] / ours[0], SCALING_GOAL),
        (f"{many:,} / {few:,} concepts", ours[0] / best[f"check {small:,}, {few:,} concepts"][0], GLOSSARY_GOAL),
        ("peak memory / polib", ours[1] / base_memory, MEMORY_GOAL),
    ]
    for name, ratio, goal in verdicts:
        print(f"{name:<28} {ratio:6.2f}  (goal <= {goal}) -> {'OK' if ratio <= goal else 'MISSED'}")
    return 0 if all(ratio <= goal for _, ratio, goal in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
