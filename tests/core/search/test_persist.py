"""The built index is kept in the cache folder and read back on the next start; any problem means a rebuild."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.search import persist
from hkqh_tui.core.search.engine import SearchIndex
from hkqh_tui.core.search.index import SearchCorpus
from tests.factories import search_records, write_dataset

QUERIES = ["醫療券", "深圳湾口岸", "ferries", "ylq", "我阿媽想喺深圳用醫療券睇醫生", "arbitation", "前海法院"]


@pytest.fixture
def dataset(tmp_path):
    return load_dataset(write_dataset(tmp_path / "data", search_records()))


def saved_files(cache):
    return sorted(cache.glob("search-index-*.marshal"))


def answers(index: SearchIndex) -> list[list[tuple[str, float, str]]]:
    return [[(r.service.id, r.score, r.confidence) for r in index.search(q)] for q in QUERIES]


def test_a_second_index_is_read_from_the_cache_and_answers_alike(dataset, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("HKQH_CACHE_DIR", str(cache))
    first = SearchIndex(dataset)
    assert len(saved_files(cache)) == 1
    built = []
    real_init = SearchCorpus.__init__
    monkeypatch.setattr(SearchCorpus, "__init__", lambda self, services: built.append(1) or real_init(self, services))
    second = SearchIndex(dataset)
    assert built == []  # read, not built
    assert answers(second) == answers(first)


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xe3" * 10, None])
def test_a_damaged_saved_index_is_rebuilt(dataset, tmp_path, monkeypatch, damage):
    cache = tmp_path / "cache"
    monkeypatch.setenv("HKQH_CACHE_DIR", str(cache))
    reference = answers(SearchIndex(dataset))
    [path] = saved_files(cache)
    if damage is None:
        import marshal

        path.write_bytes(marshal.dumps({"format": persist.INDEX_FORMAT, "size": 3}))  # a state missing its parts
    else:
        path.write_bytes(damage)
    assert answers(SearchIndex(dataset)) == reference


def test_no_cache_means_nothing_is_written(dataset, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("HKQH_CACHE_DIR", str(cache))
    monkeypatch.setenv("HKQH_NO_CACHE", "1")
    SearchIndex(dataset)
    assert not cache.exists() or saved_files(cache) == []


def test_an_unwritable_cache_folder_is_not_a_problem(dataset, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("HKQH_CACHE_DIR", str(blocker / "cache"))
    assert SearchIndex(dataset).search("醫療券")


def test_only_a_few_index_files_are_kept(tmp_path):
    for number in range(persist.KEEP_FILES + 3):
        assert persist.save_state(persist.index_path(tmp_path, f"k{number}"), {"size": number})
    assert len(list(tmp_path.glob("search-index-*"))) == persist.KEEP_FILES


def test_an_upgraded_folding_or_reading_library_means_a_new_index(dataset, tmp_path, monkeypatch):
    from hkqh_tui.core.search import lexicon_cache

    cache = tmp_path / "cache"
    monkeypatch.setenv("HKQH_CACHE_DIR", str(cache))
    SearchIndex(dataset)
    real = lexicon_cache.library_signature
    monkeypatch.setattr(lexicon_cache, "library_signature", lambda *names: [*real(*names), "pypinyin upgraded"])
    SearchIndex(dataset)
    assert len(saved_files(cache)) == 2


def test_a_fifo_or_a_folder_where_the_index_should_be_is_not_read(dataset, tmp_path, monkeypatch):
    import os

    cache = tmp_path / "cache"
    monkeypatch.setenv("HKQH_CACHE_DIR", str(cache))
    reference = answers(SearchIndex(dataset))
    [path] = saved_files(cache)
    path.unlink()
    os.mkfifo(path)  # reading it would wait for a writer forever
    assert persist.load_state(path) is None
    assert answers(SearchIndex(dataset)) == reference  # built again, and saved in its place without waiting
    path.unlink()
    path.mkdir()
    assert persist.load_state(path) is None
