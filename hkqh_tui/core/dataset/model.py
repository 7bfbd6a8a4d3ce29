"""The validated data model: services, their sources and contacts, the vocabularies, the dataset."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from hkqh_tui.core.language.text import Text

STATUSES: tuple[str, ...] = ("operating", "pilot", "planned", "announced")
PLAN_MENTIONS: tuple[str, ...] = ("yes", "no", "unknown")
FILTERS: tuple[str, ...] = ("category", "audience", "status")
EVERYONE = "everyone"
"""The audience of services open to anyone: such a service fits every audience filter."""
PLACES: tuple[str, ...] = ("hk", "shenzhen", "gba")
"""Where a person lives: Hong Kong, Shenzhen (Qianhai included), elsewhere in the Mainland GBA cities."""
ACTIVITIES: tuple[str, ...] = ("work", "study", "business", "profession")
"""What a person does or wants to do in Qianhai or the GBA."""
PROFESSIONS: tuple[str, ...] = ("lawyer", "vet", "doctor", "engineer", "other")
"""Professions a person may practise."""
CIRCUMSTANCES: tuple[str, ...] = (
    "hk-permanent-resident", "home-return-permit", "residence-permit", "hk-car", "children", "elderly-parents",
    "pet", "cssa", "oala",
)
"""Things a person has or is: documents, a Hong Kong car, children, elderly parents, a pet, welfare they receive."""
"""The filters a search or listing can combine, each backed by one vocabulary."""


class Source(NamedTuple):
    """A published page or document that shows the facts of a service."""

    title: str
    url: str
    publisher: str
    date: date | None  # None means the source shows no date ("undated")
    official: bool

    def date_label(self) -> str:
        """The ISO date, or "undated"."""
        return self.date.isoformat() if self.date else "undated"


class Contact(NamedTuple):
    """A verified way to reach the office that runs a service."""

    name: Text
    source: str
    address: Text | None = None
    hours: Text | None = None
    phone: str = ""
    website: str = ""


class PlanMention(NamedTuple):
    """Whether (and where) the 2026 Qianhai Action Plan names a service."""

    mentioned: str  # one of PLAN_MENTIONS
    note: Text | None = None


class Requirements(NamedTuple):
    """Who a service is for, as its sources state it; every field left empty means "no such condition"."""

    source: str = ""  # the url of the service's source that states these conditions
    min_age: int | None = None
    max_age: int | None = None
    lives_in: tuple[str, ...] = ()  # any of PLACES
    activities: tuple[str, ...] = ()  # any of ACTIVITIES
    professions: tuple[str, ...] = ()  # any of PROFESSIONS
    has: tuple[str, ...] = ()  # all of CIRCUMSTANCES
    children_ages: tuple[int, int] | None = None  # at least one child aged within this range (inclusive)
    note: Text | None = None

    def is_empty(self) -> bool:
        """True when no condition is stated."""
        return (
            self.min_age is None and self.max_age is None and not self.lives_in and not self.activities
            and not self.professions and not self.has and self.children_ages is None
        )


class Service(NamedTuple):
    """One service or measure for Hong Kong residents in Qianhai."""

    id: str
    title: Text
    summary: Text
    category: str
    audiences: tuple[str, ...]
    status: str
    aliases: tuple[str, ...]
    eligibility: tuple[Text, ...]
    documents: tuple[Text, ...]
    steps: tuple[Text, ...]
    costs: tuple[Text, ...]
    contacts: tuple[Contact, ...]
    sources: tuple[Source, ...]
    last_verified: date
    plan_2026: PlanMention
    requires: Requirements = Requirements()

    def matches(self, category: str | None = None, audience: str | None = None, status: str | None = None) -> bool:
        """True when the service passes every filter given (None means any)."""
        return (
            (category is None or self.category == category)
            and (audience is None or audience in self.audiences or EVERYONE in self.audiences)
            and (status is None or self.status == status)
        )


class Vocabulary(NamedTuple):
    """A fixed, ordered vocabulary: key -> bilingual label."""

    labels: dict[str, Text]

    def __contains__(self, key: object) -> bool:
        return key in self.labels

    def keys(self) -> list[str]:
        """Keys in their curated order."""
        return list(self.labels)

    def label(self, key: str) -> Text:
        """The label of ``key``, or the key itself for an unknown one."""
        return self.labels.get(key, Text(key, key))

    def position(self, key: str) -> int:
        """The curated position of ``key`` (unknown keys sort last)."""
        try:
            return self.keys().index(key)
        except ValueError:
            return len(self.labels)


class Vocabularies(NamedTuple):
    """The three vocabularies a service refers to."""

    categories: Vocabulary
    audiences: Vocabulary
    statuses: Vocabulary

    def for_filter(self, name: str) -> Vocabulary:
        """The vocabulary behind filter ``name`` (one of :data:`FILTERS`)."""
        return {"category": self.categories, "audience": self.audiences, "status": self.statuses}[name]


class Dataset:
    """A loaded, validated dataset (never changed once made)."""

    __slots__ = ("services", "vocabularies", "origin", "version", "_by_id")

    def __init__(self, services: tuple[Service, ...], vocabularies: Vocabularies, origin: str, version: str) -> None:
        self.services = services
        self.vocabularies = vocabularies
        self.origin = origin
        """Where it was read from."""
        self.version = version
        """Changes whenever the data does (see :func:`~hkqh_tui.core.dataset.loading.dataset_version`)."""
        self._by_id = {service.id: service for service in services}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (self.version, self.origin, self.vocabularies, self.services) == (
            other.version, other.origin, other.vocabularies, other.services
        )

    __hash__ = None  # type: ignore[assignment]  # equal datasets must hash alike, and the vocabularies cannot hash

    def __repr__(self) -> str:
        return f"Dataset({len(self.services)} services from {self.origin!r}, version {self.version!r})"

    def get(self, service_id: str) -> Service | None:
        """The service with this id, or None."""
        return self._by_id.get(service_id)

    def curated_order(self, services: list[Service] | tuple[Service, ...] | None = None) -> list[Service]:
        """Services in the order shown without a query: by category, then status, then id."""
        pool = self.services if services is None else services
        vocab = self.vocabularies
        return sorted(
            pool,
            key=lambda s: (vocab.categories.position(s.category), vocab.statuses.position(s.status), s.id),
        )
