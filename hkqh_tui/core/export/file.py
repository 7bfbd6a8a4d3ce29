"""Write an exported checklist to a file: never over an existing file unless asked, always atomically."""

from __future__ import annotations

import re
import stat
from datetime import date
from pathlib import Path

from hkqh_tui.core.storage.atomic import AtomicWriteError, atomic_write_text

EXPORT_FILE_MODE = 0o644
"""Exports are meant to be shared, so unlike checklists they are readable by others."""


class ExportFileError(Exception):
    """The export could not be written; ``hint`` says what to do. Nothing was written."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


class ExportFileExists(ExportFileError):
    """The target file exists and overwriting was not asked for."""


def default_export_path(name: str, folder: Path | None = None, today: date | None = None) -> Path:
    """A sensible file for an export: ``hkqh-<name>-<date>.md`` in the home folder (or ``folder``)."""
    safe = re.sub(r"[\\/:*?\"<>|\s]+", "-", name).strip("-.") or "checklist"
    return (folder or Path.home()) / f"hkqh-{safe}-{(today or date.today()).isoformat()}.md"


def write_export(path: Path, markdown: str, *, overwrite: bool = False) -> Path:
    """Write ``markdown`` to ``path``; return the absolute path written. Raise :class:`ExportFileError`."""
    path = path.expanduser()
    if path.is_dir():
        raise ExportFileError(f"{path} is a folder", "Give a file name, for example checklist.md.")
    mode = EXPORT_FILE_MODE
    if path.exists() or path.is_symlink():
        if not overwrite:
            raise ExportFileExists(f"{path} already exists", "Overwrite it (--force), or choose another file.")
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            pass
    if not path.parent.is_dir():
        raise ExportFileError(f"the folder {path.parent} does not exist", "Create it first, or choose another file.")
    try:
        atomic_write_text(path, markdown, mode=mode)
    except AtomicWriteError as error:
        raise ExportFileError(str(error), "Nothing was written; choose another file.") from None
    return path.resolve()
