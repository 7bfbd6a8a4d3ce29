"""Cache keys: fixed-length hex digests, equal for equal input, different for different input."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hkqh_tui.core.storage.digest import digest, location_key, text_digest


def test_a_digest_is_blake2b_in_hex_of_the_asked_length():
    assert digest(b"hkqh") == hashlib.blake2b(b"hkqh", digest_size=32).hexdigest()
    assert len(digest(b"hkqh", 24)) == 24 and int(digest(b"hkqh", 24), 16) >= 0
    assert digest(b"hkqh", 16) != digest(b"hkqi", 16)


def test_a_text_digest_takes_any_string_even_a_lone_surrogate():
    assert text_digest("醫療券") == digest("醫療券".encode())
    assert len(text_digest("bad \udc80 name", 16)) == 16


def test_a_location_key_names_the_resolved_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert location_key(Path("data")) == location_key(tmp_path / "data")
    assert location_key(tmp_path / "data") != location_key(tmp_path)
    assert len(location_key(tmp_path)) == 16
