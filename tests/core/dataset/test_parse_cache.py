"""The parsed-file cache speeds loading up and never changes what is loaded."""

from __future__ import annotations

import os
import time

from hkqh_tui.core.dataset import parse_cache
from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.dataset.parse_cache import ParseCache
from hkqh_tui.core.dataset.serialize import service_to_json


def age(path, seconds=10):
    """Make a file look older than the racy-edit window."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def snapshot(result):
    return [service_to_json(s) for s in result.dataset.services]


def test_cached_load_equals_parsed_load(small_dataset, isolated_user_dirs):
    for path in (small_dataset / "services").glob("*.toml"):
        age(path)
    first = read_dataset(small_dataset)
    cache_files = list((isolated_user_dirs["data"].parent / "cache").glob("parsed-*.json"))
    assert len(cache_files) == 1
    second = read_dataset(small_dataset)
    assert snapshot(first) == snapshot(second) and first.dataset.version == second.dataset.version


def test_changed_file_is_parsed_again(small_dataset):
    target = small_dataset / "services" / "port-test.toml"
    for path in (small_dataset / "services").glob("*.toml"):
        age(path)
    read_dataset(small_dataset)
    target.write_text(target.read_text(encoding="utf-8").replace("深圳灣口岸", "深圳灣口岸（新）"), encoding="utf-8")
    age(target, 5)
    assert read_dataset(small_dataset).dataset.get("port-test").title.zh_hant == "深圳灣口岸（新）"


def test_recently_changed_files_are_not_cached(tmp_path, small_dataset):
    cache = ParseCache(small_dataset, tmp_path)
    fresh = small_dataset / "services" / "port-test.toml"
    cache.put(fresh, {"id": "port-test"})
    assert cache.get(fresh) is None


def test_dates_round_trip(tmp_path, small_dataset):
    from datetime import date, datetime

    target = small_dataset / "services" / "port-test.toml"
    age(target)
    cache = ParseCache(small_dataset, tmp_path)
    parsed = {"last_verified": date(2026, 11, 24), "stamp": datetime(2026, 1, 2, 3, 4, 5), "x": [{"d": date(2025, 1, 1)}]}
    cache.put(target, parsed)
    cache.save()
    again = ParseCache(small_dataset, tmp_path)
    assert again.get(target) == parsed


def test_damaged_cache_is_ignored_and_replaced(small_dataset, isolated_user_dirs):
    for path in (small_dataset / "services").glob("*.toml"):
        age(path)
    read_dataset(small_dataset)
    cache_file = next((isolated_user_dirs["data"].parent / "cache").glob("parsed-*.json"))
    cache_file.write_text("{not json", encoding="utf-8")
    result = read_dataset(small_dataset)
    assert result.problems == [] and len(result.dataset.services) == 3
    assert cache_file.read_text(encoding="utf-8").startswith("{")


def test_unwritable_cache_folder_does_not_matter(small_dataset, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("HKQH_CACHE_DIR", str(blocker / "cache"))
    result = read_dataset(small_dataset)
    assert result.problems == [] and len(result.dataset.services) == 3


def test_cache_can_be_disabled(small_dataset, monkeypatch, isolated_user_dirs):
    monkeypatch.setenv("HKQH_NO_CACHE", "1")
    assert parse_cache.cache_disabled()
    read_dataset(small_dataset)
    assert not (isolated_user_dirs["data"].parent / "cache").exists()


def test_toml_dates_survive_a_partial_update(small_dataset):
    """A cache holding TOML dates is rewritten when another file changes (dates must be encoded again)."""
    services = small_dataset / "services"
    first = services / "port-test.toml"
    first.write_text(first.read_text(encoding="utf-8").replace('"last_verified" = "2026-11-24"', "last_verified = 2026-11-24"), encoding="utf-8")
    for path in services.glob("*.toml"):
        age(path)
    before = snapshot(read_dataset(small_dataset))
    other = services / "ehcv-test.toml"
    other.write_text(other.read_text(encoding="utf-8").replace("測試用的服務簡介。", "改過的簡介。"), encoding="utf-8")
    age(other, 5)
    changed = read_dataset(small_dataset)
    assert changed.problems == []
    again = read_dataset(small_dataset)
    assert snapshot(again) == snapshot(changed) != before
