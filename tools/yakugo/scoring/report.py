"""Score reports as text and JSON; the worst (or, across revisions, the most edited) segments."""

from __future__ import annotations

import json

from .align import Segment
from .metrics import PAIRED_TESTS, Comparison, worst_segments
from .scorer import ScoreReport

SIGNIFICANCE_LEVEL = 0.05


def ranked_segments(report: ScoreReport, count: int) -> list[Segment]:
    """The ``count`` worst segments by the segment metric; across revisions, only segments that changed."""
    order = worst_segments(report.segment_scores, report.segment_metric, len(report.alignment.segments))
    segments = [report.alignment.segments[i] for i in order]
    if report.revision is not None:
        segments = [s for s in segments if _changed(s)]
    return segments[:count]


def _changed(segment: Segment) -> bool:
    return any(reference != segment.hypotheses[0] for reference in segment.references)


def hypothesis_label(report: ScoreReport) -> str:
    return "now" if report.revision is not None else "hypothesis"


def reference_label(report: ScoreReport) -> str:
    return f"at {report.revision}" if report.revision is not None else "reference"


def text_columns(report: ScoreReport) -> list[str]:
    """Headings of the text columns of a segment table: location, source, hypotheses, references."""
    references = len(report.alignment.reference_names)
    reference = reference_label(report)
    return ["Location", "Source", _heading(hypothesis_label(report)),
            *(["Compared hypothesis"] if len(report.alignment.hypothesis_names) > 1 else []),
            *([_heading(reference)] if references == 1
              else [f"{_heading(reference)} {i}" for i in range(1, references + 1)])]


def _heading(label: str) -> str:
    return label[:1].upper() + label[1:]  # "at HEAD" -> "At HEAD"


def summary_lines(report: ScoreReport) -> list[str]:
    """Which files, which language, and how many segments were scored, empty or unpaired."""
    alignment = report.alignment
    lines = [f"hypothesis: {alignment.hypothesis_names[0]}"]
    if len(alignment.hypothesis_names) > 1:
        lines.append(f"compared with: {alignment.hypothesis_names[1]}")
    lines += [f"reference: {name}" for name in alignment.reference_names]
    lines.append(f"target language: {report.language}")
    empty = ", ".join(f"{alignment.empty_hypotheses(i)} in {name}"
                      for i, name in enumerate(alignment.hypothesis_names))
    lines.append(f"segments scored: {len(alignment.segments)} (empty hypotheses, scored as empty: {empty})")
    reasons = ", ".join(f"{n} {why}" for why, n in alignment.unpaired_counts().items())
    lines.append(f"segments not scored: {len(alignment.unpaired)}" + (f" ({reasons})" if reasons else ""))
    if report.revision is not None:
        changed = sum(_changed(s) for s in alignment.segments)
        lines.append(f"changed since {report.revision}: {changed} of {len(alignment.segments)} segments")
    return lines


def to_text(report: ScoreReport, width: int = 1, segments: int = 0) -> str:
    lines = summary_lines(report) + [""] + [score.line(width) for score in report.scores]
    if report.comparison is not None:
        lines += ["", *_comparison_lines(report.comparison, width)]
    ranked = ranked_segments(report, segments)
    if ranked:
        name = report.segment_scores.names[report.segment_metric]
        title = (f"most edited segments since {report.revision} (sentence-level {name})"
                 if report.revision is not None else f"worst segments by sentence-level {name}")
        lines += ["", f"{title}:"]
        for segment in ranked:
            value = report.segment_scores.scores[segment.number - 1][report.segment_metric]
            lines.append(f"#{segment.number} {name} = {value:.{width}f} ({segment.location})")
            lines += _segment_lines(report, segment)
    return "\n".join(lines)


