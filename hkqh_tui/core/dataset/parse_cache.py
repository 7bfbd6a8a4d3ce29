"""A cache of parsed dataset files, so the app opens without parsing every TOML file again.

TOML parsing is the slowest part of loading the bundled dataset (about 20 ms of a 300 ms start). The parsed form
of each file is kept in one JSON file in the cache folder, keyed by the file's name, size and modification time; a
file that changed is parsed again. Dates and times are tagged so they come back as the same Python objects. The cache
is only ever an optimisation: if it is missing, damaged or cannot be written, files are parsed as usual and nothing
is reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import date, datetime, time as clock_time
from pathlib import Path
from typing import Any

from hkqh_tui import __version__
from hkqh_tui.core.storage.paths import cache_dir

CACHE_FORMAT = 1
RACY_SECONDS = 2.0
"""Files changed this recently are not cached: a quick second edit could keep the same size and coarse mtime."""


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, clock_time):
        return {"$time": value.isoformat()}
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    return value


def _decode_tag(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "$date" in obj:
            return date.fromisoformat(obj["$date"])
        if "$datetime" in obj:
            return datetime.fromisoformat(obj["$datetime"])
        if "$time" in obj:
            return clock_time.fromisoformat(obj["$time"])
    return obj


class ParseCache:
    """Parsed TOML files of one dataset folder."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.file = (folder or cache_dir()) / f"parsed-{key}.json"
        self._entries: dict[str, Any] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.file.read_bytes(), object_hook=_decode_tag)
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("format") == CACHE_FORMAT and data.get("hkqh") == __version__:
            entries = data.get("files")
            if isinstance(entries, dict):
                self._entries = entries

    @staticmethod
    def _signature(path: Path) -> list[int] | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return [info.st_size, info.st_mtime_ns]

    def get(self, path: Path) -> dict[str, Any] | None:
        """The parsed content of ``path`` if the cache holds it for the file as it is now."""
        entry = self._entries.get(str(path))
        if not isinstance(entry, dict) or entry.get("signature") != self._signature(path):
            return None
        parsed = entry.get("parsed")
        return parsed if isinstance(parsed, dict) else None

    def put(self, path: Path, parsed: dict[str, Any]) -> None:
        """Remember the parsed content of ``path`` (unless it changed too recently to be trusted)."""
        signature = self._signature(path)
        if signature is None or signature[1] > (time.time() - RACY_SECONDS) * 1e9:
            return
        self._entries[str(path)] = {"signature": signature, "parsed": parsed}
        self._dirty = True

    def forget_others(self, keep: set[str]) -> None:
        """Drop entries of files that are no longer in the dataset."""
        for name in list(self._entries):
            if name not in keep:
                del self._entries[name]
                self._dirty = True

    def save(self) -> None:
        """Write the cache if it changed; any failure is ignored (it is only a cache)."""
        if not self._dirty:
            return
        from hkqh_tui.core.storage.atomic import atomic_write_text

        data = {"format": CACHE_FORMAT, "hkqh": __version__, "files": _encode(self._entries)}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.file, json.dumps(data, ensure_ascii=False))
        except (OSError, ValueError):
            return
        self._dirty = False


def cache_disabled() -> bool:
    """True when HKQH_NO_CACHE is set (for measuring, or a read-only home)."""
    return bool(os.environ.get("HKQH_NO_CACHE"))
