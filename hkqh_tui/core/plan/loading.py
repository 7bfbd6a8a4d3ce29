"""Read and validate the plan file (``data/plan-2026.toml``), collecting every problem with its place.

Reads are bounded (the file's size, the number of parts and measures, the length of each text); nothing here
raises on bad data.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkqh_tui.core.dataset.loading import bundled_data_path, chosen_data_path
from hkqh_tui.core.dataset.model import Dataset
from hkqh_tui.core.dataset.validation import SLUG, Problem, _ServiceChecker, type_name
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.plan.model import Measure, Part, Plan, PlanSource

PLAN_FILE = "plan-2026.toml"
FORMAT_VERSION = 1
MAX_PLAN_BYTES = 1024 * 1024
MAX_PARTS = 12
MAX_MEASURES = 500
MAX_IDS_PER_MEASURE = 100
MAX_TEXT_CHARS = 4000
TOP_FIELDS = ("version", "plan", "sources", "parts", "measures", "not_named")
PLAN_FIELDS = ("title", "summary")
SOURCE_FIELDS = ("id", "title", "url", "publisher", "date", "official")
PART_FIELDS = ("id", "title", "summary")
MEASURE_FIELDS = ("id", "part", "title", "known", "sources", "services", "related", "note")
NOT_NAMED_FIELDS = ("services", "note")


@dataclass
class PlanResult:
    """The plan (None when any problem was found) and every problem."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)


def plan_path_for(data_path: str | os.PathLike[str] | None = None) -> Path:
    """The plan file that goes with a dataset: ``plan-2026.toml`` in its folder, else the bundled one."""
    root = chosen_data_path(data_path)
    if root.is_dir():
        return root / PLAN_FILE
    return bundled_data_path() / PLAN_FILE


class _PlanChecker(_ServiceChecker):
    """The dataset's primitive checks (text, URL, date, tables), located by the plan's section and item id."""

    def __init__(self, file: str) -> None:
        super().__init__({}, file, None)  # type: ignore[arg-type]

    def at(self, item_id: str) -> None:
        """Report the following problems under this item id."""
        self.service_id = item_id

    def bounded_text(self, value: Any, where: str, *, required: bool = True) -> Text | None:
        if value is None and not required:
            return None
        text = self.text(value, where, english_required=True)
        for language, content in (("zh-Hant", text.zh_hant), ("en", text.en)):
            if len(content) > MAX_TEXT_CHARS:
                self.problem(f"{where}.{language}", f"is too long ({len(content)} characters; limit {MAX_TEXT_CHARS})")
        return text

    def slug(self, value: Any, where: str) -> str:
        text = self.string(value, where)
        if text and not SLUG.match(text):
            self.problem(where, f"must be lowercase letters, digits and single hyphens, not {text!r}")
            return ""
        return text

    def ids(self, value: Any, where: str) -> tuple[str, ...]:
        items = self.list_of(value, where)
        if len(items) > MAX_IDS_PER_MEASURE:
            self.problem(where, f"lists {len(items)} ids; limit {MAX_IDS_PER_MEASURE}")
            items = items[:MAX_IDS_PER_MEASURE]
        result: list[str] = []
        for position, item in enumerate(items):
            service_id = self.slug(item, f"{where}[{position}]")
            if service_id in result:
                self.problem(f"{where}[{position}]", f"{service_id!r} is listed twice")
            elif service_id:
                result.append(service_id)
        return tuple(result)

    def items(self, raw: dict, name: str, limit: int) -> list:
        value = raw.get(name, [])
        items = self.list_of(value, name)
        if len(items) > limit:
            self.problem(name, f"has {len(items)} items; limit {limit}")
            return items[:limit]
        return items


