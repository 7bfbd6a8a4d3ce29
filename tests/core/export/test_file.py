"""Writing an export: refuses to overwrite unless asked, reports clear errors, writes atomically."""

from __future__ import annotations

import os
import socket
import stat
from datetime import date

import pytest

from hkqh_tui.core.export.file import ExportFileError, ExportFileExists, default_export_path, write_export


def test_writes_new_file(tmp_path):
    written = write_export(tmp_path / "a.md", "# x\n")
    assert written.read_text(encoding="utf-8") == "# x\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600  # it holds personal notes


def test_refuses_to_overwrite_then_overwrites_when_asked(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ExportFileExists):
        write_export(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    write_export(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(ExportFileError, match="does not exist"):
        write_export(tmp_path / "nope" / "a.md", "x")
    with pytest.raises(ExportFileError, match="is a folder, not a regular file"):
        write_export(tmp_path, "x")


def test_default_path_is_safe_and_dated(tmp_path):
    path = default_export_path("阿媽 / 體檢", tmp_path, today=date(2026, 11, 24))
    assert path == tmp_path / "hkqh-阿媽-體檢-2026-11-24.md"


def test_private_even_under_umask_000_and_when_overwriting_a_public_file(tmp_path):
    old = os.umask(0)
    try:
        target = tmp_path / "a.md"
        target.write_text("old", encoding="utf-8")
        os.chmod(target, 0o666)
        write_export(target, "new", overwrite=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text(encoding="utf-8") == "new"


def _fifo(tmp_path):
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    return path


def _socket(tmp_path):
    path = tmp_path / "sock.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def _symlink_to_fifo(tmp_path):
    link = tmp_path / "link-to-pipe.md"
    link.symlink_to(_fifo(tmp_path))
    return link


def _symlink_to_device(tmp_path):
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    return link


def _symlink_to_file(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    return link


def _dangling_symlink(tmp_path):
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "nowhere" / "x.md")
    return link


@pytest.mark.parametrize(
    "make", [_fifo, _socket, _symlink_to_fifo, _symlink_to_device, _symlink_to_file, _dangling_symlink,
             lambda tmp: tmp, lambda tmp: __import__("pathlib").Path("/dev/null")],
)
@pytest.mark.parametrize("overwrite", [False, True])
def test_only_regular_files_are_ever_written_even_with_force(tmp_path, make, overwrite):
    target = make(tmp_path)
    before = os.lstat(target)
    with pytest.raises(ExportFileError, match="not a regular file"):
        write_export(target, "# x\n", overwrite=overwrite)
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_dev) == (before.st_mode, before.st_ino, before.st_dev)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_direction_overrides_in_an_export_are_made_visible(tmp_path):
    written = write_export(tmp_path / "a.md", "note \u202eevil\n")
    assert written.read_text(encoding="utf-8") == "note \\u202eevil\n"
