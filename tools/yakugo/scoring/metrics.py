"""sacrebleu's BLEU, chrF, chrF++ and TER on aligned segments: corpus, per segment, and paired tests.

The metrics are built as sacrebleu's command line builds them, so scores and
signatures are the ones ``sacrebleu REF -i HYP -m bleu chrf ter`` prints.
The target language picks the tokenisation: BLEU uses sacrebleu's own choice
for it (13a, or ja-mecab for Japanese), and TER splits Chinese, Japanese and
Korean text into characters (sacrebleu's --ter-normalized --ter-asian-support),
since these languages do not separate words by spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import YakugoError
from .align import Alignment

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric, Score

METRIC_IDS = ("bleu", "chrf", "chrf++", "ter")
LOWER_IS_BETTER = {"ter"}
BOOTSTRAP_RESAMPLES = 1000  # sacrebleu's command-line default for --confidence
PAIRED_TESTS = {"bs": "paired bootstrap resampling", "ar": "approximate randomization"}
_UNSPACED_LANGUAGES = {"ja", "zh", "ko"}
_EXTRA_FOR_LANGUAGE = {"ja": "yakugo[ja]"}


@dataclass(frozen=True)
class CorpusScore:
    metric: str          # one of METRIC_IDS
    score: Score         # sacrebleu's score object
    signature: str       # sacrebleu's signature, unchanged
    mean: float | None = None   # with --confidence: the bootstrap mean and 95% confidence half-width
    ci: float | None = None

    def line(self, width: int) -> str:
        """The line sacrebleu's command line prints for this score (text format)."""
        return self.score.format(width=width, signature=self.signature)


@dataclass(frozen=True)
class SegmentScores:
    scores: list[dict[str, float]]   # per segment: metric id -> sentence-level score
    names: dict[str, str]            # metric id -> sacrebleu's name (BLEU, chrF2, chrF2++, TER)
    signatures: dict[str, str]       # metric id -> signature of the sentence-level metric


@dataclass(frozen=True)
class PairedResult:
    name: str                        # sacrebleu's metric name
    signature: str                   # includes the test, its sample count and the seed
    baseline: dict[str, float | None]   # score, mean, ci (sacrebleu's Result fields)
    system: dict[str, float | None]     # score, p_value, mean, ci


@dataclass(frozen=True)
class Comparison:
    test: str                        # "bs" or "ar"
    samples: int
    baseline: str
    system: str
    results: list[PairedResult]


def base_language(code: str | None) -> str:
    """'ja' for 'ja', 'ja_JP' or 'ja-JP'; 'en' when unknown."""
    return (code or "en").replace("-", "_").split("_")[0].lower() or "en"


def make_metric(metric: str, language: str, references: list[list[str]] | None = None,
                sentence_level: bool = False) -> Metric:
    """A sacrebleu metric configured for ``language``; ``references`` are cached as sacrebleu's CLI does."""
    from sacrebleu.metrics import BLEU, CHRF, TER  # a quarter second to import: not for every yakugo command

    unspaced = language in _UNSPACED_LANGUAGES
    if metric == "bleu":
        try:
            return BLEU(trg_lang=language, effective_order=sentence_level, references=references)
        except RuntimeError:  # sacrebleu's way of saying a tokenizer's optional dependency is missing
            extra = _EXTRA_FOR_LANGUAGE.get(language, f"sacrebleu[{language}]")
            raise YakugoError(f"BLEU for target language '{language}' needs sacrebleu's {language} tokenizer, "
                              f"whose dependencies are not installed: pip install '{extra}'") from None
    if metric in ("chrf", "chrf++"):
        return CHRF(word_order=2 if metric == "chrf++" else 0, references=references)
    if metric == "ter":
        return TER(normalized=unspaced, asian_support=unspaced, references=references)
    raise YakugoError(f"unknown metric {metric!r}; choose from {', '.join(METRIC_IDS)}")


def corpus_scores(alignment: Alignment, metrics: list[str], language: str, confidence: bool = False,
                  system: int = 0) -> list[CorpusScore]:
    references = alignment.reference_streams()
    hypotheses = alignment.hypotheses(system)
    results = []
    for metric_id in metrics:
        metric = make_metric(metric_id, language, references)
        score = metric.corpus_score(hypotheses, None, n_bootstrap=BOOTSTRAP_RESAMPLES if confidence else 1)
        # sacrebleu keeps the bootstrap estimate in private fields only
        mean, ci = (float(score._mean), float(score._ci)) if confidence else (None, None)
        results.append(CorpusScore(metric_id, score, metric.get_signature().format(), mean, ci))
    return results


def segment_scores(alignment: Alignment, metrics: list[str], language: str, system: int = 0) -> SegmentScores:
    """Sentence-level scores of every segment (BLEU with effective order, as ``sacrebleu -sl``)."""
    built = {m: make_metric(m, language, sentence_level=True) for m in metrics}
    scores, names = [], {}
    for segment in alignment.segments:
        row = {}
        for metric_id, metric in built.items():
            score = metric.sentence_score(segment.hypotheses[system], list(segment.references))
            row[metric_id], names[metric_id] = score.score, score.name
        scores.append(row)
    signatures = {m: metric.get_signature().format() for m, metric in built.items()} if scores else {}
    return SegmentScores(scores, names, signatures)


def worst_segments(scores: SegmentScores, metric: str, count: int) -> list[int]:
    """Indexes of the ``count`` worst segments by ``metric`` (lowest, or highest for TER), ties in order."""
    sign = -1 if metric in LOWER_IS_BETTER else 1
    ranked = sorted(range(len(scores.scores)), key=lambda i: sign * scores.scores[i][metric])
    return ranked[:count]


def paired_test(alignment: Alignment, metrics: list[str], language: str, test: str = "bs") -> Comparison:
    """sacrebleu's paired significance test of the second hypothesis against the first (the baseline)."""
    from sacrebleu.significance import PairedTest  # imports numpy: only when asked for

    references = alignment.reference_streams()
    built = {m: make_metric(m, language, references) for m in metrics}
    baseline, system = alignment.hypothesis_names
    paired = PairedTest([(baseline, alignment.hypotheses(0)), (system, alignment.hypotheses(1))],
                        built, references=None, test_type=test)
    signatures, results = paired()
    names = [name for name in results if name != "System"]
    return Comparison(test, paired.n_samples, baseline, system, [
        PairedResult(name, signatures[name].format(),
                     {"score": float(results[name][0].score), "mean": _number(results[name][0].mean),
                      "ci": _number(results[name][0].ci)},
                     {"score": float(results[name][1].score), "p_value": _number(results[name][1].p_value),
                      "mean": _number(results[name][1].mean), "ci": _number(results[name][1].ci)})
        for name in names])


def _number(value) -> float | None:
    return None if value is None else float(value)
