"""Reading and validating the plan file: every problem located, nothing raised, reads bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.plan.loading import MAX_MEASURES, MAX_PLAN_BYTES, PLAN_FILE, plan_path_for, read_plan
from tests.factories import write_json_dataset
from tests.plan_factories import plan_record, write_dataset_with_plan, write_plan


def problems_of(tmp_path: Path, record: dict, *, with_dataset: bool = True) -> list[str]:
    root = write_dataset_with_plan(tmp_path / "data", record)
    dataset = load_dataset(root) if with_dataset else None
    result = read_plan(root / PLAN_FILE, dataset)
    assert (result.plan is None) == bool(result.problems)
    return [str(p) for p in result.problems]


def test_a_valid_plan_loads_with_its_parts_measures_and_sources(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    result = read_plan(root / PLAN_FILE, load_dataset(root))
    assert result.problems == []
    plan = result.plan
    assert [p.id for p in plan.parts] == ["rules", "life"]
    assert [m.id for m in plan.measures_of("life")] == ["elderly", "metropolis"]
    assert plan.measure("elderly").related == ("port-test",)
    assert plan.source("report").date.isoformat() == "2026-01-24"
    assert plan.source("report").official is False


def test_mentions_join_the_notes_of_every_measure_and_mark_not_named_entries_no(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    plan = read_plan(root / PLAN_FILE).plan
    mentions = plan.mentions()
    assert mentions["ehcv-test"] == ("yes", Text("報道提及醫療券。", "The report names the elderly voucher."))
    assert mentions["voucher-test"] == (
        "yes", Text("報道提及體驗券。報道提及醫療券。", "The report names the voucher. The report names the elderly voucher."),
    )
    assert mentions["port-test"] == ("no", Text("報道沒有提及。", "The report does not name it."))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r["measures"][0].update(part="nowhere"), "measures[0].part: 'nowhere' is not one of: rules, life"),
        (lambda r: r["measures"][0].update(sources=["blog"]), "measures[0].sources: 'blog' is not one of the [[sources]] ids"),
        (lambda r: r["measures"][1].update(id="voucher"), "measures[1].id: duplicate measure id 'voucher'"),
        (lambda r: r["measures"][0].update(services=["no-such-entry"]), "[voucher] services: no entry has the id 'no-such-entry'"),
        (lambda r: r["measures"][0].pop("note"), "measures[0].note: is missing"),
        (lambda r: r["measures"][1].update(related=["ehcv-test"]), "measures[1].related: 'ehcv-test' is already in services"),
        (lambda r: r["measures"][0].update(colour="red"), "measures[0].colour: unknown field"),
        (lambda r: r["measures"][0]["title"].pop("en"), "measures[0].title.en: is missing"),
        (lambda r: r["measures"][0]["known"].update(en="bad\x1b[31m"), "measures[0].known.en: contains an invalid character (U+001B)"),
        (lambda r: r["sources"][0].update(url="ftp://example.org"), "sources[0].url: must be an http(s) URL"),
        (lambda r: r["sources"][0].update(date="24/01/2026"), "sources[0].date: must be an ISO 8601 date"),
        (lambda r: r["sources"][0].update(official="no"), "sources[0].official: must be true or false, not text"),
        (lambda r: r["not_named"].update(services=["ehcv-test"]), "not_named.services: 'ehcv-test' is in the services of a measure"),
        (lambda r: r.update(version=2), "version: must be 1, not 2"),
        (lambda r: r.update(parts=[]), "parts: must list at least one part"),
        (lambda r: r.update(extra=1), "extra: unknown field"),
    ],
)
def test_each_problem_names_its_place(tmp_path: Path, change, expected: str) -> None:
    record = plan_record()
    change(record)
    problems = problems_of(tmp_path, record)
    assert any(expected in p for p in problems), problems


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    record = plan_record()
    record["measures"][0]["part"] = "nowhere"
    record["sources"][0]["url"] = "not a url"
    assert len(problems_of(tmp_path, record)) >= 2


def test_unknown_entry_ids_are_only_checked_against_a_dataset(tmp_path: Path) -> None:
    record = plan_record()
    record["measures"][2]["services"] = ["future-entry"]
    record["measures"][2]["note"] = {"zh-Hant": "註", "en": "note"}
    assert problems_of(tmp_path, record, with_dataset=False) == []


def test_a_missing_damaged_or_oversized_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    assert "no plan file here" in str(read_plan(tmp_path / "absent.toml").problems[0])
    broken = tmp_path / "broken.toml"
    broken.write_text('version = 1\n[plan\n', encoding="utf-8")
    assert "not valid TOML" in str(read_plan(broken).problems[0])
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"version = 1\n\xff\xfe")
    assert "not UTF-8" in str(read_plan(binary).problems[0])
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * (MAX_PLAN_BYTES + 1))
    assert "too large" in str(read_plan(huge).problems[0])


def test_too_many_measures_is_a_problem(tmp_path: Path) -> None:
    record = plan_record()
    template = record["measures"][2]
    record["measures"] = [dict(template, id=f"m-{i}") for i in range(MAX_MEASURES + 1)]
    assert any("limit" in p for p in problems_of(tmp_path, record))


def test_a_too_long_text_is_a_problem(tmp_path: Path) -> None:
    record = plan_record()
    record["measures"][0]["known"]["en"] = "x" * 5000
    assert any("too long" in p for p in problems_of(tmp_path, record))


def test_the_plan_goes_with_its_dataset_folder_and_a_json_dataset_uses_the_bundled_plan(tmp_path: Path) -> None:
    root = write_dataset_with_plan(tmp_path / "data")
    assert plan_path_for(root) == root / PLAN_FILE
    json_dataset = write_json_dataset(tmp_path / "services.json")
    assert plan_path_for(json_dataset).name == PLAN_FILE
    assert plan_path_for(json_dataset).parent != tmp_path


def test_write_plan_round_trips(tmp_path: Path) -> None:
    path = write_plan(tmp_path, plan_record())
    assert read_plan(path).problems == []
