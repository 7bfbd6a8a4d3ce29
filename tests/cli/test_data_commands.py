"""`hkqh list`, `show` and `data validate`, run as a real user would (subprocesses) and in-process."""

from __future__ import annotations

import json
import subprocess

import pytest

from hkqh_tui.cli import main
from tests.cli.process import run_hkqh
from tests.factories import service_record, write_dataset


def hkqh(*args: str, env: dict[str, str] | None = None, cwd=None) -> subprocess.CompletedProcess:
    """Run `python -m hkqh_tui ARGS` in a subprocess and capture its output."""
    return run_hkqh(*args, env=env, cwd=cwd)

def test_version_and_help():
    assert hkqh("--version").stdout.startswith("hkqh ")
    help_text = hkqh("--help").stdout
    for command in ("list", "show", "data"):
        assert command in help_text


def test_list_json_is_full_service_objects(small_dataset):
    result = hkqh("--data", str(small_dataset), "list", "--json")
    assert result.returncode == 0, result.stderr
    services = json.loads(result.stdout)
    assert [s["id"] for s in services] == ["voucher-test", "port-test", "ehcv-test"]
    first = services[0]
    for key in ("id", "title", "summary", "category", "audiences", "status", "aliases", "sources", "last_verified"):
        assert key in first
    assert first["title"] == {"zh-Hant": "深港72小時體驗券", "en": "72-hour experience voucher"}


def test_list_filters(small_dataset, capsys):
    assert main(["--data", str(small_dataset), "list", "--json", "--category", "transport"]) == 0
    assert [s["id"] for s in json.loads(capsys.readouterr().out)] == ["port-test"]
    assert main(["--data", str(small_dataset), "list", "--json", "--audience", "elderly", "--status", "operating"]) == 0
    # the port is for everyone, so it fits the elderly too
    assert [s["id"] for s in json.loads(capsys.readouterr().out)] == ["port-test", "ehcv-test"]


def test_list_unknown_filter_value(small_dataset, capsys):
    assert main(["--data", str(small_dataset), "list", "--category", "shopping"]) == 1
    err = capsys.readouterr().err
    assert "unknown category 'shopping'" in err and "transport" in err


def test_list_readable_table(small_dataset):
    result = hkqh("--data", str(small_dataset), "list", "--script", "en", env={"COLUMNS": "120"})
    assert result.returncode == 0
    assert "Shenzhen Bay Port" in result.stdout and "Announced" in result.stdout
    chinese = hkqh("--data", str(small_dataset), "list", env={"COLUMNS": "120"}).stdout
    assert "深圳灣口岸" in chinese and "已公布" in chinese
    simplified = hkqh("--data", str(small_dataset), "list", "--script", "hans", env={"COLUMNS": "120"}).stdout
    assert "深圳湾口岸" in simplified


def test_json_round_trip(tmp_path, small_dataset):
    first = hkqh("--data", str(small_dataset), "list", "--json").stdout
    dump = tmp_path / "all.json"
    dump.write_text(first, encoding="utf-8")
    second = hkqh("--data", str(dump), "list", "--json").stdout
    assert second == first


def test_bundled_json_round_trip(tmp_path):
    first = hkqh("list", "--json")
    if first.returncode != 0:
        pytest.fail(first.stderr)
    dump = tmp_path / "all.json"
    dump.write_text(first.stdout, encoding="utf-8")
    assert hkqh("--data", str(dump), "list", "--json").stdout == first.stdout


def test_env_var_selects_dataset(small_dataset):
    result = hkqh("list", "--json", env={"HKQH_DATA": str(small_dataset)})
    assert len(json.loads(result.stdout)) == 3


def test_show_readable_and_json(small_dataset):
    result = hkqh("--data", str(small_dataset), "show", "ehcv-test", "--script", "en", env={"COLUMNS": "100"})
    assert result.returncode == 0
    for text in ("Elderly voucher test", "Eligibility", "Aged 65 or over", "Test publisher", "2025-08-18", "Last verified"):
        assert text in result.stdout
    as_json = json.loads(hkqh("--data", str(small_dataset), "show", "ehcv-test", "--json").stdout)
    assert as_json["id"] == "ehcv-test"


def test_show_unknown_id_suggests(small_dataset):
    result = hkqh("--data", str(small_dataset), "show", "ehcv-tset")
    assert result.returncode == 1
    assert "no service has the id 'ehcv-tset'" in result.stderr
    assert "Did you mean: ehcv-test" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_ok(small_dataset):
    result = hkqh("data", "validate", str(small_dataset))
    assert result.returncode == 0
    assert "OK: 3 services" in result.stdout


