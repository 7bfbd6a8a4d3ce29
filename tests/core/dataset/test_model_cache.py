"""The validated-dataset cache gives exactly what a fresh load gives, and any doubt is a miss."""

from __future__ import annotations

import os
import time

import pytest

from hkqh_tui.core.dataset import fingerprint, model_cache
from hkqh_tui.core.dataset.loading import read_dataset
from tests.factories import default_records, service_record, write_dataset, write_json_dataset


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch):
    """Files written by a test are seconds old at most; let the cache trust them."""
    monkeypatch.setattr(fingerprint, "RACY_SECONDS", -3600.0)


def cache_files(cache_root):
    return sorted(cache_root.glob("dataset-*.cache"))


def cache_root():
    return model_cache.Path(os.environ["HKQH_CACHE_DIR"])


@pytest.mark.parametrize("kind", ["folder", "json"])
def test_a_cached_load_equals_a_fresh_load(tmp_path, kind):
    records = default_records()
    path = write_dataset(tmp_path / "data", records) if kind == "folder" else write_json_dataset(tmp_path / "d.json", records)
    fresh = read_dataset(path).dataset
    assert len(cache_files(cache_root())) == 1
    cached = read_dataset(path).dataset
    assert cached is not fresh
    assert cached.services == fresh.services
    assert cached.version == fresh.version and cached.origin == fresh.origin
    assert cached.vocabularies == fresh.vocabularies
    assert [s.id for s in cached.curated_order()] == [s.id for s in fresh.curated_order()]


def test_a_changed_added_or_removed_file_is_a_miss(tmp_path):
    root = write_dataset(tmp_path / "data", default_records())
    read_dataset(root)
    first = root / "services" / "ehcv-test.toml"
    first.write_text(first.read_text(encoding="utf-8").replace("長者醫療券測試", "長者醫療券測試二"), encoding="utf-8")
    os.utime(first, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert read_dataset(root).dataset.get("ehcv-test").title.zh_hant == "長者醫療券測試二"
    extra = service_record("added-later")
    write_dataset(tmp_path / "other", [extra])
    (tmp_path / "other" / "services" / "added-later.toml").rename(root / "services" / "added-later.toml")
    assert read_dataset(root).dataset.get("added-later") is not None
    (root / "services" / "added-later.toml").unlink()
    assert read_dataset(root).dataset.get("added-later") is None


def test_a_dataset_with_problems_is_never_cached_and_always_reported(tmp_path):
    root = write_dataset(tmp_path / "data", [service_record("bad", category="shopping")])
    assert read_dataset(root).dataset is None
    assert cache_files(cache_root()) == []
    assert read_dataset(root).problems


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"Elderly voucher test", b"Elderly voucher TEST"),
        lambda data: b"hkqh-dataset-cache 1 00000000\n" + b"[" * 100_000,
        lambda data: b"not a cache at all",
    ],
)
def test_a_damaged_cache_is_a_miss_with_the_same_result(tmp_path, damage):
    root = write_dataset(tmp_path / "data", default_records())
    fresh = read_dataset(root).dataset
    (cache,) = cache_files(cache_root())
    cache.write_bytes(damage(cache.read_bytes()))
    again = read_dataset(root)
    assert again.problems == [] and again.dataset.services == fresh.services


def test_a_cache_that_is_not_a_regular_file_is_never_read(tmp_path):
    root = write_dataset(tmp_path / "data", default_records())
    fresh = read_dataset(root).dataset
    (cache,) = cache_files(cache_root())
    cache.unlink()
    os.mkfifo(cache)
    assert read_dataset(root).dataset.services == fresh.services  # would hang if the FIFO were opened for reading


def test_files_changed_moments_ago_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(fingerprint, "RACY_SECONDS", 3600.0)
    root = write_dataset(tmp_path / "data", default_records())
    assert read_dataset(root).dataset is not None
    assert cache_files(cache_root()) == []
