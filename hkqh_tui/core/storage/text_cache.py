"""A text kept in the cache folder under a key, for output that is expensive to make and the same every time.

One file holds one text: a header line (a magic word, the format, the key and a CRC-32 of the text) and the text in
UTF-8. Reading is bounded and forgiving: a missing file, another key, a damaged or cut-short file, one that is not
a regular file or is larger than the limit, or text that is not UTF-8 is a miss (``None``), never an error; so is
text that holds a character a terminal would act on (the texts kept here are made safe before they are kept).
Writing is atomic and any failure is ignored: it is only a cache.
"""

from __future__ import annotations

import zlib
from pathlib import Path

MAGIC = b"hkqh-text-cache"
CACHE_FORMAT = 1
MAX_TEXT_BYTES = 512 * 1024 * 1024
"""A larger text is neither written nor read (a listing of 10,000 services takes about 30 MB)."""


class TextCache:
    """The text kept in one cache file."""

    def __init__(self, file: Path, limit: int = MAX_TEXT_BYTES) -> None:
        self.file = file
        self.limit = limit

    def _header(self, key: str, payload: bytes) -> bytes:
        return b"%s %d %s %08x\n" % (MAGIC, CACHE_FORMAT, key.encode("ascii"), zlib.crc32(payload))

    def get(self, key: str) -> str | None:
        """The text kept under ``key``, or None."""
        from hkqh_tui.core.language.visible import ACTIVE_CHARACTERS
        from hkqh_tui.core.storage.reading import read_regular_file

        if not key.isascii() or not key.isalnum():
            return None
        try:
            data = read_regular_file(self.file, self.limit + 200)  # the header is under 200 bytes
        except OSError:
            return None
        header, newline, payload = data.partition(b"\n")
        if not newline or len(payload) > self.limit or header + b"\n" != self._header(key, payload):
            return None
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return None if ACTIVE_CHARACTERS.search(text) else text

    def put(self, key: str, text: str) -> None:
        """Keep ``text`` under ``key`` (letters and digits), replacing what the file held."""
        from hkqh_tui.core.storage.atomic import AtomicWriteError, write_cache_file

        if not key.isascii() or not key.isalnum():
            return
        try:
            payload = text.encode("utf-8")
        except UnicodeEncodeError:
            return
        if len(payload) > self.limit:
            return
        try:
            write_cache_file(self.file, self._header(key, payload) + payload)
        except (OSError, AtomicWriteError, ValueError):
            return
