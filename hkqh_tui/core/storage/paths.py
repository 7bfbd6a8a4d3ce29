"""Where hkqh keeps a person's settings and checklists (the platform's user directories).

Environment variables override the platform defaults, so tests and portable set-ups never touch the real ones:
``HKQH_CONFIG_DIR`` (settings), ``HKQH_DATA_DIR`` (checklists and other saved work) and ``HKQH_CACHE_DIR`` (files
hkqh can rebuild at any time, such as parsed dataset files).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "hkqh"
CONFIG_ENV_VAR = "HKQH_CONFIG_DIR"
DATA_DIR_ENV_VAR = "HKQH_DATA_DIR"
CACHE_ENV_VAR = "HKQH_CACHE_DIR"
NO_CACHE_ENV_VAR = "HKQH_NO_CACHE"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Folder for settings (``settings.json``)."""
    override = _from_env(CONFIG_ENV_VAR)
    if override:
        return override
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """Folder for saved work (checklists)."""
    override = _from_env(DATA_DIR_ENV_VAR)
    if override:
        return override
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    """The settings file of the app."""
    return config_dir() / "settings.json"


def checklists_dir() -> Path:
    """The folder holding one JSON file per checklist."""
    return user_data_dir() / "checklists"


def cache_dir() -> Path:
    """Folder for caches: safe to delete, rebuilt when needed."""
    override = _from_env(CACHE_ENV_VAR)
    if override:
        return override
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def cache_disabled() -> bool:
    """True when HKQH_NO_CACHE is set (for measuring, or a read-only home): no cache is read or written."""
    return bool(os.environ.get(NO_CACHE_ENV_VAR))


PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents as folders only the user can open (0700), whatever the umask.

    Only folders created here get that mode; a folder that already exists is left exactly as it is (the person may
    have chosen its permissions), and nothing is changed through a symbolic link. Raises OSError when a folder
    cannot be created.
    """
    missing: list[Path] = []
    current = path
    while not current.exists() and not current.is_symlink():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_DIR_MODE)
        except FileExistsError:  # another copy of hkqh made it just now: not ours to change
            continue
        # mkdir applies the umask (a umask of 077 would be fine, 000 gives 0777 before this): set the mode on the
        # folder just made, through a descriptor, so a symbolic link swapped in meanwhile is never followed.
        flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(folder, flags)
        except OSError:
            continue
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_DIR_MODE)
        finally:
            os.close(fd)
    if not path.is_dir():
        raise NotADirectoryError(20, f"{path} is not a folder", str(path))
    return path
