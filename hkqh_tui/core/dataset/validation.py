"""Turn raw service records (parsed TOML or JSON) into validated model objects.

Validation never stops at the first problem: every problem is collected with the file, the service id and the field
it concerns, so a curator can fix them all in one pass.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, NamedTuple
from urllib.parse import unquote

from hkqh_tui.core.dataset.model import (
    ACTIVITIES,
    CIRCUMSTANCES,
    PLACES,
    PLAN_MENTIONS,
    PROFESSIONS,
    Contact,
    PlanMention,
    Requirements,
    Service,
    Source,
    Vocabularies,
)
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.language.visible import ACTIVE_CHARACTERS, visible

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNPRINTABLE = ACTIVE_CHARACTERS
"""Control characters (C0 other than tab and newline, DEL, C1), bidi overrides and isolates, line and paragraph
separators, lone surrogates: they break terminals and encoders, or make text read differently from what it is."""
URL = re.compile(r"^https?://[^\s/?#]+\.[^\s]*$|^https?://[^\s/?#]+$", re.IGNORECASE)

SERVICE_FIELDS = (
    "id", "title", "summary", "category", "audiences", "status", "aliases", "eligibility", "documents",
    "steps", "costs", "contacts", "sources", "last_verified", "plan_2026",
)
LIST_TEXT_FIELDS = ("eligibility", "documents", "steps", "costs")
SOURCE_FIELDS = ("title", "url", "publisher", "date", "official")
CONTACT_FIELDS = ("name", "address", "hours", "phone", "website", "source")
PLAN_FIELDS = ("mentioned", "note")
OPTIONAL_SERVICE_FIELDS = ("requires",)
REQUIREMENT_FIELDS = (
    "source", "min_age", "max_age", "lives_in", "activities", "professions", "has", "children_ages", "note",
)
MAX_AGE = 120
TEXT_KEYS = ("zh-Hant", "en")


class Problem(NamedTuple):
    """One thing wrong in a dataset, located by file, service and field."""

    file: str
    service_id: str
    field: str
    message: str

    def __str__(self) -> str:
        """The problem as one line, every part from the file made visible (never a raw control character)."""
        where = visible(self.file)
        if self.service_id:
            where += f" [{visible(self.service_id)}]"
        if self.field:
            where += f" {visible(self.field)}"
        return f"{where}: {visible(self.message)}"


def type_name(value: Any) -> str:
    """A reader-friendly name for the type of a raw value."""
    names = {str: "text", bool: "true/false", int: "number", float: "number", list: "list", dict: "table"}
    if isinstance(value, datetime):
        return "date-time"
    if isinstance(value, date):
        return "date"
    if value is None:
        return "null"
    return names.get(type(value), type(value).__name__)


class _ServiceChecker:
    """Checks one raw service record and builds a Service when it is valid."""

    def __init__(self, raw: Any, file: str, vocabularies: Vocabularies) -> None:
        self.raw = raw
        self.file = file
        self.vocabularies = vocabularies
        self.problems: list[Problem] = []
        self.service_id: str = raw["id"] if isinstance(raw, dict) and isinstance(raw.get("id"), str) else ""

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.service_id, field, message))

    # ---- primitive checks -------------------------------------------------------------------------------------

    def string(self, value: Any, field: str, *, required: bool = True) -> str:
        if not isinstance(value, str):
            self.problem(field, f"must be text, not {type_name(value)}")
            return ""
        if required and not value.strip():
            self.problem(field, "must not be empty")
        bad = UNPRINTABLE.search(value)
        if bad is not None:
            self.problem(field, f"contains an invalid character (U+{ord(bad.group()):04X}); remove it")
            return ""
        return value

    def url(self, value: Any, field: str) -> str:
        text = self.string(value, field)
        if text and not URL.match(text):
            self.problem(field, f"must be an http(s) URL, not {text!r}")
        elif text and UNPRINTABLE.search(unquote(text, errors="replace")):
            self.problem(field, "holds a percent-encoded control or direction character (such as %1b); remove it")
            return ""
        return text

    def iso_date(self, value: Any, field: str, *, allow_undated: bool = False) -> date | None:
        if isinstance(value, datetime):
            self.problem(field, "must be a date (YYYY-MM-DD) without a time")
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            if allow_undated and value == "undated":
                return None
            if ISO_DATE.match(value):
                try:
                    return date.fromisoformat(value)
                except ValueError:
                    pass
            expected = 'an ISO 8601 date (YYYY-MM-DD) or "undated"' if allow_undated else "an ISO 8601 date (YYYY-MM-DD)"
            self.problem(field, f"must be {expected}, not {value!r}")
            return None
        self.problem(field, f"must be a date (YYYY-MM-DD), not {type_name(value)}")
        return None

    def text(self, value: Any, field: str, *, english_required: bool = False) -> Text:
        if not isinstance(value, dict):
            self.problem(field, f'must be a table {{ zh-Hant = "...", en = "..." }}, not {type_name(value)}')
            return Text("")
        for key in value:
            if key not in TEXT_KEYS:
                self.problem(field, f"unknown language {key!r} (use zh-Hant and en)")
        if "zh-Hant" not in value:
            self.problem(f"{field}.zh-Hant", "is missing")
            zh = ""
        else:
            zh = self.string(value["zh-Hant"], f"{field}.zh-Hant")
        en = ""
        if "en" in value:
            en = self.string(value["en"], f"{field}.en")
        elif english_required:
            self.problem(f"{field}.en", "is missing")
        return Text(zh, en)

    def table(self, value: Any, field: str, allowed: tuple[str, ...], required: tuple[str, ...]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(field, f"must be a table, not {type_name(value)}")
            return None
        for key in value:
            if key not in allowed:
                self.problem(f"{field}.{key}", "unknown field")
        for key in required:
            if key not in value:
                self.problem(f"{field}.{key}", "is missing")
        return value

    def list_of(self, value: Any, field: str) -> list:
        if not isinstance(value, list):
            self.problem(field, f"must be a list, not {type_name(value)}")
            return []
        return value

    def keyword(self, value: Any, field: str, allowed: list[str] | tuple[str, ...]) -> str:
        text = self.string(value, field)
        if text and text not in allowed:
            self.problem(field, f"{text!r} is not one of: {', '.join(allowed)}")
        return text

    # ---- composite checks -------------------------------------------------------------------------------------

    def source(self, value: Any, field: str) -> Source | None:
        raw = self.table(value, field, SOURCE_FIELDS, SOURCE_FIELDS)
        if raw is None:
            return None
        official = raw.get("official")
        if "official" in raw and not isinstance(official, bool):
            self.problem(f"{field}.official", f"must be true or false, not {type_name(official)}")
        return Source(
            title=self.string(raw.get("title", ""), f"{field}.title") if "title" in raw else "",
            url=self.url(raw["url"], f"{field}.url") if "url" in raw else "",
            publisher=self.string(raw["publisher"], f"{field}.publisher") if "publisher" in raw else "",
            date=self.iso_date(raw["date"], f"{field}.date", allow_undated=True) if "date" in raw else None,
            official=official is True,
        )

    def contact(self, value: Any, field: str, source_urls: set[str]) -> Contact | None:
        raw = self.table(value, field, CONTACT_FIELDS, ("name", "source"))
        if raw is None:
            return None
        name = self.text(raw["name"], f"{field}.name") if "name" in raw else Text("")
        source = self.url(raw["source"], f"{field}.source") if "source" in raw else ""
        if source and source not in source_urls:
            self.problem(f"{field}.source", "must be the url of one of this service's sources")
        address = self.text(raw["address"], f"{field}.address") if "address" in raw else None
        hours = self.text(raw["hours"], f"{field}.hours") if "hours" in raw else None
        phone = self.string(raw["phone"], f"{field}.phone") if "phone" in raw else ""
        website = self.url(raw["website"], f"{field}.website") if "website" in raw else ""
        if not (address or hours or phone or website):
            self.problem(field, "needs at least one of address, hours, phone, website")
        return Contact(name=name, source=source, address=address, hours=hours, phone=phone, website=website)

    def plan(self, value: Any, field: str) -> PlanMention:
        raw = self.table(value, field, PLAN_FIELDS, ("mentioned",))
        if raw is None:
            return PlanMention("unknown")
        mentioned = self.keyword(raw["mentioned"], f"{field}.mentioned", PLAN_MENTIONS) if "mentioned" in raw else ""
        note = self.text(raw["note"], f"{field}.note") if "note" in raw else None
        return PlanMention(mentioned or "unknown", note)

    def age(self, value: Any, field: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(field, f"must be a whole number of years, not {type_name(value)}")
            return None
        if not 0 <= value <= MAX_AGE:
            self.problem(field, f"must be between 0 and {MAX_AGE}")
            return None
        return value

    def keywords(self, value: Any, field: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        items = self.list_of(value, field)
        if isinstance(value, list) and not items:
            self.problem(field, "leave the field out rather than give an empty list")
        words = [self.keyword(item, f"{field}[{i}]", allowed) for i, item in enumerate(items)]
        if len(set(words)) != len(words):
            self.problem(field, "names a value twice")
        return tuple(words)

    def requirements(self, value: Any, field: str, source_urls: set[str]) -> Requirements:
        raw = self.table(value, field, REQUIREMENT_FIELDS, ("source",))
        if raw is None:
            return Requirements()
        source = self.url(raw["source"], f"{field}.source") if "source" in raw else ""
        if source and source not in source_urls:
            self.problem(f"{field}.source", "must be the url of one of this service's sources")
        min_age = self.age(raw["min_age"], f"{field}.min_age") if "min_age" in raw else None
        max_age = self.age(raw["max_age"], f"{field}.max_age") if "max_age" in raw else None
        if min_age is not None and max_age is not None and min_age > max_age:
            self.problem(f"{field}.max_age", "must not be below min_age")
        children_ages: tuple[int, int] | None = None
        if "children_ages" in raw:
            pair = self.list_of(raw["children_ages"], f"{field}.children_ages")
            ages = [self.age(a, f"{field}.children_ages[{i}]") for i, a in enumerate(pair)]
            if len(ages) != 2:
                self.problem(f"{field}.children_ages", "must be [youngest, oldest]")
            elif ages[0] is not None and ages[1] is not None:
                if ages[0] > ages[1]:
                    self.problem(f"{field}.children_ages", "the youngest age comes first")
                children_ages = (ages[0], ages[1])
        requirements = Requirements(
            source=source,
            min_age=min_age,
            max_age=max_age,
            lives_in=self.keywords(raw["lives_in"], f"{field}.lives_in", PLACES) if "lives_in" in raw else (),
            activities=self.keywords(raw["activities"], f"{field}.activities", ACTIVITIES)
            if "activities" in raw
            else (),
            professions=self.keywords(raw["professions"], f"{field}.professions", PROFESSIONS)
            if "professions" in raw
            else (),
            has=self.keywords(raw["has"], f"{field}.has", CIRCUMSTANCES) if "has" in raw else (),
            children_ages=children_ages,
            note=self.text(raw["note"], f"{field}.note") if "note" in raw else None,
        )
        if requirements.is_empty():
            self.problem(field, "states no condition; leave the table out")
        return requirements

    def check(self) -> Service | None:
        """Check every field, collecting problems; the Service when there were none."""
        raw = self.raw
        if not isinstance(raw, dict):
            self.problem("", f"a service must be a table/object, not {type_name(raw)}")
            return None
        self._field_names(raw)
        service_id, title, summary = self._identity(raw)
        category, audiences, status = self._classification(raw)
        aliases, lists = self._texts(raw)
        sources, contacts = self._sourcing(raw)
        source_urls = {s.url for s in sources}
        last_verified = self.iso_date(raw["last_verified"], "last_verified") if "last_verified" in raw else None
        plan = self.plan(raw["plan_2026"], "plan_2026") if "plan_2026" in raw else PlanMention("unknown")
        requires = self.requirements(raw["requires"], "requires", source_urls) if "requires" in raw else Requirements()
        if self.problems or last_verified is None:
            return None
        return Service(
            id=service_id,
            title=title,
            summary=summary,
            category=category,
            audiences=audiences,
            status=status,
            aliases=aliases,
            eligibility=lists["eligibility"],
            documents=lists["documents"],
            steps=lists["steps"],
            costs=lists["costs"],
            contacts=contacts,
            sources=sources,
            last_verified=last_verified,
            plan_2026=plan,
            requires=requires,
        )

    def _field_names(self, raw: dict) -> None:
        for key in raw:
            if key not in SERVICE_FIELDS and key not in OPTIONAL_SERVICE_FIELDS:
                self.problem(key, "unknown field")
        for key in SERVICE_FIELDS:
            if key not in raw:
                self.problem(key, "is missing")

    def _identity(self, raw: dict) -> tuple[str, Text, Text]:
        """The id, the title and the summary."""
        service_id = self.string(raw.get("id", ""), "id") if "id" in raw else ""
        if service_id and not SLUG.match(service_id):
            self.problem("id", f"{service_id!r} is not a slug (lowercase ASCII letters, digits, single hyphens)")
        title = self.text(raw.get("title", {}), "title", english_required=True) if "title" in raw else Text("")
        summary = self.text(raw.get("summary", {}), "summary", english_required=True) if "summary" in raw else Text("")
        return service_id, title, summary

    def _classification(self, raw: dict) -> tuple[str, tuple[str, ...], str]:
        """The category, the audiences and the status, each from its vocabulary."""
        vocab = self.vocabularies
        category = self.keyword(raw["category"], "category", vocab.categories.keys()) if "category" in raw else ""
        audiences: list[str] = []
        if "audiences" in raw:
            items = self.list_of(raw["audiences"], "audiences")
            if isinstance(raw["audiences"], list) and not items:
                self.problem("audiences", "must name at least one audience")
            audiences = [self.keyword(a, f"audiences[{i}]", vocab.audiences.keys()) for i, a in enumerate(items)]
        status = self.keyword(raw["status"], "status", vocab.statuses.keys()) if "status" in raw else ""
        return category, tuple(audiences), status

    def _texts(self, raw: dict) -> tuple[tuple[str, ...], dict[str, tuple[Text, ...]]]:
        """The aliases, and the eligibility, documents, steps and costs lists."""
        aliases = tuple(
            self.string(a, f"aliases[{i}]") for i, a in enumerate(self.list_of(raw.get("aliases", []), "aliases"))
        )
        lists: dict[str, tuple[Text, ...]] = {}
        for name in LIST_TEXT_FIELDS:
            items = self.list_of(raw.get(name, []), name)
            lists[name] = tuple(self.text(item, f"{name}[{i}]") for i, item in enumerate(items))
        return aliases, lists

    def _sourcing(self, raw: dict) -> tuple[tuple[Source, ...], tuple[Contact, ...]]:
        """The sources, and the contacts (each of which must name one of the sources)."""
        sources: list[Source] = []
        if "sources" in raw:
            items = self.list_of(raw["sources"], "sources")
            if isinstance(raw["sources"], list) and not items:
                self.problem("sources", "a service needs at least one source")
            sources = [s for i, item in enumerate(items) if (s := self.source(item, f"sources[{i}]"))]
        source_urls = {s.url for s in sources}
        contacts = tuple(
            c
            for i, item in enumerate(self.list_of(raw.get("contacts", []), "contacts"))
            if (c := self.contact(item, f"contacts[{i}]", source_urls))
        )
        return tuple(sources), contacts


def check_service(raw: Any, file: str, vocabularies: Vocabularies) -> tuple[Service | None, list[Problem]]:
    """Validate one raw service record; return the service (None if invalid) and every problem found."""
    checker = _ServiceChecker(raw, file, vocabularies)
    service = checker.check()
    return service, checker.problems
