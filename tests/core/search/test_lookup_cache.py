"""The memory of recent lookups: the same answers as looking up again, least recently used forgotten first."""

from __future__ import annotations

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.search.engine import SearchIndex
from hkqh_tui.core.search.lookup_cache import MIN_BUDGET, LookupCache
from tests.factories import search_records, write_dataset


class Counting:
    """A lookup that answers ``size`` entries for a text of that many characters, and counts its calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str) -> dict[int, int]:
        self.calls.append(text)
        return dict.fromkeys(range(len(text)), 1)


def test_a_repeated_lookup_is_answered_from_memory_with_the_same_object():
    cache, look_up = LookupCache(10, budget=100), Counting()
    first = cache.get("chinese", "深圳", look_up)
    assert cache.get("chinese", "深圳", look_up) is first
    assert look_up.calls == ["深圳"]
    cache.get("stem", "深圳", look_up)  # another kind of lookup of the same text is another lookup
    assert look_up.calls == ["深圳", "深圳"]


def test_the_least_recently_used_lookups_are_forgotten_within_the_budget():
    cache, look_up = LookupCache(10, budget=12), Counting()
    cache.get("k", "aaa", look_up)  # weighs 4
    cache.get("k", "bbb", look_up)  # 8
    cache.get("k", "aaa", look_up)  # used again: now the most recent
    cache.get("k", "ccc", look_up)  # 12: still within the budget
    cache.get("k", "dd", look_up)  # 15: bbb, the least recently used, goes
    assert cache.entries <= 12 and len(cache) == 3
    look_up.calls.clear()
    for text in ("aaa", "ccc", "dd"):
        cache.get("k", text, look_up)
    assert look_up.calls == []
    cache.get("k", "bbb", look_up)
    assert look_up.calls == ["bbb"]


def test_a_result_bigger_than_the_budget_is_answered_but_not_kept():
    cache, look_up = LookupCache(10, budget=5), Counting()
    cache.get("k", "ab", look_up)
    assert len(cache.get("k", "abcdefgh", look_up)) == 8
    assert len(cache) == 1 and cache.entries == 3
    cache.clear()
    assert len(cache) == 0 and cache.entries == 0


def test_the_budget_grows_with_the_dataset():
    assert LookupCache(10).budget == MIN_BUDGET
    assert LookupCache(1_000_000).budget > MIN_BUDGET


def test_searching_again_gives_the_same_results_as_a_new_index(tmp_path):
    dataset = load_dataset(write_dataset(tmp_path, search_records()))
    warm = SearchIndex(dataset, persist=False)
    queries = ["醫療券", "醫療卷", "深圳灣口岸", "前海法院", "elderly voucher", "arbitation", "ylq", "yi liao quan"]
    for query in queries:
        warm.search(query)  # fills the memory of lookups
    for query in queries + queries[::-1]:
        fresh = SearchIndex(dataset, persist=False)
        assert [(r.service.id, r.score, r.reason) for r in warm.search(query)] == [
            (r.service.id, r.score, r.reason) for r in fresh.search(query)
        ]
