"""What a measure means for a person: its entries' statuses and whether it can be used yet."""

from __future__ import annotations

from pathlib import Path

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.plan.loading import PLAN_FILE, read_plan
from hkqh_tui.core.plan.view import counts, measure_view, plan_to_json, plan_views
from tests.plan_factories import plan_record, write_dataset_with_plan


def load(tmp_path: Path, record: dict | None = None):
    root = write_dataset_with_plan(tmp_path / "data", record)
    dataset = load_dataset(root)
    return read_plan(root / PLAN_FILE, dataset).plan, dataset


def test_availability_follows_the_most_usable_entry(tmp_path: Path) -> None:
    plan, dataset = load(tmp_path)
    voucher = measure_view(plan.measure("voucher"), dataset)
    assert (voucher.availability, voucher.best_status) == ("not-yet", "announced")
    elderly = measure_view(plan.measure("elderly"), dataset)
    assert (elderly.availability, elderly.best_status) == ("usable", "operating")
    assert [s.id for s in elderly.related] == ["port-test"]
    metropolis = measure_view(plan.measure("metropolis"), dataset)
    assert (metropolis.availability, metropolis.best_status) == ("no-entry", "")
    assert counts(plan, dataset) == {"usable": 1, "not-yet": 1, "no-entry": 1}


def test_an_entry_missing_from_another_dataset_is_reported_not_hidden(tmp_path: Path) -> None:
    record = plan_record()
    record["measures"][2]["services"] = ["gone-entry"]
    record["measures"][2]["note"] = {"zh-Hant": "註", "en": "note"}
    root = write_dataset_with_plan(tmp_path / "data", record)
    plan = read_plan(root / PLAN_FILE).plan  # validated without the dataset
    view = measure_view(plan.measure("metropolis"), load_dataset(root))
    assert view.missing == ("gone-entry",)
    assert view.availability == "no-entry"


def test_views_keep_the_file_order_of_parts_and_measures(tmp_path: Path) -> None:
    plan, dataset = load(tmp_path)
    assert [(part, [v.measure.id for v in views]) for part, views in plan_views(plan, dataset)] == [
        ("rules", ["voucher"]), ("life", ["elderly", "metropolis"]),
    ]


def test_json_shape(tmp_path: Path) -> None:
    plan, dataset = load(tmp_path)
    data = plan_to_json(plan, dataset)
    assert data["counts"] == {"usable": 1, "not-yet": 1, "no-entry": 1}
    assert data["sources"][0]["url"] == "https://example.org/report"
    elderly = data["parts"][1]["measures"][0]
    assert elderly["availability"] == "usable"
    assert [s["id"] for s in elderly["services"]] == ["ehcv-test", "voucher-test"]
    assert elderly["services"][1]["status"] == "announced"
    assert data["parts"][1]["measures"][1]["status"] is None
