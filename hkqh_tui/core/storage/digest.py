"""Hex digests for cache keys and cache file names.

They use BLAKE2b from CPython's built-in ``_blake2`` module rather than :mod:`hashlib`, because ``import hashlib``
first loads OpenSSL (about 4 ms, a tenth of a warm ``hkqh search --json``) and a cache key needs nothing from it.
What users see or keep (the dataset version, checklist file names) still uses SHA-256 from :mod:`hashlib`, so that
it stays as it was.
"""

from __future__ import annotations

from pathlib import Path

try:
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b


def digest(data: bytes, length: int = 64) -> str:
    """A digest of ``data`` as ``length`` hex digits (an even number from 2 to 128)."""
    return blake2b(data, digest_size=length // 2).hexdigest()


def text_digest(text: str, length: int = 64) -> str:
    """:func:`digest` of ``text`` (any string, lone surrogates included)."""
    return digest(text.encode("utf-8", "surrogatepass"), length)


def location_key(root: Path) -> str:
    """16 hex digits that name the cache files of whatever is kept for the dataset location ``root``."""
    return text_digest(str(root.resolve()), 16)
