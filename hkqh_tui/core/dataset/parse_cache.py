"""A cache of parsed dataset files, so the app opens without parsing every TOML file again.

TOML parsing is the slowest part of loading the bundled dataset (about 20 ms of a 300 ms start). The parsed form
of each file is kept in one JSON file in the cache folder, keyed by the file's name, size and SHA-256 (reading and
hashing a file is far cheaper than parsing it); a file whose bytes changed is parsed again. Dates and times are
tagged so they come back as the same Python objects, and a table of the file that looks like a tag is wrapped, so
what comes back is exactly what the parser gave: the loader validates it like a fresh parse. The cache is only ever
an optimisation, and bounded: if it is missing, damaged, too large, not a regular file or cannot be written, files
are parsed as usual and nothing is reported.
"""

from __future__ import annotations

import json
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from hkqh_tui import __version__
from hkqh_tui.core.storage.digest import digest, location_key
from hkqh_tui.core.storage.paths import cache_dir
from hkqh_tui.core.storage.paths import cache_disabled as cache_disabled
from hkqh_tui.core.storage.reading import ParseError, parse_json, read_regular_file, too_deep

CACHE_FORMAT = 2
RACY_SECONDS = 2.0
"""Files changed this recently are not cached: a quick second edit could keep the same size and coarse mtime."""
MAX_CACHE_BYTES = 32 * 1024 * 1024
"""A cache file larger than this is not read (and not written): it is only an optimisation."""

_TAGS = ("$date", "$datetime", "$time")
_TABLE_TAG = "$table"
"""A table of the file whose keys could be mistaken for a tag is wrapped as ``{"$table": {...}}``."""


class _Damaged(Exception):
    """The cache holds something it could not have written."""


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, clock_time):
        return {"$time": value.isoformat()}
    if isinstance(value, dict):
        encoded = {key: _encode(item) for key, item in value.items()}
        return {_TABLE_TAG: encoded} if any(key.startswith("$") for key in value) else encoded
    if isinstance(value, list):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any) -> Any:
    """The inverse of :func:`_encode`; raises :class:`_Damaged` for anything it would not have produced."""
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (key, item), = value.items()
        if key == _TABLE_TAG:
            if not isinstance(item, dict):
                raise _Damaged
            return {k: _decode(v) for k, v in item.items()}
        if key in _TAGS:
            if not isinstance(item, str):
                raise _Damaged
            try:
                if key == "$date":
                    return date.fromisoformat(item)
                if key == "$datetime":
                    return datetime.fromisoformat(item)
                return clock_time.fromisoformat(item)
            except ValueError:
                raise _Damaged from None
    if any(key.startswith("$") for key in value):
        raise _Damaged
    return {k: _decode(v) for k, v in value.items()}


def _round_trips(parsed: dict[str, Any]) -> bool:
    """True when the cached form reads back as exactly ``parsed`` (same values and the same types)."""
    try:
        again = _decode(json.loads(json.dumps(_encode(parsed), ensure_ascii=False)))
    except (ValueError, TypeError, RecursionError, _Damaged):
        return False
    return _same(parsed, again)


def _same(first: Any, second: Any) -> bool:
    if type(first) is not type(second):
        return False
    if isinstance(first, dict):
        return list(first) == list(second) and all(_same(first[k], second[k]) for k in first)
    if isinstance(first, list):
        return len(first) == len(second) and all(_same(a, b) for a, b in zip(first, second))
    return first == second


class ParseCache:
    """Parsed TOML files of one dataset folder."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        key = location_key(root)
        self.file = (folder or cache_dir()) / f"parsed-{key}.json"
        self._entries: dict[str, Any] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        """Read the cache file; anything wrong with it (a FIFO, too large, damaged, too deep) is an empty cache."""
        try:
            data = parse_json(read_regular_file(self.file, MAX_CACHE_BYTES))
        except (OSError, ParseError):
            return
        if isinstance(data, dict) and data.get("format") == CACHE_FORMAT and data.get("hkqh") == __version__:
            entries = data.get("files")
            if isinstance(entries, dict):
                self._entries = entries

    @staticmethod
    def _signature(path: Path, content: bytes | None = None) -> list[Any] | None:
        """What identifies the file's content: its size and digest when the bytes are given (the loader always
        gives them: then no edit, however quick, can be mistaken for the cached one), else size and times."""
        if content is not None:
            return [len(content), digest(content)]
        try:
            info = path.stat()
        except OSError:
            return None
        return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]

    def get(self, path: Path, content: bytes | None = None) -> dict[str, Any] | None:
        """The parsed form of ``path`` (whose bytes are ``content``) if the cache holds it, else None (a miss).

        What comes back is exactly what parsing those bytes gave when they were cached, or nothing: an entry the
        cache could not have written is a miss, never a different value.
        """
        entry = self._entries.get(str(path))
        if not isinstance(entry, dict) or entry.get("signature") != self._signature(path, content):
            return None
        parsed = entry.get("parsed")
        if not isinstance(parsed, dict):
            return None
        try:
            decoded = _decode(parsed)
        except (_Damaged, RecursionError):
            return None
        return decoded if isinstance(decoded, dict) and not too_deep(decoded) else None

    def put(self, path: Path, parsed: dict[str, Any], content: bytes | None = None) -> None:
        """Remember the parsed form of ``path`` (whose bytes are ``content``), unless it would not read back exactly
        the same (or, without ``content``, the file changed too recently to be told apart from a quick edit)."""
        signature = self._signature(path, content)
        if signature is None or (content is None and signature[1] > (time.time() - RACY_SECONDS) * 1e9):
            return
        if too_deep(parsed) or not _round_trips(parsed):
            return
        self._entries[str(path)] = {"signature": signature, "parsed": _encode(parsed)}
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
        from hkqh_tui.core.storage.atomic import write_cache_file

        data = {"format": CACHE_FORMAT, "hkqh": __version__, "files": self._entries}
        try:
            encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
            if len(encoded) > MAX_CACHE_BYTES:
                return
            if not write_cache_file(self.file, encoded):
                return  # something else (a FIFO, a link, a folder) has the cache's name: left alone
        except (OSError, ValueError, RecursionError):
            return
        self._dirty = False
