"""The app's settings: display script, theme, filters, key bindings and the current checklist.

Settings live in one readable JSON file (see :mod:`hkqh_tui.core.storage.paths`). A corrupt or unreadable file is never fatal
and never silently destroyed: it is moved aside under a clear name, the defaults are used, and a notice tells the
person where the old file went.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from hkqh_tui.core.storage.atomic import keep_aside
from hkqh_tui.core.language.text import SCRIPTS, Script

SETTINGS_VERSION = 1


@dataclass
class Settings:
    """What the app remembers between runs."""

    script: Script = "hant"
    theme: str = "textual-dark"
    category: str | None = None
    audience: str | None = None
    status: str | None = None
    checklist: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    profile: dict[str, Any] | None = None  # answers of "For me", read by hkqh_tui.core.profile.storage
    for_me_offered: bool = False  # the first screen has offered "For me" once

    def to_json(self) -> dict[str, Any]:
        """The JSON object written to the settings file."""
        return {"version": SETTINGS_VERSION, **asdict(self)}


class SettingsSaveError(Exception):
    """The settings could not be written; the message says why and what to do."""


def _valid_value(name: str, value: Any) -> bool:
    if name == "script":
        return value in SCRIPTS
    if name == "theme":
        return isinstance(value, str) and bool(value)
    if name in ("category", "audience", "status", "checklist"):
        return value is None or (isinstance(value, str) and bool(value))
    if name == "profile":  # its answers are checked one by one when read (hkqh_tui.core.profile.json_format)
        return value is None or isinstance(value, dict)
    if name == "for_me_offered":
        return isinstance(value, bool)
    if name == "keymap":
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    return False


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; return them with notices for the person (empty when all went well)."""
    if not path.exists():
        return Settings(), []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        if raw.get("version", SETTINGS_VERSION) != SETTINGS_VERSION:
            raise ValueError(f"unknown settings version {raw.get('version')!r}")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        try:
            aside = keep_aside(path)
        except OSError:
            return Settings(), [f"The settings file {path} could not be read ({reason}); using defaults for now."]
        return Settings(), [
            f"The settings file could not be read ({reason}). It was kept as {aside}; defaults are used."
        ]
    settings = Settings()
    notices: list[str] = []
    for item in fields(Settings):
        if item.name not in raw:
            continue
        value = raw[item.name]
        if _valid_value(item.name, value):
            setattr(settings, item.name, dict(value) if item.name == "keymap" else value)
        else:
            notices.append(f"Ignored an invalid value for '{item.name}' in {path}: {value!r}.")
    return settings, notices


def save_settings(settings: Settings, path: Path) -> None:
    """Write settings atomically; raise :class:`SettingsSaveError` with a clear message on failure."""
    from hkqh_tui.core.storage.atomic import atomic_write_text

    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError as error:  # AtomicWriteError is an OSError whose message says why (disk full, read-only)
        raise SettingsSaveError(f"Settings could not be saved to {path}: {error}") from error
