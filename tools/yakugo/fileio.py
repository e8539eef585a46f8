"""Atomic file writing: a crash or a bad input never leaves a half-written file.

Each file is written to a temporary file beside it, then renamed over it.
Several files written together are all staged before any is renamed, so a
failure (no permission, a full disk) leaves every one of them as it was.
Failures are YakugoErrors naming the file, never tracebacks.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import YakugoError


def atomic_write_files(files: Sequence[tuple[Path | str, bytes]]) -> None:
    """Write every ``(path, data)`` or, on any failure, none of them."""
    staged: list[tuple[str, Path, Path | str]] = []   # (temporary file, target, the path as given)
    try:
        for path, data in files:
            target = _target(path)
            staged.append((_stage(target, data, path), target, path))
        for temporary, target, path in staged:
            try:
                os.replace(temporary, target)   # a rename within a folder needs no space and no new permission
            except OSError as error:
                raise YakugoError(f"cannot write: {error.strerror or error}", path) from None
    finally:
        for temporary, _, _ in staged:
            Path(temporary).unlink(missing_ok=True)   # only those not renamed are left


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    atomic_write_files([(path, data)])


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` with LF line ends (no newline translation), atomically."""
    atomic_write_bytes(path, text.encode(encoding))


def _target(path: Path | str) -> Path:
    """Where to write ``path``: never over a folder or a device, and never through a symlink.

    A symlink is replaced by the new file, not followed: a link planted in a
    project (build/report.xlsx -> ~/.bashrc) must not make yakugo overwrite
    the file it points to.
    """
    target = Path(os.path.abspath(path))
    if target.is_symlink():
        return target
    if target.is_dir():
        raise YakugoError("is a folder; give a file name", path)
    if target.exists() and not target.is_file():
        raise YakugoError("is not a regular file (a device or a pipe); refusing to replace it", path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise YakugoError("cannot create its folder: a part of the path is a file, not a folder", path) from None
    except OSError as error:
        raise YakugoError(f"cannot create its folder: {error.strerror or error}", path) from None
    return target


def _stage(target: Path, data: bytes, shown: Path | str) -> str:
    """Write ``data`` to a new temporary file beside ``target``, with the mode ``target`` has or would get."""
    try:
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise YakugoError(f"cannot write: {error.strerror or error}", shown) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise YakugoError(f"cannot write: {error.strerror or error}", shown) from None
        raise
    return temporary


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
