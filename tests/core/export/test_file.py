"""Writing an export: refuses to overwrite unless asked, reports clear errors, writes atomically."""

from __future__ import annotations

import stat
from datetime import date

import pytest

from hkqh_tui.core.export.file import ExportFileError, ExportFileExists, default_export_path, write_export


def test_writes_new_file(tmp_path):
    written = write_export(tmp_path / "a.md", "# x\n")
    assert written.read_text(encoding="utf-8") == "# x\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


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
    with pytest.raises(ExportFileError, match="is a folder"):
        write_export(tmp_path, "x")


def test_default_path_is_safe_and_dated(tmp_path):
    path = default_export_path("阿媽 / 體檢", tmp_path, today=date(2026, 11, 24))
    assert path == tmp_path / "hkqh-阿媽-體檢-2026-11-24.md"
