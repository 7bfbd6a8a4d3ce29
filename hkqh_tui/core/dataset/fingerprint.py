"""What a cache of anything derived from a dataset is keyed by: the files the dataset is read from, as they are now.

A key covers the dataset's location, the name, size and modification time of every file it is read from, the code
that turns the files into the cached result, and hkqh's version: a file added, removed or changed, or new code, is
a different key. Files changed in the last :data:`RACY_SECONDS` give no key at all (a second quick edit could keep
the same size and modification time), so nothing is cached from a dataset being edited.

Light on purpose (no model, no parser): a cache can be checked before anything else is loaded.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from hkqh_tui import __version__
from hkqh_tui.core.dataset.location import SERVICES_DIR, VOCABULARY_FILE
from hkqh_tui.core.storage.digest import text_digest

RACY_SECONDS = 2.0


def dataset_files(root: Path, bundled_vocabularies: Path) -> list[Path]:
    """Every file a dataset at ``root`` (a folder or a JSON file) is read from, in a fixed order."""
    if root.is_dir():
        return [root / VOCABULARY_FILE, *sorted((root / SERVICES_DIR).glob("*.toml"))]
    return [bundled_vocabularies, root]


def signature(files: list[Path]) -> list[list[Any]] | None:
    """Name, size and modification time of every file a dataset is read from; None if any is too fresh or gone."""
    fresh_after = (time.time() - RACY_SECONDS) * 1e9
    entries: list[list[Any]] = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            return None
        if info.st_mtime_ns > fresh_after:
            return None
        entries.append([str(path), info.st_size, info.st_mtime_ns])
    return entries


def fingerprint(root: Path, files: list[Path], code: list[Path], *extra: Any) -> str | None:
    """The key of what ``code`` derives from the dataset at ``root`` read from ``files`` (and ``extra``, plain
    JSON values such as a format number or options); None when a file is gone or changed too recently."""
    entries = signature(files)
    if entries is None:
        return None
    material = json.dumps(
        [list(extra), __version__, str(root.resolve()), signature(code) or [], entries], ensure_ascii=False
    )
    return text_digest(material)
