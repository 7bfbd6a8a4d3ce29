"""The folded lexicon is kept in the cache folder; a second read comes from there, and any problem means a re-read."""

from __future__ import annotations

import json
import os

import pytest

from hkqh_tui.core.search import lexicon as lexicon_module
from hkqh_tui.core.search import lexicon_cache
from hkqh_tui.core.search.lexicon import lexicon_path, read_lexicon

SMALL_LEXICON = """
[function_words]
cantonese = ["點樣", "可唔可以"]
english = ["the", "please"]

[synonyms]
"隔離" = ["檢疫", "隔离酒店"]
"doctor" = ["醫生"]

[audiences]
elderly = ["阿媽", "老人家"]
"""


@pytest.fixture
def lexicon_file(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text(SMALL_LEXICON, encoding="utf-8")
    return path


@pytest.fixture
def parses(monkeypatch):
    """Counts the lexicons parsed and folded from TOML (a read from the cache parses none)."""
    calls: list[str] = []
    real = lexicon_module.parse_lexicon
    monkeypatch.setattr(lexicon_module, "parse_lexicon", lambda data, origin: calls.append(origin) or real(data, origin))
    return calls


def test_a_second_read_comes_from_the_cache_and_is_the_same_lexicon(lexicon_file, parses):
    first = read_lexicon(lexicon_file)
    assert lexicon_cache.cache_file().is_file()
    second = read_lexicon(lexicon_file)
    assert parses == [str(lexicon_file)]
    assert second == first
    assert list(second.synonyms) == list(first.synonyms) and list(second.audiences) == list(first.audiences)


def test_the_bundled_lexicon_reads_back_the_same_from_the_cache(parses):
    first = read_lexicon(lexicon_path())
    second = read_lexicon(lexicon_path())
    assert len(parses) == 1
    assert second == first


def test_a_changed_lexicon_is_read_again(lexicon_file, parses):
    read_lexicon(lexicon_file)
    lexicon_file.write_text(SMALL_LEXICON.replace('"醫生"', '"醫生", "診所"'), encoding="utf-8")
    changed = read_lexicon(lexicon_file)
    assert len(parses) == 2
    assert changed.synonyms["doctor"] == ("医生", "诊所")


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json {",
        b"\xff\xfe" * 20,
        b"[]",
        json.dumps({"format": 99}).encode(),
        b"[" * 100_000,
    ],
)
def test_a_damaged_cache_is_rebuilt(lexicon_file, parses, damage):
    reference = read_lexicon(lexicon_file)
    lexicon_cache.cache_file().write_bytes(damage)
    assert read_lexicon(lexicon_file) == reference
    assert len(parses) == 2
    assert read_lexicon(lexicon_file) == reference  # written again, then read from the cache
    assert len(parses) == 2


@pytest.mark.parametrize(
    ("part", "value"),
    [
        ("function_words", "the"),
        ("function_words", [1, 2]),
        ("synonyms", [["doctor"]]),
        ("synonyms", [["doctor", "醫生"]]),
        ("synonyms", [["doctor", ["a"]], ["doctor", ["b"]]]),
        ("audiences", [["阿媽", 3]]),
        ("audiences", {"阿媽": "elderly"}),
    ],
)
def test_a_cache_of_the_wrong_shape_with_the_right_key_is_a_miss(lexicon_file, parses, part, value):
    reference = read_lexicon(lexicon_file)
    cached = json.loads(lexicon_cache.cache_file().read_bytes())
    cached[part] = value
    lexicon_cache.cache_file().write_text(json.dumps(cached), encoding="utf-8")
    assert read_lexicon(lexicon_file) == reference
    assert len(parses) == 2


def test_an_oversized_or_odd_cache_file_is_not_read(lexicon_file, parses, monkeypatch):
    reference = read_lexicon(lexicon_file)
    with monkeypatch.context() as patched:
        patched.setattr(lexicon_cache, "MAX_CACHE_BYTES", 100)
        assert read_lexicon(lexicon_file) == reference
        assert len(parses) == 2
    target = lexicon_cache.cache_file()
    target.unlink()
    os.mkfifo(target)  # reading a FIFO would wait forever for a writer
    assert read_lexicon(lexicon_file) == reference
    assert len(parses) == 3


def test_a_cache_that_cannot_be_written_changes_nothing(lexicon_file, parses, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("HKQH_CACHE_DIR", str(blocked / "cache"))
    assert read_lexicon(lexicon_file) == read_lexicon(lexicon_file)
    assert len(parses) == 2


def test_no_cache_is_written_when_caching_is_off(lexicon_file, monkeypatch):
    monkeypatch.setenv("HKQH_NO_CACHE", "1")
    read_lexicon(lexicon_file)
    assert not lexicon_cache.cache_file().exists()


def test_the_key_covers_the_bytes_and_the_folding_code(lexicon_file, monkeypatch, tmp_path):
    data = lexicon_file.read_bytes()
    key = lexicon_cache.cache_key(data)
    assert lexicon_cache.cache_key(data + b"\n") != key
    code = tmp_path / "code"
    code.mkdir()
    for name in lexicon_cache._CODE_FILES:
        (code / name).write_text("# code", encoding="utf-8")
    monkeypatch.setattr(lexicon_cache, "__file__", str(code / "lexicon_cache.py"))
    before = lexicon_cache.cache_key(data)
    (code / "folding.py").write_text("# other code", encoding="utf-8")
    assert lexicon_cache.cache_key(data) != before
