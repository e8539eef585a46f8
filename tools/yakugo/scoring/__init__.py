"""Translation scores with sacrebleu (BLEU, chrF, chrF++, TER) on PO, TMX, XLIFF and plain-text files.

inputs.py reads the files, align.py pairs hypotheses with references,
metrics.py calls sacrebleu, revision.py reads PO files at a git revision,
scorer.py puts these together, and report.py, xlsx_report.py and
html_report.py present the result.
"""

from .scorer import ScoreReport, score_against_revision, score_files

__all__ = ["ScoreReport", "score_against_revision", "score_files"]
