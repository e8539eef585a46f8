"""Project settings from ``[tool.yakugo]`` in pyproject.toml, found by walking up from a folder."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .checks.model import CHECKS, SEVERITIES
from .errors import YakugoError

DEFAULTS = {
    "source": "source_ja",
    "translations": "translations",
    "languages": ["en"],
    "glossary": "glossary/glossary.tbx",
    "build": "build",
    "source_encoding": "utf-8",
    "check": {},
}
CHECK_SETTINGS = ("ignore", "severity")
# A language code as gettext and BCP 47 write them (en, en_GB, pt-BR, zh-Hant, sr@latin). It names
# a folder under translations/, so nothing else is let through: no separators, no "..".
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*(?:@[A-Za-z0-9]{1,32})?")


def check_language(code: object, where: object = None) -> str:
    """``code`` if it is a language code, else a YakugoError (naming ``where``)."""
    if not isinstance(code, str) or not LANGUAGE_CODE.fullmatch(code):
        raise YakugoError(f"{code!r} is not a language code (like en, en_GB or pt-BR)", where)
    return code


@dataclass(frozen=True)
class Config:
    """Resolved project settings; every path is absolute."""

    root: Path
    source: Path
    translations: Path
    languages: tuple[str, ...]
    glossary: Path
    build: Path
    source_encoding: str = "utf-8"
    check_ignore: tuple[str, ...] = ()           # check ids silenced project-wide (counted as suppressed)
    check_severity: tuple[tuple[str, str], ...] = ()   # (check id, severity) overrides

    @property
    def templates(self) -> Path:
        return self.translations / "templates"

    def language_dir(self, lang: str) -> Path:
        return self.translations / check_language(lang)

    def relative(self, path: Path) -> str:
        """``path`` as written in PO references: relative to the project root, with '/'."""
        path = Path(path).resolve()
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def source_files(self) -> list[Path]:
        """Every source text of the project, in name order."""
        if not self.source.is_dir():
            raise YakugoError("source folder not found; set 'source' in [tool.yakugo]", self.source)
        return sorted(p for p in self.source.iterdir() if p.is_file() and not p.name.startswith("."))

    def template_for(self, source: Path) -> Path:
        return self.templates / f"{Path(source).stem}.pot"

    def catalog_for(self, template: Path, lang: str) -> Path:
        return self.language_dir(lang) / f"{Path(template).stem}.po"


def find_project_file(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has a [tool.yakugo] table."""
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "yakugo" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """Settings of the project containing ``start`` (default: the current folder).

    Outside a project the defaults apply relative to ``start``, so single-file
    commands still work.
    """
    start = (start or Path.cwd()).resolve()
    project_file = find_project_file(start)
    if project_file is None:
        return _make_config(start, {}, None)
    table = _read_toml(project_file)["tool"]["yakugo"]
    return _make_config(project_file.parent, table, project_file)


def _make_config(root: Path, table: dict, origin: Path | None) -> Config:
    where = origin or root
    unknown = sorted(set(table) - set(DEFAULTS))
    if unknown:
        raise YakugoError(f"[tool.yakugo] has unknown setting(s) {', '.join(unknown)}; "
                          f"known: {', '.join(DEFAULTS)}", where)
    settings = {**DEFAULTS, **table}
    for key in ("source", "translations", "glossary", "build", "source_encoding"):
        if not isinstance(settings[key], str) or not settings[key]:
            raise YakugoError(f"[tool.yakugo] {key} must be a non-empty string", where)
    languages = settings["languages"]
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not languages:
        raise YakugoError("[tool.yakugo] languages must be a list of language codes", where)
    for language in languages:
        check_language(language, f"{where}: [tool.yakugo] languages")
    ignore, severity = _check_settings(settings["check"], where)
    return Config(
        root=root,
        source=root / settings["source"],
        translations=root / settings["translations"],
        languages=tuple(languages),
        glossary=root / settings["glossary"],
        build=root / settings["build"],
        source_encoding=settings["source_encoding"],
        check_ignore=ignore,
        check_severity=severity,
    )


def _check_settings(table: object, where: Path) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """``[tool.yakugo.check]``: ``ignore = [ids]`` and ``severity = {id = "error"|"warning"}``."""
    if not isinstance(table, dict) or set(table) - set(CHECK_SETTINGS):
        raise YakugoError(f"[tool.yakugo.check] takes only {', '.join(CHECK_SETTINGS)}", where)
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        raise YakugoError("[tool.yakugo.check] ignore must be a list of check ids", where)
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(v in SEVERITIES for v in severity.values()):
        raise YakugoError(f"[tool.yakugo.check] severity must map check ids to one of {', '.join(SEVERITIES)}",
                          where)
    unknown = sorted((set(ignore) | set(severity)) - set(CHECKS))
    if unknown:
        raise YakugoError(f"[tool.yakugo.check] names unknown check id(s) {', '.join(unknown)}", where)
    return tuple(ignore), tuple(sorted(severity.items()))


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise YakugoError(f"not valid TOML: {exc}", path) from None
    except OSError as exc:
        raise YakugoError(f"cannot read: {exc.strerror}", path) from None
