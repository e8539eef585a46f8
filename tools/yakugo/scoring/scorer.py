"""What ``yakugo score`` computes: read, align, score, and collect everything a report shows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import YakugoError
from .align import Alignment, align, concatenate
from .inputs import TranslationFile, read_translation_file
from .metrics import (
    METRIC_IDS,
    Comparison,
    CorpusScore,
    SegmentScores,
    base_language,
    corpus_scores,
    paired_test,
    segment_scores,
)
from .revision import catalog_at_revision


@dataclass(frozen=True)
class ScoreReport:
    alignment: Alignment
    language: str
    scores: list[CorpusScore]
    segment_scores: SegmentScores
    segment_metric: str               # the metric that ranks segments from worst to best
    comparison: Comparison | None = None
    revision: str | None = None       # set by --from-git: the references are the files at this revision


def score_files(hypothesis: Path | str, references: list[Path | str], metrics: list[str],
                language: str | None = None, confidence: bool = False, compare: Path | str | None = None,
                test: str = "bs", segment_metric: str = "chrf") -> ScoreReport:
    """Score ``hypothesis`` (and ``compare``, against it) on the segments it shares with every reference."""
    if not references:
        raise YakugoError("give at least one reference (--ref)")
    hypotheses = [read_translation_file(hypothesis)] + ([read_translation_file(compare)] if compare else [])
    refs = [read_translation_file(path) for path in references]
    _require_segments(hypotheses)
    alignment = align(hypotheses, refs)
    return _report(alignment, [*hypotheses, *refs], metrics, language, confidence, compare is not None, test,
                   segment_metric, None)


def score_against_revision(catalogs: list[Path], revision: str, names: list[str], metrics: list[str],
                           language: str | None = None, confidence: bool = False,
                           segment_metric: str = "ter") -> ScoreReport:
    """Score the current ``catalogs`` against themselves at git ``revision``: how much they changed since.

    ``names`` are how the report calls the catalogs (paths relative to the project).
    """
    if not catalogs:
        raise YakugoError("no PO files to score")
    current = [replace(read_translation_file(path), name=name) for path, name in zip(catalogs, names)]
    _require_segments(current)
    earlier = [catalog_at_revision(path, revision, name) for path, name in zip(catalogs, names)]
    alignment = concatenate([align([now], [then]) for now, then in zip(current, earlier)],
                            (", ".join(names),), (", ".join(f"{name} at {revision}" for name in names),))
    return _report(alignment, [*current, *earlier], metrics, language, confidence, False, "bs",
                   segment_metric, revision)


def _require_segments(files: list[TranslationFile]) -> None:
    for file in files:
        if not file.units:
            raise YakugoError("no segments to score in this file", file.name)


def _report(alignment: Alignment, files: list[TranslationFile], metrics: list[str], language: str | None,
            confidence: bool, compare: bool, test: str, segment_metric: str, revision: str | None) -> ScoreReport:
    for metric in [*metrics, segment_metric]:
        if metric not in METRIC_IDS:
            raise YakugoError(f"unknown metric {metric!r}; choose from {', '.join(METRIC_IDS)}")
    if not metrics:
        raise YakugoError(f"choose at least one metric from {', '.join(METRIC_IDS)}")
    if not alignment.segments:
        counts = ", ".join(f"{n} {why}" for why, n in alignment.unpaired_counts().items())
        raise YakugoError(f"no segment could be paired with a translated reference ({counts})",
                          alignment.hypothesis_names[0])
    target = base_language(language or _declared_language(files))
    per_segment = list(dict.fromkeys([*metrics, segment_metric]))
    return ScoreReport(
        alignment, target, corpus_scores(alignment, metrics, target, confidence),
        segment_scores(alignment, per_segment, target), segment_metric,
        paired_test(alignment, metrics, target, test) if compare else None, revision)


def _declared_language(files: list[TranslationFile]) -> str | None:
    """The target language the files declare; an error when two of them disagree."""
    declared = {base_language(f.language): f for f in files if f.language}
    if len(declared) > 1:
        first, second = list(declared.values())[:2]
        raise YakugoError(f"the files are in different languages: {first.name} is {first.language}, "
                          f"{second.name} is {second.language}; use --lang to choose the target language")
    return next(iter(declared), None)