def _read_raw(path: Path, problems: list[Problem]) -> dict | None:
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            problems.append(Problem(file, "", "", f"file is too large ({size} bytes; limit {MAX_PLAN_BYTES})"))
            return None
        data = path.read_bytes()[: MAX_PLAN_BYTES + 1]
    except FileNotFoundError:
        problems.append(Problem(file, "", "", "no plan file here"))
        return None
    except OSError as error:
        problems.append(Problem(file, "", "", f"cannot read the file: {error.strerror or error}"))
        return None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        problems.append(Problem(file, "", "", f"not UTF-8 text (byte {error.start})"))
    except tomllib.TOMLDecodeError as error:
        problems.append(Problem(file, "", "", f"not valid TOML: {error}"))
    return None


def _sources(check: _PlanChecker, raw: dict) -> list[PlanSource]:
    sources: list[PlanSource] = []
    for position, item in enumerate(check.items(raw, "sources", MAX_MEASURES)):
        where = f"sources[{position}]"
        check.at("")
        table = check.table(item, where, SOURCE_FIELDS, SOURCE_FIELDS)
        if table is None:
            continue
        source_id = check.slug(table.get("id"), f"{where}.id")
        check.at(source_id)
        official = table.get("official")
        if "official" in table and not isinstance(official, bool):
            check.problem(f"{where}.official", f"must be true or false, not {type_name(official)}")
        source = PlanSource(
            id=source_id,
            title=check.string(table.get("title"), f"{where}.title"),
            url=check.url(table.get("url"), f"{where}.url"),
            publisher=check.string(table.get("publisher"), f"{where}.publisher"),
            date=check.iso_date(table.get("date"), f"{where}.date", allow_undated=True) if "date" in table else None,
            official=official is True,
        )
        if source_id and any(s.id == source_id for s in sources):
            check.problem(f"{where}.id", f"duplicate source id {source_id!r}")
        sources.append(source)
    if not sources:
        check.at("")
        check.problem("sources", "must list at least one source")
    return sources


def _parts(check: _PlanChecker, raw: dict) -> list[Part]:
    parts: list[Part] = []
    for position, item in enumerate(check.items(raw, "parts", MAX_PARTS)):
        where = f"parts[{position}]"
        check.at("")
        table = check.table(item, where, PART_FIELDS, ("id", "title"))
        if table is None:
            continue
        part_id = check.slug(table.get("id"), f"{where}.id")
        check.at(part_id)
        if part_id and any(p.id == part_id for p in parts):
            check.problem(f"{where}.id", f"duplicate part id {part_id!r}")
        parts.append(Part(
            id=part_id,
            title=check.bounded_text(table.get("title"), f"{where}.title"),  # type: ignore[arg-type]
            summary=check.bounded_text(table.get("summary"), f"{where}.summary", required=False),
        ))
    if not parts:
        check.at("")
        check.problem("parts", "must list at least one part")
    return parts


def _measures(check: _PlanChecker, raw: dict, parts: list[Part], sources: list[PlanSource]) -> list[Measure]:
    part_ids = [p.id for p in parts]
    source_ids = [s.id for s in sources]
    measures: list[Measure] = []
    for position, item in enumerate(check.items(raw, "measures", MAX_MEASURES)):
        where = f"measures[{position}]"
        check.at("")
        table = check.table(item, where, MEASURE_FIELDS, ("id", "part", "title", "known", "sources", "services"))
        if table is None:
            continue
        measure_id = check.slug(table.get("id"), f"{where}.id")
        check.at(measure_id)
        if measure_id and any(m.id == measure_id for m in measures):
            check.problem(f"{where}.id", f"duplicate measure id {measure_id!r}")
        part = check.keyword(table.get("part"), f"{where}.part", part_ids) if "part" in table else ""
        cited = check.ids(table.get("sources", []), f"{where}.sources")
        if "sources" in table and not cited:
            check.problem(f"{where}.sources", "must name at least one source")
        for source_id in cited:
            if source_id not in source_ids:
                check.problem(f"{where}.sources", f"{source_id!r} is not one of the [[sources]] ids: {', '.join(source_ids)}")
        services = check.ids(table.get("services", []), f"{where}.services")
        related = check.ids(table.get("related", []), f"{where}.related")
        for both in sorted(set(services) & set(related)):
            check.problem(f"{where}.related", f"{both!r} is already in services")
        note = check.bounded_text(table.get("note"), f"{where}.note", required=False)
        if services and note is None:
            check.problem(f"{where}.note", "is missing: entries in services need the note their plan_2026 will carry")
        measures.append(Measure(
            id=measure_id,
            part=part,
            title=check.bounded_text(table.get("title"), f"{where}.title"),  # type: ignore[arg-type]
            known=check.bounded_text(table.get("known"), f"{where}.known"),  # type: ignore[arg-type]
            sources=cited,
            services=services,
            related=related,
            note=note,
        ))
    return measures


