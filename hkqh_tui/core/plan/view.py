"""What a measure means for a person: the status of its entries and whether it can be used yet."""

from __future__ import annotations

from dataclasses import dataclass

from hkqh_tui.core.dataset.model import STATUSES, Dataset, Service
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.plan.model import Measure, Plan

USABLE_STATUSES = ("operating", "pilot")
AVAILABILITIES = ("usable", "not-yet", "no-entry")
"""``usable``: an entry runs now (operating or pilot); ``not-yet``: its entries are planned or announced only;
``no-entry``: the dataset has no entry for the measure yet."""
AVAILABILITY_LABELS: dict[str, Text] = {
    "usable": Text("現已可用", "Usable now"),
    "not-yet": Text("未可使用", "Not yet"),
    "no-entry": Text("未有項目", "No entry yet"),
}
"""How each availability is said to a person (Simplified is converted from the Traditional text)."""
AVAILABILITY_MARKS: dict[str, str] = {"usable": "●", "not-yet": "◐", "no-entry": "○"}
"""A one-character mark per availability, so a row still says it without colour."""
AVAILABILITY_STYLES: dict[str, str] = {"usable": "green", "not-yet": "yellow", "no-entry": "dim"}


@dataclass(frozen=True, slots=True)
class MeasureView:
    """A measure with its entries resolved against a dataset."""

    measure: Measure
    services: tuple[Service, ...]  # entries found in the dataset, in the measure's order
    missing: tuple[str, ...]  # ids the plan lists that this dataset does not have
    related: tuple[Service, ...]

    @property
    def availability(self) -> str:
        """One of :data:`AVAILABILITIES`."""
        if not self.services:
            return "no-entry"
        if any(s.status in USABLE_STATUSES for s in self.services):
            return "usable"
        return "not-yet"

    @property
    def best_status(self) -> str:
        """The most usable status among the entries ("" when there is none)."""
        statuses = [s.status for s in self.services]
        return next((status for status in STATUSES if status in statuses), "")


def measure_view(measure: Measure, dataset: Dataset) -> MeasureView:
    """Resolve a measure's entry ids against ``dataset``."""
    found = tuple(s for s in (dataset.get(i) for i in measure.services) if s is not None)
    missing = tuple(i for i in measure.services if dataset.get(i) is None)
    related = tuple(s for s in (dataset.get(i) for i in measure.related) if s is not None)
    return MeasureView(measure, found, missing, related)


def plan_views(plan: Plan, dataset: Dataset) -> list[tuple[str, list[MeasureView]]]:
    """Every part id with its measures resolved, in file order."""
    return [(part.id, [measure_view(m, dataset) for m in plan.measures_of(part.id)]) for part in plan.parts]


def counts(plan: Plan, dataset: Dataset) -> dict[str, int]:
    """How many measures are usable, not yet usable, and without an entry."""
    result = {name: 0 for name in AVAILABILITIES}
    for measure in plan.measures:
        result[measure_view(measure, dataset).availability] += 1
    return result


def plan_to_json(plan: Plan, dataset: Dataset) -> dict:
    """The plan for programs: parts with their measures, each with its entries, statuses and availability."""
    def service_json(service: Service) -> dict:
        return {"id": service.id, "title": service.title.to_json(), "status": service.status}

    parts = []
    for part_id, views in plan_views(plan, dataset):
        part = plan.part(part_id)
        assert part is not None
        parts.append({
            "id": part.id,
            "title": part.title.to_json(),
            **({"summary": part.summary.to_json()} if part.summary else {}),
            "measures": [
                {
                    "id": view.measure.id,
                    "title": view.measure.title.to_json(),
                    "known": view.measure.known.to_json(),
                    "availability": view.availability,
                    "status": view.best_status or None,
                    "services": [service_json(s) for s in view.services],
                    "missing_services": list(view.missing),
                    "related": [service_json(s) for s in view.related],
                    "sources": list(view.measure.sources),
                }
                for view in views
            ],
        })
    return {
        "title": plan.title.to_json(),
        "summary": plan.summary.to_json(),
        "sources": [
            {"id": s.id, "title": s.title, "url": s.url, "publisher": s.publisher, "date": s.date_label(), "official": s.official}
            for s in plan.sources
        ],
        "counts": counts(plan, dataset),
        "parts": parts,
    }
