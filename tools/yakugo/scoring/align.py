"""Pairing hypotheses with references: by source sentence, or by line when a file is plain text.

A segment is scored when every file has it and every reference translates it.
Every other segment is reported as unpaired with the reason, never dropped
silently. An untranslated hypothesis is scored as the empty string.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .inputs import TranslationFile, Unit

MISSING = "missing"
UNTRANSLATED = "untranslated"


@dataclass(frozen=True)
class Segment:
    number: int                      # 1-based, in the order of the first hypothesis
    source: str | None
    hypotheses: tuple[str, ...]      # one per hypothesis file
    references: tuple[str, ...]      # one per reference file
    location: str                    # where the first hypothesis has it: file or file:line


@dataclass(frozen=True)
class Unpaired:
    source: str | None
    location: str                    # the first file that has the segment
    reason: str                      # MISSING from ``file``, or UNTRANSLATED in reference ``file``
    file: str

    @property
    def explanation(self) -> str:
        return f"missing from {self.file}" if self.reason == MISSING else f"untranslated in {self.file}"


@dataclass(frozen=True)
class Alignment:
    hypothesis_names: tuple[str, ...]
    reference_names: tuple[str, ...]
    segments: list[Segment]
    unpaired: list[Unpaired]

    def hypotheses(self, system: int = 0) -> list[str]:
        return [segment.hypotheses[system] for segment in self.segments]

    def reference_streams(self) -> list[list[str]]:
        """One list per reference file, as sacrebleu's metrics take them."""
        return [[segment.references[i] for segment in self.segments] for i in range(len(self.reference_names))]

    def empty_hypotheses(self, system: int = 0) -> int:
        return sum(segment.hypotheses[system] == "" for segment in self.segments)

    def unpaired_counts(self) -> dict[str, int]:
        """How many segments could not be paired, per explanation, in order of first occurrence."""
        counts: dict[str, int] = {}
        for item in self.unpaired:
            counts[item.explanation] = counts.get(item.explanation, 0) + 1
        return counts


def align(hypotheses: list[TranslationFile], references: list[TranslationFile]) -> Alignment:
    """Pair the segments of every hypothesis file with those of every reference file."""
    files = [*hypotheses, *references]
    by_source = all(f.by_source for f in files)
    tables = [{(u.key if by_source else (index,)): u for index, u in enumerate(f.units)} for f in files]
    keys = list(dict.fromkeys(key for table in tables for key in table))
    segments, unpaired = [], []
    for key in keys:
        units: list[Unit | None] = [table.get(key) for table in tables]
        found = next(i for i, unit in enumerate(units) if unit is not None)
        source = next((unit.source for unit in units if unit is not None and unit.source is not None), None)
        location = _location(files[found], units[found])
        if None in units:
            unpaired.append(Unpaired(source, location, MISSING, files[units.index(None)].name))
            continue
        untranslated = [f for f, unit in zip(references, units[len(hypotheses):]) if not unit.translated]
        if untranslated:
            unpaired.append(Unpaired(source, location, UNTRANSLATED, untranslated[0].name))
            continue
        segments.append(Segment(len(segments) + 1, source,
                                tuple(unit.text for unit in units[:len(hypotheses)]),
                                tuple(unit.text for unit in units[len(hypotheses):]),
                                _location(files[0], units[0])))
    return Alignment(tuple(f.name for f in hypotheses), tuple(f.name for f in references), segments, unpaired)


def concatenate(alignments: list[Alignment], hypothesis_names: tuple[str, ...],
                reference_names: tuple[str, ...]) -> Alignment:
    """Several file pairs as one corpus (``yakugo score --from-git`` with several PO files)."""
    segments = [segment for alignment in alignments for segment in alignment.segments]
    return Alignment(hypothesis_names, reference_names,
                     [replace(segment, number=number) for number, segment in enumerate(segments, 1)],
                     [item for alignment in alignments for item in alignment.unpaired])


def _location(file: TranslationFile, unit: Unit) -> str:
    return f"{file.name}:{unit.line}" if unit.line is not None else file.name