def check_plan(raw: Any, file: str, dataset: Dataset | None = None) -> PlanResult:
    """Validate a parsed plan file; with a dataset, also check that every entry id it lists exists."""
    check = _PlanChecker(file)
    if not isinstance(raw, dict):
        check.problem("", f"must be a table, not {type_name(raw)}")
        return PlanResult(None, check.problems)
    for key in raw:
        if key not in TOP_FIELDS:
            check.problem(key, "unknown field")
    if raw.get("version") != FORMAT_VERSION:
        check.problem("version", f"must be {FORMAT_VERSION}, not {raw.get('version')!r}")
    header = check.table(raw.get("plan"), "plan", PLAN_FIELDS, PLAN_FIELDS) or {}
    title = check.bounded_text(header.get("title"), "plan.title") if "title" in header else Text("")
    summary = check.bounded_text(header.get("summary"), "plan.summary") if "summary" in header else Text("")
    sources = _sources(check, raw)
    parts = _parts(check, raw)
    measures = _measures(check, raw, parts, sources)
    check.at("")
    not_named_raw = check.table(raw.get("not_named", {"services": []}), "not_named", NOT_NAMED_FIELDS, ("services",)) or {}
    not_named = check.ids(not_named_raw.get("services", []), "not_named.services")
    not_named_note = check.bounded_text(not_named_raw.get("note"), "not_named.note", required=False)
    if not_named and not_named_note is None:
        check.problem("not_named.note", "is missing: the entries listed need the note their plan_2026 will carry")
    covered = {service_id for m in measures for service_id in m.services}
    for service_id in not_named:
        if service_id in covered:
            check.problem("not_named.services", f"{service_id!r} is in the services of a measure")
    if dataset is not None:
        for measure in measures:
            check.at(measure.id)
            for name, ids in (("services", measure.services), ("related", measure.related)):
                for service_id in ids:
                    if dataset.get(service_id) is None:
                        check.problem(name, f"no entry has the id {service_id!r}")
        check.at("")
        for service_id in not_named:
            if dataset.get(service_id) is None:
                check.problem("not_named.services", f"no entry has the id {service_id!r}")
    if check.problems or title is None or summary is None:
        return PlanResult(None, check.problems)
    plan = Plan(
        title=title, summary=summary, sources=tuple(sources), parts=tuple(parts), measures=tuple(measures),
        not_named=not_named, not_named_note=not_named_note, origin=file,
    )
    return PlanResult(plan, [])


def read_plan(path: str | os.PathLike[str], dataset: Dataset | None = None) -> PlanResult:
    """Read and validate the plan file at ``path``. Never raises on bad data."""
    problems: list[Problem] = []
    raw = _read_raw(Path(path), problems)
    if raw is None:
        return PlanResult(None, problems)
    return check_plan(raw, str(path), dataset)


def read_plan_for(data_path: str | os.PathLike[str] | None, dataset: Dataset) -> PlanResult:
    """The plan that goes with a dataset. The plan beside a dataset folder must name only that dataset's entries;
    the bundled plan used with a JSON dataset is checked on its own (entries the JSON lacks show as missing)."""
    root = chosen_data_path(data_path)
    path = plan_path_for(data_path)
    return read_plan(path, dataset if root.is_dir() else None)

