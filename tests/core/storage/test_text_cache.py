"""A text kept under a key comes back exactly, and anything doubtful about the file is a miss, never an error."""

from __future__ import annotations

import os
import zlib

import pytest

from hkqh_tui.core.storage.text_cache import MAGIC, TextCache

TEXT = '[\n  {\n    "id": "voucher",\n    "title": "長者醫療券 \\u001b"\n  }\n]\n'


@pytest.fixture
def cache(tmp_path):
    return TextCache(tmp_path / "cache" / "listing.json")


def written(payload: bytes, key: str = "k1") -> bytes:
    """A file as TextCache writes it, for any payload (so that only what is being tested is wrong)."""
    return b"%s 1 %s %08x\n" % (MAGIC, key.encode(), zlib.crc32(payload)) + payload


def test_a_kept_text_comes_back_exactly_under_its_key_only(cache):
    assert cache.get("k1") is None
    cache.put("k1", TEXT)
    assert cache.get("k1") == TEXT
    assert cache.get("k2") is None
    cache.put("k2", "other\n")
    assert cache.get("k2") == "other\n" and cache.get("k1") is None
    assert cache.file.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data.replace("醫療".encode(), "医疗".encode()),
        lambda data: data.replace(b"\n", b"", 1),
        lambda data: b"garbage " + data,
        lambda data: written("not UTF-8 \udc80".encode("utf-8", "surrogatepass")),
        lambda data: written(b"\xff\xfe\x00"),
        lambda data: written(b"a terminal acts on \x1b[2J"),
        lambda data: written("a direction override \u202e".encode()),
    ],
)
def test_a_damaged_or_unsafe_file_is_a_miss(cache, damage):
    cache.put("k1", TEXT)
    cache.file.write_bytes(damage(cache.file.read_bytes()))
    assert cache.get("k1") is None


def test_the_written_format_is_the_one_the_damage_cases_copy(cache):
    cache.put("k1", TEXT)
    assert cache.file.read_bytes() == written(TEXT.encode())


def test_keys_are_letters_and_digits_only(cache):
    cache.put("a b\n", TEXT)
    assert not cache.file.exists()
    assert cache.get("a b\n") is None


def test_a_text_over_the_limit_is_neither_written_nor_read(tmp_path):
    small = TextCache(tmp_path / "small.json", limit=10)
    small.put("k1", TEXT)
    assert not small.file.exists()
    TextCache(small.file).put("k1", TEXT)
    assert small.get("k1") is None
    assert TextCache(small.file).get("k1") == TEXT


def test_a_fifo_in_its_place_is_neither_read_nor_replaced(cache):
    cache.file.parent.mkdir()
    os.mkfifo(cache.file)
    assert cache.get("k1") is None  # would hang if the FIFO were opened for reading
    cache.put("k1", TEXT)
    assert cache.file.is_fifo()


def test_a_folder_that_cannot_be_made_is_ignored(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = TextCache(blocker / "cache" / "listing.json")
    cache.put("k1", TEXT)
    assert cache.get("k1") is None
