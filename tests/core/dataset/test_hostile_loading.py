"""Hostile datasets: never a traceback, never a hang, every problem in the normal report, made visible."""

from __future__ import annotations

import json
import os
import stat

import pytest

from hkqh_tui.core.dataset import parse_cache
from hkqh_tui.core.dataset.loading import MAX_KEPT_PROBLEMS, MAX_TOML_BYTES, read_dataset
from tests.factories import default_records, service_record, to_toml, write_dataset, write_json_dataset


def age_all(root):
    for path in (root / "services").glob("*.toml"):
        os.utime(path, (1_700_000_000, 1_700_000_000))


def messages(result) -> str:
    return "\n".join(str(p) for p in result.problems)


def test_a_fifo_as_the_dataset_vocabularies_or_a_service_file_never_hangs(tmp_path, small_dataset):
    fifo = tmp_path / "data.json"
    os.mkfifo(fifo)
    assert "FIFO" in messages(read_dataset(fifo))
    (small_dataset / "services" / "pipe.toml").unlink(missing_ok=True)
    os.mkfifo(small_dataset / "services" / "pipe.toml")
    assert "pipe.toml: cannot read the file: it is a named pipe (FIFO)" in messages(read_dataset(small_dataset))
    (small_dataset / "services" / "pipe.toml").unlink()
    (small_dataset / "vocabularies.toml").unlink()
    os.mkfifo(small_dataset / "vocabularies.toml")
    assert "vocabularies.toml: cannot read the file: it is a named pipe (FIFO)" in messages(read_dataset(small_dataset))


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_dataset_or_a_service_file_is_refused(tmp_path, small_dataset, device):
    assert "a device, not a regular file" in messages(read_dataset(device))
    (small_dataset / "services" / "zero.toml").symlink_to(device)
    assert "zero.toml: cannot read the file: it is a device" in messages(read_dataset(small_dataset))