def _segment_lines(report: ScoreReport, segment: Segment) -> list[str]:
    labels = ["source", hypothesis_label(report)] + (
        [reference_label(report)] if len(segment.references) == 1
        else [f"{reference_label(report)} {i}" for i in range(1, len(segment.references) + 1)])
    texts = [text or "(empty)" for text in (segment.source, segment.hypotheses[0], *segment.references)]
    pad = max(map(len, labels)) + 1
    return [f"  {(label + ':').ljust(pad)} {text}" for label, text in zip(labels, texts)]


def _comparison_lines(comparison: Comparison, width: int) -> list[str]:
    lines = [f"{PAIRED_TESTS[comparison.test]} ({comparison.samples} samples): "
             f"{comparison.system} against the baseline {comparison.baseline}"]
    pad = max(len(comparison.baseline) + len("baseline "), len(comparison.system))
    for result in comparison.results:
        lines.append(f"{result.name}|{result.signature}")
        lines.append(f"  {('baseline ' + comparison.baseline).ljust(pad)}  {_result_text(result.baseline, width)}")
        p_value = result.system["p_value"]
        verdict = "significant" if p_value < SIGNIFICANCE_LEVEL else "not significant"
        lines.append(f"  {comparison.system.ljust(pad)}  {_result_text(result.system, width)}"
                     f"  p = {p_value:.4f} ({verdict} at p < {SIGNIFICANCE_LEVEL})")
    return lines


def _result_text(result: dict, width: int) -> str:
    text = f"{result['score']:.{width}f}"
    if result.get("mean") is not None:
        text += f" (μ = {result['mean']:.{width}f} ± {result['ci']:.{width}f})"
    return text


def to_json(report: ScoreReport, width: int = 1, segments: int = 0) -> str:
    return json.dumps(as_dict(report, width, segments), ensure_ascii=False, indent=2)


def as_dict(report: ScoreReport, width: int = 1, segments: int = 0) -> dict:
    alignment, per_segment = report.alignment, report.segment_scores
    data = {
        "hypothesis": alignment.hypothesis_names[0],
        "compared_with": alignment.hypothesis_names[1] if len(alignment.hypothesis_names) > 1 else None,
        "references": list(alignment.reference_names),
        "revision": report.revision,
        "target_language": report.language,
        "summary": {
            "segments_scored": len(alignment.segments),
            "empty_hypotheses": alignment.empty_hypotheses(0),
            "unpaired": len(alignment.unpaired),
            "unpaired_by_reason": alignment.unpaired_counts(),
        },
        "scores": [_score_dict(score, width) for score in report.scores],
        "comparison": _comparison_dict(report.comparison) if report.comparison else None,
        "segment_metric": per_segment.names[report.segment_metric],
        "segment_signatures": {per_segment.names[m]: sig for m, sig in per_segment.signatures.items()},
        "worst_segments": [s.number for s in ranked_segments(report, segments)],
        "segments": [
            {"number": s.number, "location": s.location, "source": s.source, "hypothesis": s.hypotheses[0],
             **({"compared_hypothesis": s.hypotheses[1]} if len(s.hypotheses) > 1 else {}),
             "references": list(s.references),
             "scores": {per_segment.names[m]: value for m, value in per_segment.scores[s.number - 1].items()}}
            for s in alignment.segments],
        "unpaired": [{"location": u.location, "source": u.source, "reason": u.reason, "file": u.file}
                     for u in alignment.unpaired],
    }
    if report.revision is not None:
        data["summary"]["changed_segments"] = sum(_changed(s) for s in alignment.segments)
    return data


def _score_dict(score, width: int) -> dict:
    data = {"metric": score.metric, "name": score.score.name, "score": score.score.score,
            "signature": score.signature, "text": score.line(width)}
    if score.mean is not None:
        data["confidence"] = {"mean": score.mean, "ci": score.ci}
    return data


def _comparison_dict(comparison: Comparison) -> dict:
    return {"test": PAIRED_TESTS[comparison.test], "samples": comparison.samples,
            "baseline": comparison.baseline, "system": comparison.system,
            "results": [{"name": r.name, "signature": r.signature, "baseline": r.baseline, "system": r.system}
                        for r in comparison.results]}
