"""``yakugo glossary``: validate, exchange, harvest and look up the controlled glossary."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..catalog import HINT_PREFIX, now_stamp, term_hint
from ..document import read_document
from ..errors import YakugoError
from ..fileio import atomic_write_files
from ..glossary.exchange import describe, glossary_bytes, load_any, merge_glossaries, save_any
from ..glossary.harvest import harvest, unknown_concepts
from ..glossary.lookup import lookup
from ..glossary.model import Glossary
from ..glossary.tbx import read_tbx, save_tbx, write_tbx
from ..glossary.validate import validate_glossary
from .common import guard_output, project, project_glossary, user_errors


@click.group("glossary")
def glossary_group() -> None:
    """Validate, exchange, harvest and look up the controlled glossary (glossary/glossary.tbx)."""


@glossary_group.command("validate")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@user_errors
def glossary_validate(file: Path | None) -> None:
    """Report every problem of a glossary (TBX, XLSX or CSV); exit 1 when there are errors."""
    config = project()
    path = file or config.glossary
    glossary, warnings = load_any(path)
    shown = config.relative(path)
    problems = validate_glossary(glossary, shown)
    for warning in warnings:
        click.echo(warning if ": warning: " in warning else f"{shown}: warning: {warning}")
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    click.echo(f"{shown}: {len(glossary)} concepts, {errors} errors, "
               f"{len(problems) - errors + len(warnings)} warnings")
    sys.exit(1 if errors else 0)


@glossary_group.command("export")
@click.option("--format", "output_format", type=click.Choice(["xlsx", "csv", "tbx"]), default="xlsx")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write [default: <build>/glossary.<format>].")
@user_errors
def glossary_export(output_format: str, output: Path | None) -> None:
    """Export the glossary for people (XLSX), scripts (CSV) or CAT tools (TBX)."""
    config = project()
    guard_output(config, output)
    glossary = project_glossary(config)
    target = output or config.build / f"glossary.{output_format}"
    save_any(glossary, target, output_format, source_name=config.relative(config.glossary),
             exported_at=now_stamp())
    click.echo(f"{config.relative(target)}: {len(glossary)} concepts")


@glossary_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--replace", is_flag=True, help="Make the glossary exactly FILE (concepts missing from it are removed).")
@user_errors
def glossary_import(file: Path, replace: bool) -> None:
    """Merge an edited XLSX, CSV or TBX into the glossary, printing what changes.

    Concepts are matched by id. Nothing is written when FILE or the result
    has errors.
    """
    config = project()
    incoming, warnings = load_any(file)
    current = read_tbx(config.glossary)[0] if config.glossary.exists() else Glossary()
    merged, changes = merge_glossaries(current, incoming, replace)
    for warning in warnings:
        click.echo(f"{file}: warning: {warning}", err=True)
    errors = [p for p in validate_glossary(merged, config.relative(config.glossary)) if p.severity == "error"]
    if errors:
        raise YakugoError("import refused, the glossary would not validate; nothing written:\n"
                          + "\n".join(str(p) for p in errors), file)
    for line in describe(changes):
        click.echo(line)
    if changes:
        save_tbx(merged, config.glossary)
        click.echo(f"{config.relative(config.glossary)}: written")


@glossary_group.command("harvest")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["tbx", "csv", "xlsx"]), default="tbx")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write [default: <build>/glossary-harvest.<format>].")
@click.option("--apply", is_flag=True, help="Also add the proposals the glossary does not have yet.")
@user_errors
def glossary_harvest(sources: tuple[Path, ...], output_format: str, output: Path | None, apply: bool) -> None:
    """Propose concepts from the definitions the source gives: 同盟調整メカニズム(ACM:…), 正式名称 notes."""
    config = project()
    guard_output(config, output, sources)
    documents = [read_document(p, config.source_encoding) for p in (list(sources) or config.source_files())]
    proposals = harvest(documents)
    current = read_tbx(config.glossary)[0] if config.glossary.exists() else Glossary()
    fresh = {c.id for c in unknown_concepts(proposals, current)}
    for concept in proposals:
        state = "new" if concept.id in fresh else "known"
        click.echo(f"{concept.id}  {concept.preferred('ja').text} → {concept.rendering('en') or '?'}  ({state})")
    target = output or config.build / f"glossary-harvest.{output_format}"
    files = [(target, glossary_bytes(proposals, output_format, source_name="yakugo glossary harvest",
                                     exported_at=now_stamp()))]
    added = []
    if apply:
        added = [c for c in unknown_concepts(proposals, current) if c.preferred(current.target_language)]
        if added:
            current.concepts.extend(added)
            files.append((config.glossary, write_tbx(current)))
    atomic_write_files(files)  # the proposals and the glossary, or neither
    click.echo(f"{config.relative(target)}: {len(proposals)} proposals, {len(fresh)} not in the glossary")
    if apply:
        click.echo(f"{config.relative(config.glossary)}: {len(added)} concepts added "
                   f"({len(fresh) - len(added)} without an English term left for review)")


@glossary_group.command("lookup")
@click.argument("text")
@user_errors
def glossary_lookup(text: str) -> None:
    """Find concepts by Japanese or English text (a term, part of one, or a whole sentence)."""
    config = project()
    glossary = project_glossary(config)
    found = lookup(glossary, text)
    for concept in found:
        japanese = concept.preferred(glossary.source_language)
        line = term_hint(japanese.text if japanese else "?", concept, glossary.target_language)
        click.echo(f"{concept.id}: {line[len(HINT_PREFIX):]}")
    if not found:
        click.echo(f"no concept matches {text!r}", err=True)
        sys.exit(1)
