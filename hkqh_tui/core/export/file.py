"""Write an exported checklist to a file: only ever a regular file, never over one unless asked, always atomically
and privately (the export holds the person's notes).

What is refused, even when overwriting was asked for: a folder, a named pipe (FIFO), a device (``/dev/null``,
``/dev/tty``), a socket, and a symbolic link (to anything: the link would be replaced by a file, or the write would
land somewhere else than the name given). A new export is created only if nothing has its name at that moment, so a
file that appears meanwhile is never clobbered.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date
from pathlib import Path

from hkqh_tui.core.language.visible import ACTIVE_CHARACTERS, escape_character
from hkqh_tui.core.storage.atomic import AtomicWriteError, atomic_write_text
from hkqh_tui.core.storage.reading import kind_of

EXPORT_FILE_MODE = 0o600
"""Exports hold personal notes: readable by their owner only, like checklists (share them on purpose)."""


class ExportFileError(Exception):
    """The export could not be written; ``hint`` says what to do. Nothing was written."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


class ExportFileExists(ExportFileError):
    """The target file exists and overwriting was not asked for."""


def default_export_path(name: str, folder: Path | None = None, today: date | None = None) -> Path:
    """A sensible file for an export: ``hkqh-<name>-<date>.md`` in the home folder (or ``folder``)."""
    safe = ACTIVE_CHARACTERS.sub("-", name)
    safe = re.sub(r"[\\/:*?\"<>|\s]+", "-", safe).strip("-.") or "checklist"
    return (folder or Path.home()) / f"hkqh-{safe}-{(today or date.today()).isoformat()}.md"


def terminal_safe_markdown(markdown: str) -> str:
    """The export with any character a terminal acts on (beyond line breaks and tabs) written as a visible escape.

    The Markdown writer already drops control characters; this also covers direction overrides and separators.
    """
    return ACTIVE_CHARACTERS.sub(lambda match: escape_character(match.group()), markdown)


def _what_is_there(path: Path) -> str | None:
    """None when nothing has this name or it is a regular file; else what it is, for the message."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return None  # cannot look: the write below reports the real reason
    return None if stat.S_ISREG(info.st_mode) else kind_of(info.st_mode)


def write_export(path: Path, markdown: str, *, overwrite: bool = False) -> Path:
    """Write ``markdown`` to ``path`` (mode 0600); return the absolute path written. Raise :class:`ExportFileError`.

    Only a regular file is ever created or (with ``overwrite``) replaced; anything else is refused.
    """
    path = path.expanduser()
    kind = _what_is_there(path)
    if kind is not None:
        raise ExportFileError(
            f"{path} is {kind}, not a regular file", "Nothing was written; give the name of a new or regular file."
        )
    if not path.parent.is_dir():
        raise ExportFileError(f"the folder {path.parent} does not exist", "Create it first, or choose another file.")
    if os.path.lexists(path) and not overwrite:
        raise ExportFileExists(f"{path} already exists", "Overwrite it (--force), or choose another file.")
    try:
        atomic_write_text(path, terminal_safe_markdown(markdown), mode=EXPORT_FILE_MODE, exclusive=not overwrite)
    except FileExistsError:
        raise ExportFileExists(f"{path} already exists", "Overwrite it (--force), or choose another file.") from None
    except AtomicWriteError as error:
        raise ExportFileError(str(error), "Nothing was written; choose another file.") from None
    return path.resolve()
