"""`hkqh data report`, run as a curator would."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_data_commands import hkqh
from tests.core.dataset.test_report import DOMAINS
from tests.factories import default_records, write_dataset


def write(tmp_path: Path) -> Path:
    records = default_records()
    records[1]["sources"] = [{"title": "[bold]Copy[/bold]", "url": "https://mirror.example/p", "publisher": "x",
                              "date": "undated", "official": False}]
    root = write_dataset(tmp_path / "data", records)
    (root / "source-domains.toml").write_text(DOMAINS, encoding="utf-8")
    return root


def test_report_json(tmp_path: Path) -> None:
    result = hkqh("--data", str(write(tmp_path)), "data", "report", "--json", "--today", "2026-12-02")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["today"] == "2026-12-02"
    assert data["flagged_sources"][0]["service"] == "port-test"
    assert data["unofficial_only"] == ["port-test"]
    assert set(data["by_age"]) == {"under-3-months", "3-to-6-months", "6-to-12-months", "over-12-months"}


def test_report_readable_prints_dataset_text_literally(tmp_path: Path) -> None:
    result = hkqh("--data", str(write(tmp_path)), "data", "report", "--today", "2026-12-02", env={"COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    for expected in ("Entries by age of last_verified", "Undated sources (1)", "port-test: [bold]Copy[/bold]",
                     "mirror.example (mirror)", "Copies example.org pages.", "URLs cited by several entries"):
        assert expected in result.stdout, expected


def test_a_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = hkqh("--data", str(write(tmp_path)), "data", "report", "--today", "yesterday")
    assert result.returncode == 2 and "not a date" in result.stderr and "Traceback" not in result.stderr


def test_the_bundled_dataset_report_runs() -> None:
    result = hkqh("data", "report", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["domain_problems"] == []