def test_validate_checks_the_search_lexicon_beside_the_dataset(small_dataset):
    lexicon = small_dataset / "lexicon.toml"
    lexicon.write_text('[function_words]\nmandarin = ["之间", "我"]\n', encoding="utf-8")
    result = hkqh("data", "validate", str(small_dataset))
    assert result.returncode == 0 and "OK: 2 words in" in result.stdout
    lexicon.write_text('[function_words]\nmandarin = ["之间", "之間"]\n', encoding="utf-8")
    result = hkqh("data", "validate", str(small_dataset))
    assert result.returncode == 1
    assert "'之間' is the same word as '之间'" in result.stdout and "search lexicon" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_lists_every_problem(tmp_path):
    root = write_dataset(
        tmp_path / "broken",
        [service_record("a-one", category="nope"), service_record("b-two", sources=[], contacts=[])],
    )
    result = hkqh("data", "validate", str(root))
    assert result.returncode == 1
    assert "a-one" in result.stdout and "category" in result.stdout
    assert "b-two" in result.stdout and "sources" in result.stdout
    assert "a-one.toml" in result.stdout
    assert "2 problem(s)" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_broken_dataset_gives_clear_error_not_traceback(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("not json", encoding="utf-8")
    result = hkqh("--data", str(path), "list")
    assert result.returncode == 1
    assert "could not be loaded" in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_missing_path(tmp_path):
    result = hkqh("data", "validate", str(tmp_path / "nope"))
    assert result.returncode == 1 and "no such file" in result.stdout


def test_unknown_command_is_usage_error():
    result = hkqh("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.fixture
def trusted_files(monkeypatch):
    """Files written by a test are seconds old at most; let the caches trust them."""
    from hkqh_tui.core.dataset import fingerprint

    monkeypatch.setattr(fingerprint, "RACY_SECONDS", -3600.0)


def listing_files(isolated_user_dirs):
    cache = isolated_user_dirs["config"].parent / "cache"
    return sorted(cache.glob("listing-*.json"))


def list_json(capsys, dataset, *options: str) -> str:
    assert main(["--data", str(dataset), "list", "--json", *options]) == 0
    return capsys.readouterr().out


def test_a_second_json_listing_is_printed_from_the_cache_exactly(small_dataset, capsys, monkeypatch, trusted_files):
    from hkqh_tui.core.dataset import loading

    first = list_json(capsys, small_dataset)
    loads: list[object] = []
    real = loading.read_dataset
    monkeypatch.setattr(loading, "read_dataset", lambda path=None: loads.append(path) or real(path))
    assert list_json(capsys, small_dataset) == first
    assert loads == []  # printed without loading the dataset
    assert [s["id"] for s in json.loads(first)] == ["voucher-test", "port-test", "ehcv-test"]


def test_the_cached_listing_follows_every_change_of_the_dataset(small_dataset, capsys, trusted_files):
    import os

    list_json(capsys, small_dataset)
    service = small_dataset / "services" / "port-test.toml"
    service.write_text(service.read_text(encoding="utf-8").replace("深圳灣口岸", "新名口岸"), encoding="utf-8")
    os.utime(service, ns=(1_000_000_000, 1_000_000_000))
    changed = json.loads(list_json(capsys, small_dataset))
    assert "新名口岸" in json.dumps(changed, ensure_ascii=False)
    (small_dataset / "services" / "voucher-test.toml").unlink()
    assert [s["id"] for s in json.loads(list_json(capsys, small_dataset))] == ["port-test", "ehcv-test"]


def test_filters_are_part_of_the_cached_listing(small_dataset, capsys, trusted_files):
    everything = list_json(capsys, small_dataset)
    transport = list_json(capsys, small_dataset, "--category", "transport")
    assert [s["id"] for s in json.loads(transport)] == ["port-test"]
    assert list_json(capsys, small_dataset) == everything
    assert main(["--data", str(small_dataset), "list", "--json", "--category", "shopping"]) == 1
    assert "unknown category 'shopping'" in capsys.readouterr().err


def test_a_damaged_listing_cache_is_made_again(small_dataset, capsys, isolated_user_dirs, trusted_files):
    first = list_json(capsys, small_dataset)
    [cache] = listing_files(isolated_user_dirs)
    data = cache.read_bytes()
    for damage in (b"", data[:-40], data.replace(b"voucher", b"vouchex"), b"\x00" * 100):
        cache.write_bytes(damage)
        assert list_json(capsys, small_dataset) == first
        assert cache.read_bytes() == data  # written again


def test_no_listing_is_cached_when_caching_is_off(small_dataset, capsys, isolated_user_dirs, monkeypatch, trusted_files):
    monkeypatch.setenv("HKQH_NO_CACHE", "1")
    first = list_json(capsys, small_dataset)
    assert list_json(capsys, small_dataset) == first
    assert listing_files(isolated_user_dirs) == []


def test_the_bundled_listing_is_the_same_from_the_cache_in_a_new_process(isolated_user_dirs):
    first = hkqh("list", "--json")
    second = hkqh("list", "--json")
    assert first.returncode == second.returncode == 0
    assert second.stdout == first.stdout
    assert len(listing_files(isolated_user_dirs)) == 1
