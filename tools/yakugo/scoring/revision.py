"""A PO file as it was at a git revision (``git show REV:path``)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..catalog import load_catalog
from ..errors import YakugoError
from .inputs import TranslationFile, catalog_file


def catalog_at_revision(path: Path, revision: str, name: str) -> TranslationFile:
    """``path`` as committed at ``revision``; ``name`` is how reports call the current file."""
    label = f"{name} at {revision}"
    data = _git_show(path, revision)
    with tempfile.TemporaryDirectory(prefix="yakugo-score-") as folder:
        copy = Path(folder) / path.name
        copy.write_bytes(data)
        try:
            catalog = load_catalog(copy)
        except YakugoError as error:
            raise YakugoError(error.message, label, error.line) from None
    return catalog_file(catalog, label)


def _git_show(path: Path, revision: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise YakugoError("--from-git needs the git program, which is not installed")
    if revision.startswith("-"):
        raise YakugoError(f"not a git revision: {revision!r}")
    folder = path.resolve().parent
    # "./name" makes git read the path relative to the folder it runs in, wherever the repository's top is.
    result = subprocess.run([git, "show", f"{revision}:./{path.name}"], cwd=folder, capture_output=True)
    if result.returncode == 0:
        return result.stdout
    message = result.stderr.decode("utf-8", "replace").strip()
    if "not a git repository" in message:
        raise YakugoError("not inside a git repository, so --from-git cannot read earlier versions", path)
    if "exists on disk, but not in" in message or "does not exist in" in message:
        raise YakugoError(f"the file is not in git revision {revision}", path)
    if "invalid object name" in message or "unknown revision" in message or "bad revision" in message:
        raise YakugoError(f"unknown git revision {revision!r}", path)
    last_line = message.splitlines()[-1] if message else "no message"
    raise YakugoError(f"git show {revision}:{path.name} failed: {last_line}", path)
