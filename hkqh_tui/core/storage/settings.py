"""The app's settings: display script, theme, filters, key bindings and the current checklist.

Settings live in one readable JSON file (see :mod:`hkqh_tui.core.storage.paths`). A corrupt or unreadable file is never fatal
and never silently destroyed: it is moved aside under a clear name, the defaults are used, and a notice tells the
person where the old file went.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from hkqh_tui.core.language.text import SCRIPTS, Script
from hkqh_tui.core.language.visible import visible
from hkqh_tui.core.storage.atomic import keep_aside
from hkqh_tui.core.storage.reading import ParseError, parse_json, read_regular_file, short_repr

SETTINGS_VERSION = 1
MAX_SETTINGS_BYTES = 256 * 1024
"""Settings are a few hundred bytes; a larger file is not read."""
MAX_WORD_CHARS = 64
MAX_KEYMAP_ENTRIES = 100
_WORD = re.compile(r"^[\w.+-]{1,64}$", re.ASCII)
"""A theme, filter value or binding id: letters, digits and ``_ . + -`` only."""
_KEYS = re.compile(r"^[!-~]{1,40}$")
"""Key names (``ctrl+q``, ``f2``, ``s``, ``ctrl+l,f2``): visible ASCII, no spaces."""


class Settings:
    """What the app remembers between runs (the app changes it in place and saves it whole)."""

    FIELDS = ("script", "theme", "category", "audience", "status", "checklist", "keymap", "profile", "for_me_offered")
    """Every setting, in the order they are written."""

    __slots__ = FIELDS

    def __init__(
        self,
        script: Script = "hant",
        theme: str = "textual-dark",
        category: str | None = None,
        audience: str | None = None,
        status: str | None = None,
        checklist: str | None = None,
        keymap: dict[str, str] | None = None,
        profile: dict[str, Any] | None = None,
        for_me_offered: bool = False,
    ) -> None:
        self.script: Script = script
        self.theme = theme
        self.category = category
        self.audience = audience
        self.status = status
        self.checklist = checklist
        self.keymap: dict[str, str] = {} if keymap is None else keymap
        self.profile = profile
        """Answers of "For me", read by :mod:`hkqh_tui.core.profile.storage`."""
        self.for_me_offered = for_me_offered
        """The first screen has offered "For me" once."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]  # changed in place

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS) + ")"

    def to_json(self) -> dict[str, Any]:
        """The JSON object written to the settings file (copies: later changes do not reach it)."""
        return {"version": SETTINGS_VERSION, **{name: copy.deepcopy(getattr(self, name)) for name in self.FIELDS}}


class SettingsSaveError(Exception):
    """The settings could not be written; the message says why and what to do."""


def _valid_key(value: Any) -> bool:
    return isinstance(value, str) and bool(_KEYS.match(value)) and "[" not in value and "]" not in value


def _valid_value(name: str, value: Any) -> bool:
    if name == "script":
        return isinstance(value, str) and value in SCRIPTS
    if name == "theme":
        return isinstance(value, str) and bool(_WORD.match(value))
    if name in ("category", "audience", "status"):
        return value is None or (isinstance(value, str) and bool(_WORD.match(value)))
    if name == "checklist":
        if value is None:
            return True
        from hkqh_tui.core.checklists.model import ChecklistNameError, normalize_name

        try:
            return isinstance(value, str) and normalize_name(value) == value
        except ChecklistNameError:
            return False
    if name == "profile":  # its answers are checked one by one when read (hkqh_tui.core.profile.json_format)
        return value is None or isinstance(value, dict)
    if name == "for_me_offered":
        return isinstance(value, bool)
    if name == "keymap":
        return (
            isinstance(value, dict)
            and len(value) <= MAX_KEYMAP_ENTRIES
            and all(isinstance(k, str) and _WORD.match(k) and _valid_key(v) for k, v in value.items())
        )
    return False


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; return them with notices for the person (empty when all went well)."""
    if not path.exists() and not path.is_symlink():
        return Settings(), []
    try:
        raw = parse_json(read_regular_file(path, MAX_SETTINGS_BYTES))
        if not isinstance(raw, dict):
            raise ParseError("not a JSON object")
        version = raw.get("version", SETTINGS_VERSION)
        if version != SETTINGS_VERSION or isinstance(version, bool):
            raise ParseError(f"unknown settings version {short_repr(version)}")
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:  # not a regular file, too large, no permission: not damage, so it is left where it is
        reason = error.strerror or str(error)
        return Settings(), [visible(f"The settings file {path} could not be read ({reason}); defaults are used.")]
    except ParseError as error:
        reason = str(error)
        try:
            aside = keep_aside(path)
        except OSError:
            return Settings(), [visible(f"The settings file {path} could not be read ({reason}); using defaults for now.")]
        return Settings(), [
            visible(f"The settings file could not be read ({reason}). It was kept as {aside}; defaults are used.")
        ]
    settings = Settings()
    notices: list[str] = []
    for name in Settings.FIELDS:
        if name not in raw:
            continue
        value = raw[name]
        if _valid_value(name, value):
            setattr(settings, name, dict(value) if name == "keymap" else value)
        else:
            notices.append(
                visible(f"Ignored an invalid value for '{name}' in {path}: {short_repr(value)}; the default is used.")
            )
    return settings, notices


def _regular_target(path: Path) -> Path:
    """Where to write: the file itself, or the file a symbolic link points to (a linked dotfile stays linked).

    Raises :class:`SettingsSaveError` when that is not a regular file (a pipe, a device, a folder): never replaced.
    """
    import os
    import stat

    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError:
        return target  # the write reports the real reason
    if not stat.S_ISREG(mode):
        raise SettingsSaveError(f"Settings were not saved: {visible(str(path))} is not a regular file, so it was left as it is.")
    return target


def save_settings(settings: Settings, path: Path) -> None:
    """Write settings atomically; raise :class:`SettingsSaveError` with a clear message on failure."""
    import json

    from hkqh_tui.core.storage.atomic import atomic_write_text
    from hkqh_tui.core.storage.paths import ensure_private_dir

    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n"
    target = _regular_target(path)
    try:
        ensure_private_dir(target.parent)
        atomic_write_text(target, text)
    except OSError as error:  # AtomicWriteError is an OSError whose message says why (disk full, read-only)
        raise SettingsSaveError(f"Settings could not be saved to {path}: {error}") from error
