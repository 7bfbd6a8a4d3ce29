"""Keep the folded lexicon in the cache folder, so that a search does not parse and fold ``lexicon.toml`` again.

Reading the lexicon means parsing TOML and folding every word, which needs the OpenCC converter: about 50 ms, more
than the rest of a ``hkqh search`` with a saved index. The folded lexicon is written to one small JSON file, keyed by
the SHA-256 of the lexicon's bytes, hkqh's version and the code that folds it (this module, the lexicon and folding
modules, the installed OpenCC), so any change to any of them is a miss.

The cache never changes a result: only a lexicon that validated is written, exactly as validation folded it, and
reading is bounded and forgiving: a missing, damaged, foreign, oversized or odd-shaped file is a miss, and the
lexicon is then read from its file as usual. It is JSON (data only), written atomically; failures are ignored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hkqh_tui import __version__
from hkqh_tui.core.search.lexicon import Lexicon
from hkqh_tui.core.storage.digest import digest, text_digest

CACHE_FORMAT = 1
CACHE_FILE = "lexicon.json"
MAX_CACHE_BYTES = 2 * 1024 * 1024
"""A larger cache file is neither read nor written (the folded bundled lexicon takes about 7 KB)."""

_CODE_FILES = ("lexicon.py", "lexicon_cache.py", "folding.py", "words.py")
"""Modules of this package whose code decides what a folded lexicon is."""


def _file_signature(path: Path) -> list[Any]:
    try:
        info = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), info.st_size, info.st_mtime_ns]


def library_signature(*names: str) -> list[Any]:
    """Where each installed library is and when it was installed (an upgrade may fold or read some characters
    differently), found without importing it: a search for an English query never needs OpenCC."""
    from importlib.util import find_spec

    signature: list[Any] = []
    for name in names:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            signature.append(f"no {name}")
            continue
        origin = Path(spec.origin)
        signature.append([_file_signature(origin), _file_signature(origin.parent)])
    return signature


def _converter_signature() -> list[Any]:
    """The installed OpenCC's :func:`library_signature`."""
    found = library_signature("opencc")[0]
    return found if isinstance(found, list) else [found]


def cache_key(lexicon_bytes: bytes) -> str:
    """The key of the folded form of a lexicon file with these bytes, with this code."""
    here = Path(__file__).parent
    material = json.dumps(
        [
            CACHE_FORMAT,
            __version__,
            digest(lexicon_bytes),
            [_file_signature(here / name) for name in _CODE_FILES],
            _converter_signature(),
        ],
        ensure_ascii=False,
    )
    return text_digest(material)


def cache_file() -> Path:
    """Where the folded lexicon is kept."""
    from hkqh_tui.core.storage.paths import cache_dir

    return cache_dir() / CACHE_FILE


def load(lexicon_bytes: bytes) -> Lexicon | None:
    """The folded lexicon of a file with these bytes, if the cache holds it; None (a miss) otherwise."""
    from hkqh_tui.core.storage.paths import cache_disabled
    from hkqh_tui.core.storage.reading import ParseError, parse_json, read_regular_file

    if cache_disabled():
        return None
    try:
        raw = parse_json(read_regular_file(cache_file(), MAX_CACHE_BYTES))
    except (OSError, ParseError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != CACHE_FORMAT or raw.get("key") != cache_key(lexicon_bytes):
        return None
    return _lexicon(raw)


def save(lexicon_bytes: bytes, lexicon: Lexicon) -> None:
    """Remember ``lexicon`` (validated and folded) as the folded form of a file with these bytes."""
    from hkqh_tui.core.storage.atomic import AtomicWriteError, atomic_write_bytes
    from hkqh_tui.core.storage.paths import cache_disabled, ensure_private_dir

    if cache_disabled():
        return
    data = {
        "format": CACHE_FORMAT,
        "key": cache_key(lexicon_bytes),
        "function_words": sorted(lexicon.function_words),
        "synonyms": [[word, list(words)] for word, words in lexicon.synonyms.items()],
        "audiences": [[word, audience] for word, audience in lexicon.audiences.items()],
    }
    try:
        encoded = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if len(encoded) > MAX_CACHE_BYTES:
            return
        target = cache_file()
        ensure_private_dir(target.parent)
        atomic_write_bytes(target, encoded)
    except (OSError, AtomicWriteError, ValueError):
        return


def _lexicon(raw: dict[str, Any]) -> Lexicon | None:
    """The lexicon a cache file holds, or None when its shape is not one :func:`save` writes."""
    function_words = raw.get("function_words")
    synonyms = raw.get("synonyms")
    audiences = raw.get("audiences")
    if not (_strings(function_words) and isinstance(synonyms, list) and isinstance(audiences, list)):
        return None
    folded_synonyms: dict[str, tuple[str, ...]] = {}
    for entry in synonyms:
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str) and _strings(entry[1])):
            return None
        folded_synonyms[entry[0]] = tuple(entry[1])
    folded_audiences: dict[str, str] = {}
    for entry in audiences:
        if not (isinstance(entry, list) and len(entry) == 2 and _strings(entry)):
            return None
        folded_audiences[entry[0]] = entry[1]
    if len(folded_synonyms) != len(synonyms) or len(folded_audiences) != len(audiences):
        return None  # a word listed twice: not something save() writes
    return Lexicon(frozenset(function_words), folded_synonyms, folded_audiences)  # type: ignore[arg-type]


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
