"""Planning exports: the PO files read, checked and aligned, then every output rendered in memory.

Nothing here writes: the command writes the rendered outputs atomically once
all of them are ready, so a problem in any input leaves no file half done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from ..catalog import load_catalog
from ..checks.model import Finding, Result
from ..checks.runner import Checker, Options
from ..config import Config
from ..errors import YakugoError
from ..glossary.tbx import read_tbx
from ..poreader import catalog_entries
from .aligned import AlignedDocument, align
from .document import DEFAULT_THRESHOLD, english_markdown, english_text
from .html import html_text
from .tmx import tmx_bytes
from .tsv import tsv_text
from .xliff import xliff_bytes

# Format name -> file extension; build/<stem>.<lang>.<extension> by default.
EXTENSIONS = {"xlsx": "xlsx", "html": "html", "docx": "docx", "tsv": "tsv", "tmx": "tmx", "xliff": "xlf",
              "document": "txt", "markdown": "md"}
DOCUMENT_FORMATS = ("document", "markdown")


@dataclass(frozen=True)
class Loaded:
    """A PO file ready to export: as shown to users, parsed, and aligned with its source."""

    shown: str
    catalog: polib.POFile
    aligned: AlignedDocument
    result: Result              # what yakugo check finds in it


@dataclass(frozen=True)
class Output:
    """One file to write, with what to say about it."""

    target: Path
    data: bytes
    detail: str
    fallbacks: int = 0    # sentences of an English document left in Japanese


def load(config: Config, paths: list[Path], language: str | None) -> list[Loaded]:
    """Read every PO file and the sources they refer to; errors name the file and line."""
    glossary = read_tbx(config.glossary)[0] if config.glossary.exists() else None
    checker = Checker(glossary, Options.of_project(config))
    loaded = []
    for path in paths:
        catalog = load_catalog(path)
        shown = config.relative(path)
        findings: dict[tuple[str, str], list[Finding]] = {}
        result = checker.run([catalog_entries(catalog, shown)])
        for finding in result.findings:
            findings.setdefault((finding.path, finding.msgid), []).append(finding)
        target_language = catalog.metadata.get("Language") or language or config.languages[0]
        aligned = align(catalog, shown, config.root, language=target_language, glossary=glossary,
                        source_encoding=config.source_encoding, findings=findings)
        loaded.append(Loaded(shown, catalog, aligned, result))
    return loaded


def plan(config: Config, output_format: str, loaded: list[Loaded], output: Path | None = None, *,
         include_fuzzy: bool = False, threshold: float = DEFAULT_THRESHOLD) -> list[Output]:
    """Render every output in memory: one per PO file in the build folder, or all into ``output``."""
    if output is not None:
        if output_format in DOCUMENT_FORMATS and len(loaded) != 1:
            raise YakugoError(f"the {output_format} format writes one file per PO file; "
                              f"give one PO file with -o, or leave -o out")
        groups = [(Path(output), loaded)]
    else:
        groups = [(default_target(config, item.aligned, output_format), [item]) for item in loaded]
    targets = [target.resolve() for target, _group in groups]
    if len(set(targets)) != len(targets):
        raise YakugoError("two PO files would write the same output; give them different names or use -o")
    return [_render(output_format, target, group, include_fuzzy, threshold) for target, group in groups]


def default_target(config: Config, document: AlignedDocument, output_format: str) -> Path:
    """``<build>/<stem>.<lang>.<extension>``."""
    return config.build / f"{document.stem}.{document.language}.{EXTENSIONS[output_format]}"


def _render(output_format: str, target: Path, group: list[Loaded], include_fuzzy: bool,
            threshold: float) -> Output:
    documents = [item.aligned for item in group]
    language = documents[0].language
    title = " + ".join(d.stem for d in documents) + f" (ja → {language})"
    catalogs = [(item.shown, item.catalog) for item in group]
    sentences = f"{sum(len(d.rows) for d in documents)} sentences"
    if output_format in DOCUMENT_FORMATS:
        rebuild = english_text if output_format == "document" else english_markdown
        english = rebuild(documents[0], include_fuzzy=include_fuzzy, threshold=threshold)
        return Output(target, english.text.encode("utf-8"),
                      f"{english.sentences} sentences, {english.fallbacks} left in Japanese", english.fallbacks)
    if output_format == "tmx":
        units = sum(d.translated + (d.fuzzy if include_fuzzy else 0) for d in documents)
        return Output(target, tmx_bytes(catalogs, target_language=language, include_fuzzy=include_fuzzy),
                      f"{units} translation units")
    if output_format == "xliff":
        units = sum(d.translated + d.fuzzy + d.untranslated for d in documents)
        return Output(target, xliff_bytes(catalogs, target_language=language), f"{units} units")
    if output_format == "xlsx":
        from .xlsx import xlsx_bytes  # openpyxl and python-docx take half a second to import: only when asked
        return Output(target, xlsx_bytes(documents, title), sentences)
    if output_format == "docx":
        from .docx import docx_bytes
        return Output(target, docx_bytes(documents, title), sentences)
    if output_format == "html":
        return Output(target, html_text(documents, title).encode("utf-8"), sentences)
    return Output(target, tsv_text(documents).encode("utf-8"), sentences)
