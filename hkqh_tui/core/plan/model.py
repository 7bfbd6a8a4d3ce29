"""The validated model of the plan file: sources, parts, measures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hkqh_tui.core.language.text import Text


@dataclass(frozen=True, slots=True)
class PlanSource:
    """A report (or the plan itself) that names measures."""

    id: str
    title: str
    url: str
    publisher: str
    date: date | None  # None: the source shows no date
    official: bool

    def date_label(self) -> str:
        """The ISO date, or "undated"."""
        return self.date.isoformat() if self.date else "undated"


@dataclass(frozen=True, slots=True)
class Part:
    """One of the plan's parts."""

    id: str
    title: Text
    summary: Text | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure the reports name, with the entries that are this measure and entries that merely help with it."""

    id: str
    part: str
    title: Text
    known: Text
    sources: tuple[str, ...]  # ids of PlanSource
    services: tuple[str, ...]  # ids of entries that cover this measure (the plan names them)
    related: tuple[str, ...]  # ids of entries that help with it but that the plan does not name
    note: Text | None  # the plan_2026 note for the entries in ``services``


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan file: what the plan is, where it is reported, its parts and measures."""

    title: Text
    summary: Text
    sources: tuple[PlanSource, ...]
    parts: tuple[Part, ...]
    measures: tuple[Measure, ...]
    not_named: tuple[str, ...]  # entries that the reports clearly do not name
    not_named_note: Text | None
    origin: str

    def source(self, source_id: str) -> PlanSource | None:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    def part(self, part_id: str) -> Part | None:
        """The part with this id, or None."""
        return next((p for p in self.parts if p.id == part_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        """The measure with this id, or None."""
        return next((m for m in self.measures if m.id == measure_id), None)

    def measures_of(self, part_id: str) -> list[Measure]:
        """The measures of one part, in file order."""
        return [m for m in self.measures if m.part == part_id]

    def mentions(self) -> dict[str, tuple[str, Text | None]]:
        """What each entry's ``plan_2026`` should say: id -> ("yes", joined notes) or ("no", the not-named note).

        Entries absent from the result are left as they are (the reports neither name them nor clearly leave
        them out).
        """
        notes: dict[str, list[Text]] = {}
        for measure in self.measures:
            for service_id in measure.services:
                bucket = notes.setdefault(service_id, [])
                if measure.note is not None and measure.note not in bucket:
                    bucket.append(measure.note)
        result: dict[str, tuple[str, Text | None]] = {}
        for service_id, texts in notes.items():
            joined = Text("".join(t.zh_hant for t in texts), " ".join(t.en or "" for t in texts).strip()) if texts else None
            result[service_id] = ("yes", joined)
        for service_id in self.not_named:
            result.setdefault(service_id, ("no", self.not_named_note))
        return result
