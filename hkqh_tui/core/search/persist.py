"""Keep a built search index in the cache folder, so that the next start does not build it again.

The file is keyed by the dataset's version (a content hash), the order of its services, the lexicon's bytes and the
index format, so any change means a new build. It is written with :mod:`marshal` (plain values only: loading it can
never run code) and atomically. Reading is bounded and forgiving: a missing, damaged, foreign or oversized file just
means the index is built again. At most :data:`KEEP_FILES` index files are kept.
"""

from __future__ import annotations

import marshal
import mmap
import os
import stat
from pathlib import Path
from typing import Any

from hkqh_tui.core.storage.digest import digest

INDEX_FORMAT = 10
"""Bump when the index's layout or the way it is built changes."""

MAX_INDEX_BYTES = 1024 * 1024 * 1024
"""A larger file is neither written nor read."""

KEEP_FILES = 3
"""Index files kept in the cache folder (the newest ones)."""

_PREFIX = "search-index-"
_SUFFIX = ".marshal"


def index_key(dataset_version: str, service_ids: list[str], lexicon_bytes: bytes) -> str:
    """The cache key of an index: changes whenever the data, its order, the lexicon or the format does."""
    parts = (str(INDEX_FORMAT), dataset_version, "\x1f".join(service_ids))
    material = b"".join(part.encode("utf-8", "surrogatepass") + b"\x00" for part in parts)
    return digest(material + lexicon_bytes, 24)


def index_path(folder: Path, key: str) -> Path:
    """Where the index with this key is kept."""
    return folder / f"{_PREFIX}{key}{_SUFFIX}"


def load_state(path: Path) -> dict[str, Any] | None:
    """The saved state at ``path``, or None when it is missing, too large or not a saved index."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INDEX_BYTES:
            return None  # a FIFO or device there would block the read or never end
        with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            # From the mapped file, not marshal.load(file): that reads in small pieces, 3.1 s against 0.9 s for
            # a 181 MB index of 100,000 services.
            state = marshal.loads(mapped)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
        return None
    return state


def save_state(path: Path, state: dict[str, Any]) -> bool:
    """Write the state atomically and drop older index files; False (and nothing lost) when it cannot be written."""
    from hkqh_tui.core.storage.atomic import atomic_write_bytes

    try:
        data = marshal.dumps({**state, "format": INDEX_FORMAT})
    except ValueError:
        return False
    if len(data) > MAX_INDEX_BYTES:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    except OSError:
        return False
    _forget_old(path.parent, keep=path)
    return True


def _forget_old(folder: Path, keep: Path) -> None:
    try:
        others = [p for p in folder.glob(f"{_PREFIX}*{_SUFFIX}") if p != keep]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_FILES - 1 :]:
            os.unlink(old)
    except OSError:
        pass
