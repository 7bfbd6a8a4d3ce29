"""`hkqh plan`, run as a real user would (subprocesses) and in-process."""

from __future__ import annotations

import json
from pathlib import Path

from hkqh_tui.cli import main
from tests.cli.test_data_commands import hkqh
from tests.plan_factories import plan_record, write_dataset_with_plan


def test_plan_json_lists_parts_measures_and_availability(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    result = hkqh("--data", str(root), "plan", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["id"] for p in data["parts"]] == ["rules", "life"]
    measures = {m["id"]: m for p in data["parts"] for m in p["measures"]}
    assert measures["voucher"]["availability"] == "not-yet"
    assert measures["elderly"]["availability"] == "usable"
    assert measures["metropolis"]["availability"] == "no-entry"
    assert measures["metropolis"]["services"] == []
    assert data["counts"] == {"usable": 1, "not-yet": 1, "no-entry": 1}


def test_plan_readable_shows_each_measure_its_status_and_entries(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    result = hkqh("--data", str(root), "plan", "--script", "en", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for expected in ("Part 1: rules", "Part 2: daily life", "Experience voucher", "→ voucher-test (Announced)",
                     "Usable now", "No entry yet", "(no entry yet)", "https://example.org/report"):
        assert expected in out, expected
    assert "Traceback" not in result.stderr


def test_plan_in_simplified_chinese(tmp_path: Path, capsys) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    assert main(["--data", str(root), "plan", "--script", "hans"]) == 0
    out = capsys.readouterr().out
    assert "长者医疗券" in out and "未有项目" in out


def test_one_measure_in_full_and_as_json(tmp_path: Path, capsys) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    assert main(["--data", str(root), "plan", "elderly", "--script", "en"]) == 0
    out = capsys.readouterr().out
    assert "Wider use." in out and "ehcv-test" in out and "Related entries" in out and "port-test" in out
    assert main(["--data", str(root), "plan", "elderly", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "elderly" and [s["id"] for s in data["related"]] == ["port-test"]


def test_an_unknown_measure_is_an_error_with_a_hint(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    result = hkqh("--data", str(root), "plan", "eld")
    assert result.returncode == 1
    assert "no measure has the id 'eld'" in result.stderr and "elderly" in result.stderr


def test_a_broken_plan_file_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    record = plan_record()
    record["measures"][0]["part"] = "nowhere"
    root = write_dataset_with_plan(tmp_path / "data", record)
    result = hkqh("--data", str(root), "plan")
    assert result.returncode == 1
    assert "the plan file could not be loaded" in result.stderr
    assert "measures[0].part" in result.stderr
    assert "Traceback" not in result.stderr
    (root / "plan-2026.toml").unlink()
    missing = hkqh("--data", str(root), "plan")
    assert missing.returncode == 1 and "no plan file here" in missing.stderr


def test_markup_in_the_plan_file_is_printed_literally(tmp_path: Path, capsys) -> None:
    record = plan_record()
    record["measures"][0]["title"] = {"zh-Hant": "[bold red]不是樣式[/]", "en": "[link=https://evil.example]click[/link]"}
    root = write_dataset_with_plan(tmp_path / "data", record)
    assert main(["--data", str(root), "plan", "--script", "en"]) == 0
    assert "[link=https://evil.example]click[/link]" in capsys.readouterr().out
    assert main(["--data", str(root), "plan", "voucher"]) == 0
    assert "[bold red]不是樣式[/]" in capsys.readouterr().out


def test_the_bundled_plan_prints(capsys) -> None:
    assert main(["plan", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    measures = {m["id"]: m for p in data["parts"] for m in p["measures"]}
    assert measures["experience-voucher"]["services"][0]["id"] == "sz-hk-72-hour-voucher"
    assert measures["experience-voucher"]["availability"] == "not-yet"


def test_data_validate_checks_the_plan_file_beside_the_dataset(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    ok = hkqh("data", "validate", str(root))
    assert ok.returncode == 0 and "OK: 3 measures" in ok.stdout
    record = plan_record()
    record["measures"][0]["services"] = ["no-such-entry"]
    write_dataset_with_plan(tmp_path / "other", record)
    bad = hkqh("data", "validate", str(tmp_path / "other"))
    assert bad.returncode == 1
    assert "no entry has the id 'no-such-entry'" in bad.stdout and "problem(s) found in the plan file" in bad.stderr


def test_a_json_dataset_uses_the_bundled_plan_and_marks_missing_entries(tmp_path: Path) -> None:
    from tests.factories import write_json_dataset

    dataset = write_json_dataset(tmp_path / "services.json")
    result = hkqh("--data", str(dataset), "plan", "--json")
    assert result.returncode == 0, result.stderr
    measures = {m["id"]: m for p in json.loads(result.stdout)["parts"] for m in p["measures"]}
    assert measures["experience-voucher"]["missing_services"] == ["sz-hk-72-hour-voucher"]
    assert measures["experience-voucher"]["availability"] == "no-entry"
