"""Atomic writing: every file or none, through symlinks, never over folders or devices, no tracebacks."""

from __future__ import annotations

import os
import tempfile

import pytest

from yakugo.errors import YakugoError
from yakugo.fileio import atomic_write_bytes, atomic_write_files


def test_writes_and_replaces_keeping_the_mode(tmp_path):
    path = tmp_path / "new" / "folder" / "a.txt"
    atomic_write_bytes(path, b"one")
    path.chmod(0o640)
    atomic_write_bytes(path, b"two")
    assert path.read_bytes() == b"two" and path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.txt"]   # no temporary file left


def test_several_files_are_written_all_or_none(tmp_path):
    first, blocker = tmp_path / "first.txt", tmp_path / "blocker"
    first.write_bytes(b"before")
    blocker.write_bytes(b"a file where a folder is needed")
    with pytest.raises(YakugoError, match="second.txt: cannot create its folder: a part of the path is a file"):
        atomic_write_files([(first, b"after"), (blocker / "second.txt", b"x")])
    assert first.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "first.txt"]


def test_a_failed_write_is_a_user_error_and_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"before")
    real_fsync = os.fsync

    def full_disk(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(YakugoError, match="a.txt: cannot write: No space left on device"):
        atomic_write_bytes(path, b"after")
    assert path.read_bytes() == b"before" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_folder_without_permission_is_a_user_error(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", denied)   # as root, chmod alone would not stop the write
    with pytest.raises(YakugoError, match="cannot write: Permission denied"):
        atomic_write_bytes(tmp_path / "a.txt", b"x")


def test_folders_and_pipes_are_never_replaced(tmp_path):
    with pytest.raises(YakugoError, match="is a folder"):
        atomic_write_bytes(tmp_path, b"x")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(YakugoError, match="not a regular file"):
        atomic_write_bytes(pipe, b"x")
    assert pipe.is_fifo()


def test_a_symlink_is_replaced_never_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"someone else's file")
    link = tmp_path / "report.xlsx"
    link.symlink_to(elsewhere)
    atomic_write_bytes(link, b"the report")
    assert not link.is_symlink() and link.read_bytes() == b"the report"
    assert elsewhere.read_bytes() == b"someone else's file"