def test_a_huge_service_file_is_refused_before_parsing(small_dataset):
    path = small_dataset / "services" / "big.toml"
    path.write_text("\n".join(f"[t{i}]\nk = 1" for i in range(MAX_TOML_BYTES // 8)), encoding="utf-8")
    assert "too large" in messages(read_dataset(small_dataset))


@pytest.mark.parametrize(
    "body",
    [
        "a = " + "[" * 3000 + "]" * 3000,
        "steps = [{ zh-Hant = " + "[" * 100 + "]" * 100 + " }]",
        "x" + ".x" * 3000 + " = 1",
        "min = " + "9" * 5000,
    ],
)
def test_deep_or_huge_toml_is_a_problem_not_a_crash(small_dataset, body):
    (small_dataset / "services" / "ehcv-test.toml").write_text('id = "ehcv-test"\n' + body + "\n", encoding="utf-8")
    result = read_dataset(small_dataset)
    assert result.dataset is None and "ehcv-test.toml: not readable" in messages(result)


@pytest.mark.parametrize("text", ["[" * 100_000, "[" + "1" * 5000 + "]", '[{"id": ' + "[" * 50 + "]" * 50 + "}]"])
def test_deep_or_huge_json_is_a_problem_not_a_crash(tmp_path, text):
    path = tmp_path / "all.json"
    path.write_text(text, encoding="utf-8")
    result = read_dataset(path)
    assert result.dataset is None and len(result.problems) == 1


@pytest.mark.parametrize(
    "bad",
    ["\x1b[2J", "\x9b31m", "\u202eevil", "\u2067iso", "sep\u2028x", "nul\x00", "\x85next line"],
)
def test_control_c1_and_direction_characters_are_rejected_in_texts(small_dataset, bad):
    records = default_records()
    records[0]["steps"] = [{"zh-Hant": "步驟" + bad, "en": "step"}]
    records[1]["sources"][0]["title"] = "Title " + bad
    result = read_dataset(write_dataset(small_dataset.parent / "hostile", records))
    text = messages(result)
    assert "steps[0].zh-Hant: contains an invalid character" in text
    assert "sources[0].title: contains an invalid character" in text


@pytest.mark.parametrize("escape", ["%1b", "%1B%5B2J", "%c2%9b", "%e2%80%ae", "%00"])
def test_percent_encoded_controls_in_urls_are_rejected(tmp_path, escape):
    record = service_record()
    url = "https://example.org/source" + escape
    record["sources"][0]["url"] = url
    record["contacts"][0]["source"] = url
    result = read_dataset(write_json_dataset(tmp_path / "all.json", [record]))
    assert "percent-encoded control" in messages(result)


def test_problems_echo_ids_keys_and_file_names_visibly(tmp_path):
    record = service_record("bad\x1b]0;owned\x07id")
    record["\x1b[2Jkey"] = 1
    record["requires"] = {"source": "https://example.org/source", "\u202emin_age": 1}
    path = tmp_path / "da\x1bta.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    text = messages(read_dataset(path))
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "\\x1b[2Jkey: unknown field" in text and "da\\x1bta.json" in text and "\\u202emin_age" in text


def test_vocabulary_labels_are_checked(small_dataset):
    path = small_dataset / "vocabularies.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('en = "Health', 'en = "\\u001b[5mHealth', 1), encoding="utf-8")
    assert "categories.health: contains an invalid character (U+001B)" in messages(read_dataset(small_dataset))


def test_many_broken_services_are_reported_in_bounded_work(tmp_path):
    path = tmp_path / "all.json"
    path.write_text(json.dumps([{"id": f"x{i}", "junk": {}} for i in range(50_000)]), encoding="utf-8")
    result = read_dataset(path)
    assert MAX_KEPT_PROBLEMS <= len(result.problems) <= MAX_KEPT_PROBLEMS + 20
    assert result.unchecked > 40_000 and "not checked" in result.summary()


def test_a_value_that_fails_fresh_fails_when_cached_too(small_dataset, isolated_user_dirs):
    """A table shaped like the cache's own date tag must not turn into a date on the second run."""
    records = default_records()
    text = to_toml(records[0]).replace('"last_verified" = "2026-11-24"', 'last_verified = { "$date" = "2026-11-24" }')
    assert "$date" in text
    (small_dataset / "services" / "ehcv-test.toml").write_text(text, encoding="utf-8")
    age_all(small_dataset)
    runs = [messages(read_dataset(small_dataset)) for _ in range(3)]
    assert runs[0] and runs[0] == runs[1] == runs[2]
    assert "last_verified: must be a date" in runs[0]


def _cache_file(isolated_user_dirs):
    return next((isolated_user_dirs["data"].parent / "cache").glob("parsed-*.json"))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\xff\xfe",
        b"{" * 100_000,
        b"[" + b"9" * 5000 + b"]",
        b'{"format": 2, "hkqh": "0.1.0", "files": []}',
        "FIFO",
        "HUGE",
        "TAMPERED",
    ],
)
def test_a_damaged_cache_is_a_miss_never_a_crash_or_hang(small_dataset, isolated_user_dirs, damage):
    age_all(small_dataset)
    expected = read_dataset(small_dataset)
    assert expected.dataset is not None
    cache = _cache_file(isolated_user_dirs)
    if damage == "FIFO":
        cache.unlink()
        os.mkfifo(cache)
    elif damage == "HUGE":
        with open(cache, "wb") as file:
            file.truncate(parse_cache.MAX_CACHE_BYTES + 1)
    elif damage == "TAMPERED":  # a cached value changed behind hkqh's back into one validation would refuse
        data = json.loads(cache.read_text(encoding="utf-8"))
        for entry in data["files"].values():
            entry["parsed"]["last_verified"] = {"$date": "not a date"}
            entry["parsed"]["id"] = {"$table": 3}
        cache.write_text(json.dumps(data), encoding="utf-8")
    else:
        cache.write_bytes(damage)
    again = read_dataset(small_dataset)
    assert again.dataset is not None and again.dataset.version == expected.dataset.version
    if damage == "FIFO":
        assert stat.S_ISFIFO(os.lstat(cache).st_mode)  # left alone: hkqh did not make it


def test_cache_folder_is_created_private(small_dataset, isolated_user_dirs):
    age_all(small_dataset)
    old = os.umask(0)
    try:
        read_dataset(small_dataset)
    finally:
        os.umask(old)
    folder = isolated_user_dirs["data"].parent / "cache"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_edit_that_keeps_size_and_times_is_still_seen(small_dataset):
    """The cache is keyed by the file's content, so even an edit that restores the modification time is seen."""
    target = small_dataset / "services" / "port-test.toml"
    age_all(small_dataset)
    assert read_dataset(small_dataset).dataset.get("port-test").title.zh_hant == "深圳灣口岸"
    info = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("深圳灣口岸", "深圳灣關口"), encoding="utf-8")
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert target.stat().st_size == info.st_size
    assert read_dataset(small_dataset).dataset.get("port-test").title.zh_hant == "深圳灣關口"
