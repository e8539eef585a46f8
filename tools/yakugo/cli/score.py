"""``yakugo score``: BLEU, chrF and TER of a translation against references, another draft, or its past."""

from __future__ import annotations

from pathlib import Path

import click

from ..fileio import atomic_write_text
from ..project import project_catalogs
from ..scoring import score_against_revision, score_files
from ..scoring.html_report import write_html
from ..scoring.metrics import METRIC_IDS, PAIRED_TESTS
from ..scoring.report import to_json, to_text
from .common import guard_output, project, user_errors

_FILE = click.Path(path_type=Path, dir_okay=False)


def _metric_list(context, parameter, value: str) -> list[str]:
    metrics = list(dict.fromkeys(name.strip().lower() for name in value.split(",") if name.strip()))
    unknown = [name for name in metrics if name not in METRIC_IDS]
    if unknown or not metrics:
        raise click.BadParameter(f"choose from {', '.join(METRIC_IDS)} (comma-separated), not {value!r}")
    return metrics


@click.command("score")
@click.argument("files", nargs=-1, type=_FILE, metavar="HYP | [PO...]")
@click.option("--ref", "references", multiple=True, type=_FILE,
              help="Reference translation (repeatable): PO, TMX, XLIFF or plain text.")
@click.option("--metrics", default="bleu,chrf,ter", callback=_metric_list,
              help=f"Comma-separated, from: {', '.join(METRIC_IDS)}.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "xlsx", "html"]), default="text")
@click.option("-o", "--output", type=_FILE, help="Write the report to this file (needed for xlsx and html).")
@click.option("--segments", type=click.IntRange(min=0), default=None,
              help="Show the N worst segments [default: none; 5 most edited with --from-git].")
@click.option("--segment-metric", type=click.Choice(METRIC_IDS), default=None,
              help="Sentence-level metric that ranks the segments [default: chrf; ter with --from-git].")
@click.option("--confidence", is_flag=True, help="Add sacrebleu's bootstrap 95% confidence intervals.")
@click.option("--compare", type=_FILE, metavar="HYP2",
              help="A second hypothesis: sacrebleu's paired significance test of HYP2 against HYP.")
@click.option("--paired-test", type=click.Choice(sorted(PAIRED_TESTS)), default="bs",
              help="With --compare: paired bootstrap resampling (bs) or approximate randomization (ar).")
@click.option("--from-git", "revision", metavar="REV",
              help="Score the PO files (default: the project's) against themselves at git revision REV.")
@click.option("--lang", "language", help="Target language [default: the PO Language header, else en].")
@click.option("--width", type=click.IntRange(0, 10), default=1, help="Decimals shown, as sacrebleu's --width.")
@user_errors
def score_command(files: tuple[Path, ...], references: tuple[Path, ...], metrics: list[str], output_format: str,
                  output: Path | None, segments: int | None, segment_metric: str | None, confidence: bool,
                  compare: Path | None, paired_test: str, revision: str | None, language: str | None,
                  width: int) -> None:
    """Score a translation with sacrebleu: yakugo score HYP --ref REF, or yakugo score --from-git REV [PO...].

    HYP and REF are PO, TMX, XLIFF (paired by source sentence) or plain text
    (paired by line). Segments that cannot be paired are counted and listed,
    untranslated hypotheses are scored as empty. Scores and signatures are
    those sacrebleu's own command line gives on the paired text.

    With --from-git, the current PO files are the hypotheses and the same
    files at REV the references: per-segment TER shows how much changed.
    """
    if output_format in ("xlsx", "html") and output is None:
        raise click.UsageError(f"--format {output_format} needs -o FILE")
    config = project()
    guard_output(config, output, [*files, *references, *([compare] if compare else [])])
    if revision is not None:
        if references or compare:
            raise click.UsageError("--from-git takes no --ref or --compare: the references are the files at REV")
        catalogs = list(files) or project_catalogs(config)
        report = score_against_revision(catalogs, revision, [config.relative(p) for p in catalogs], metrics,
                                        language, confidence, segment_metric or "ter")
        shown = 5 if segments is None else segments
    else:
        if len(files) != 1 or not references:
            raise click.UsageError("give one hypothesis and at least one --ref: yakugo score HYP --ref REF")
        report = score_files(files[0], list(references), metrics, language, confidence, compare, paired_test,
                             segment_metric or "chrf")
        shown = segments or 0
    if output is None:
        click.echo(to_json(report, width, shown) if output_format == "json" else to_text(report, width, shown))
        return
    if output_format == "xlsx":
        from ..scoring.xlsx_report import write_xlsx  # openpyxl is slow to import: only when asked
        write_xlsx(report, output)
    elif output_format == "html":
        write_html(report, output)
    else:
        report_text = to_json(report, width, shown) if output_format == "json" else to_text(report, width, shown)
        atomic_write_text(output, report_text + "\n")
    click.echo(to_text(report, width))
    click.echo(f"{output} written")
