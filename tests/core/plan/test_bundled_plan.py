"""The bundled plan file agrees with the bundled dataset."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.plan.loading import plan_path_for, read_plan


@pytest.fixture(scope="module")
def bundled():
    dataset = load_dataset()
    result = read_plan(plan_path_for(), dataset)
    assert result.problems == []
    return result.plan, dataset


def test_the_bundled_plan_validates_against_the_bundled_dataset(bundled) -> None:
    plan, _ = bundled
    assert [p.id for p in plan.parts] == ["rules", "industry", "livelihood"]
    assert all(m.sources for m in plan.measures)


def test_every_entry_saying_yes_is_listed_by_a_measure(bundled) -> None:
    plan, dataset = bundled
    listed = {service_id for m in plan.measures for service_id in m.services}
    saying_yes = {s.id for s in dataset.services if s.plan_2026.mentioned == "yes"}
    assert sorted(saying_yes - listed) == []


def test_every_listed_entry_says_yes_with_the_plan_note(bundled) -> None:
    plan, dataset = bundled
    wrong = []
    for service_id, (mentioned, note) in plan.mentions().items():
        service = dataset.get(service_id)
        if service.plan_2026.mentioned != mentioned or (note is not None and service.plan_2026.note != note):
            wrong.append(service_id)
    assert wrong == []


def test_every_new_plan_entry_says_yes_with_the_plan_note(bundled) -> None:
    """Entries whose only source is a report of the plan must agree with the plan file already."""
    plan, dataset = bundled
    mentions = plan.mentions()
    plan_urls = {s.url for s in plan.sources}
    for service in dataset.services:
        if {s.url for s in service.sources} <= plan_urls:
            assert mentions.get(service.id) == ("yes", service.plan_2026.note), service.id
