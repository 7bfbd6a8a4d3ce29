"""`hkqh search`: readable and JSON output, scripts, filters, limits and bad input, as a user runs it."""

from __future__ import annotations

import json
import subprocess

import pytest
from rich.console import Console

from hkqh_tui.cli import main
from hkqh_tui.cli.search_command import HIGHLIGHT_STYLE, highlighted_title, printable
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.search.engine import SearchIndex
from tests.cli.process import run_hkqh
from tests.factories import search_records, write_dataset, write_json_dataset


@pytest.fixture
def data(tmp_path):
    return write_dataset(tmp_path / "data", search_records())


def hkqh(*args: str | bytes) -> subprocess.CompletedProcess:
    """Run `python -m hkqh_tui ARGS` as a user would, capturing UTF-8 output."""
    return run_hkqh(*args, env={"COLUMNS": "120"}, text=False)

def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_in_a_real_process(data):
    result = hkqh("--data", str(data), "search", "醫療券", "--json")
    assert result.returncode == 0, result.stderr.decode()
    found = json.loads(result.stdout.decode("utf-8"))
    assert [r["id"] for r in found] == ["voucher", "e-station"]
    best = found[0]
    assert best["title"] == {
        "zh-Hant": "長者醫療券大灣區試點計劃",
        "en": "Elderly Health Care Voucher Greater Bay Area Pilot Scheme",
    }
    assert (best["category"], best["status"], best["tier"]) == ("health", "pilot", "name")
    assert isinstance(best["score"], float) and best["score"] > found[1]["score"]


def test_readable_table_in_a_real_process(data):
    result = hkqh("--data", str(data), "search", "深圳湾口岸", "--script", "hans")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert "深圳湾口岸" in out and "port" in out and "交通" not in out.replace("跨境交通", "")
    assert "1 found for '深圳湾口岸'" in out


@pytest.mark.parametrize(
    ("script", "title"),
    [("hant", "長者醫療券大灣區試點計劃"), ("hans", "长者医疗券大湾区试点计划"), ("en", "Elderly Health Care Voucher")],
)
def test_each_script(data, capsys, monkeypatch, script, title):
    monkeypatch.setenv("COLUMNS", "200")
    status, out, _ = run(capsys, "--data", str(data), "search", "医疗券", "--script", script)
    assert status == 0
    assert title in out


def test_matched_characters_are_highlighted(data):
    result = SearchIndex(load_dataset(data)).search("深圳彎口岸")[0]  # found with a typo
    for script, text in (("hant", "深圳灣口岸"), ("hans", "深圳湾口岸")):
        title = highlighted_title(result, script)
        assert title.plain == text
        assert [(span.start, span.end, str(span.style)) for span in title.spans] == [(0, 5, HIGHLIGHT_STYLE)]
    console = Console(force_terminal=True, color_system="standard", width=80)
    with console.capture() as capture:
        console.print(highlighted_title(SearchIndex(load_dataset(data)).search("ferry")[0], "en"))
    assert "\x1b[1;7mferries\x1b[0m" in capture.get().lower()


def test_several_words_without_quotes(data, capsys):
    status, out, _ = run(capsys, "--data", str(data), "search", "elderly", "voucher", "--json")
    assert status == 0
    assert json.loads(out)[0]["id"] == "voucher"


def test_filters_and_limit(data, capsys):
    status, out, _ = run(capsys, "--data", str(data), "search", "前海", "--category", "legal", "--json")
    assert [r["id"] for r in json.loads(out)] == ["court"]
    status, out, _ = run(capsys, "--data", str(data), "search", "前海", "--limit", "1", "--json")
    assert status == 0 and len(json.loads(out)) == 1
    status, out, _ = run(capsys, "--data", str(data), "search", "--audience", "elderly", "--json")
    found = [r["id"] for r in json.loads(out)]
    assert "voucher" in found and all({"elderly", "everyone"} & set(r["audiences"]) for r in json.loads(out))


def test_empty_query_lists_in_curated_order(data, capsys):
    status, out, _ = run(capsys, "--data", str(data), "search", "--json")
    assert status == 0
    assert [r["id"] for r in json.loads(out)] == [s.id for s in load_dataset(data).curated_order()]
    status, out, _ = run(capsys, "--data", str(data), "search", "--status", "pilot")
    assert "voucher" in out and "1 found" in out


def test_nothing_found(data, capsys):
    status, out, err = run(capsys, "--data", str(data), "search", "xyzzy")
    assert status == 0
    assert "nothing found for 'xyzzy'" in out
    status, out, _ = run(capsys, "--data", str(data), "search", "xyzzy", "--json")
    assert status == 0 and json.loads(out) == []
    status, out, _ = run(capsys, "--data", str(data), "search", "醫療券", "--category", "legal")
    assert "nothing found for '醫療券' with these filters" in out


def test_unknown_filter_value_is_a_clear_error(data, capsys):
    status, out, err = run(capsys, "--data", str(data), "search", "port", "--category", "shopping")
    assert status == 1
    assert "unknown category 'shopping'" in err and "transport" in err and "Traceback" not in err


@pytest.mark.parametrize("limit", ["0", "-3", "ten"])
def test_bad_limit(data, limit):
    result = hkqh("--data", str(data), "search", "port", "--limit", limit)
    assert result.returncode == 2
    assert b"--limit" in result.stderr and b"Traceback" not in result.stderr


def test_broken_bytes_and_control_characters_in_the_query(data):
    result = hkqh("--data", str(data), "search", b"\xffport\x1b", "--script", "en")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "Shenzhen Bay Port" in result.stdout.decode("utf-8")
    result = hkqh("--data", str(data), "search", b"xyzzy\x1b[2J\xff")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")
    assert "nothing found for 'xyzzy" in out
    assert "\x1b" not in out


def test_a_huge_query(data, capsys):
    status, out, _ = run(capsys, "--data", str(data), "search", "醫療券" * 30_000, "--json")
    assert status == 0
    assert isinstance(json.loads(out), list)


def test_json_dataset_file(tmp_path, capsys):
    path = write_json_dataset(tmp_path / "services.json", search_records())
    status, out, _ = run(capsys, "--data", str(path), "search", "回鄉證", "--json")
    assert status == 0 and json.loads(out)[0]["id"] == "permit"


def test_printable_query_echo():
    assert printable("a\x1b[2Jb\ud800") == "a\ufffd[2Jb\ufffd"
    assert len(printable("x" * 500)) == 60


def test_json_results_carry_their_confidence(data, capsys):
    assert main(["--data", str(data), "search", "--json", "醫療券"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results[0]["id"] == "voucher" and results[0]["confidence"] == "strong"
    assert main(["--data", str(data), "search", "--json", "shekou", "ferry", "grooming"]) == 0
    related = json.loads(capsys.readouterr().out)
    assert related and {r["confidence"] for r in related} == {"weak"}


def test_a_query_of_function_words_says_nothing_was_found(data, capsys):
    assert main(["--data", str(data), "search", "how", "do", "i"]) == 0
    out = capsys.readouterr().out
    assert "nothing found for 'how do i'" in out
    assert "add what you are looking for" in out
