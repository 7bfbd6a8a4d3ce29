"""What a curator should look at: old checks, weak sources, mirror and aggregator domains, shared URLs, stale
announcements. Plain Python; the domain list is ``data/source-domains.toml`` (read with bounds, validated)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from hkqh_tui.core.dataset.location import DOMAINS_FILE as DOMAINS_FILE
from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.dataset.validation import UNPRINTABLE, Problem

MAX_DOMAINS_BYTES = 256 * 1024
MAX_DOMAINS = 2000
DOMAIN_KINDS = ("mirror", "aggregator")
AGE_BUCKETS: tuple[tuple[str, int], ...] = (("under-3-months", 91), ("3-to-6-months", 183), ("6-to-12-months", 365))
"""Upper bounds in days; older entries fall in "over-12-months"."""
ANNOUNCED_STALE_DAYS = 183


@dataclass(frozen=True, slots=True)
class FlaggedDomain:
    """A reviewed domain that mirrors or aggregates other publishers' pages."""

    domain: str
    kind: str  # one of DOMAIN_KINDS
    reason: str

    def matches(self, host: str) -> bool:
        """True for the domain itself and its subdomains."""
        return host == self.domain or host.endswith("." + self.domain)


@dataclass
class DomainList:
    """The reviewed domains, or the problems with their file."""

    domains: list[FlaggedDomain] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_domains(path: Path) -> DomainList:
    """Read and validate the reviewed domain list; a missing file is an empty list."""
    result = DomainList()
    file = str(path)
    if not path.exists():
        return result
    try:
        if path.stat().st_size > MAX_DOMAINS_BYTES:
            result.problems.append(Problem(file, "", "", f"file is too large (limit {MAX_DOMAINS_BYTES} bytes)"))
            return result
        raw = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        result.problems.append(Problem(file, "", "", f"cannot read the file: {error.strerror or error}"))
        return result
    except UnicodeDecodeError as error:
        result.problems.append(Problem(file, "", "", f"not UTF-8 text (byte {error.start})"))
        return result
    except tomllib.TOMLDecodeError as error:
        result.problems.append(Problem(file, "", "", f"not valid TOML: {error}"))
        return result
    for key in raw:
        if key not in ("version", "domains"):
            result.problems.append(Problem(file, "", key, "unknown field"))
    if raw.get("version") != 1:
        result.problems.append(Problem(file, "", "version", f"must be 1, not {raw.get('version')!r}"))
    items = raw.get("domains", [])
    if not isinstance(items, list) or len(items) > MAX_DOMAINS:
        result.problems.append(Problem(file, "", "domains", f"must be a list of at most {MAX_DOMAINS} [[domains]] tables"))
        return result
    seen: set[str] = set()
    for position, item in enumerate(items):
        where = f"domains[{position}]"
        if not isinstance(item, dict):
            result.problems.append(Problem(file, "", where, "must be a table"))
            continue
        for key in item:
            if key not in ("domain", "kind", "reason"):
                result.problems.append(Problem(file, "", f"{where}.{key}", "unknown field"))
        domain, kind, reason = item.get("domain"), item.get("kind"), item.get("reason")
        bad = False
        if not isinstance(domain, str) or not domain or domain != domain.strip().lower() or "/" in domain or UNPRINTABLE.search(domain):
            result.problems.append(Problem(file, "", f"{where}.domain", "must be a lowercase host name such as example.com"))
            bad = True
        elif domain in seen:
            result.problems.append(Problem(file, "", f"{where}.domain", f"{domain!r} is listed twice"))
            bad = True
        if kind not in DOMAIN_KINDS:
            result.problems.append(Problem(file, "", f"{where}.kind", f"must be one of: {', '.join(DOMAIN_KINDS)}"))
            bad = True
        if not isinstance(reason, str) or not reason.strip() or UNPRINTABLE.search(reason):
            result.problems.append(Problem(file, "", f"{where}.reason", "must say why the domain is listed"))
            bad = True
        if not bad and isinstance(domain, str) and isinstance(kind, str) and isinstance(reason, str):
            seen.add(domain)
            result.domains.append(FlaggedDomain(domain, kind, reason))
    return result


def host_of(url: str) -> str:
    """The lowercase host of a URL ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def age_bucket(days: int) -> str:
    """The age bucket of an entry last verified ``days`` ago."""
    for name, upper in AGE_BUCKETS:
        if days < upper:
            return name
    return "over-12-months"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One source of one entry."""

    service_id: str
    title: str
    url: str


@dataclass
class CuratorReport:
    """Everything ``hkqh data report`` prints, computed from a dataset and the reviewed domain list."""

    today: date
    by_age: dict[str, list[tuple[str, date]]]  # bucket -> (id, last_verified), oldest first
    undated_sources: list[SourceRef]
    unofficial_only: list[str]
    flagged_sources: list[tuple[SourceRef, FlaggedDomain]]
    shared_urls: dict[str, list[str]]  # url -> ids of the entries that cite it
    stale_announced: list[tuple[str, date | None]]  # (id, newest dated source or None)
    domain_problems: list[Problem]

    def to_json(self) -> dict:
        """The report for programs."""
        def ref(source: SourceRef) -> dict:
            return {"service": source.service_id, "title": source.title, "url": source.url}

        return {
            "today": self.today.isoformat(),
            "by_age": {bucket: [{"id": i, "last_verified": d.isoformat()} for i, d in rows] for bucket, rows in self.by_age.items()},
            "undated_sources": [ref(s) for s in self.undated_sources],
            "unofficial_only": self.unofficial_only,
            "flagged_sources": [{**ref(s), "domain": d.domain, "kind": d.kind, "reason": d.reason} for s, d in self.flagged_sources],
            "shared_urls": [{"url": url, "services": ids} for url, ids in self.shared_urls.items()],
            "stale_announced": [{"id": i, "newest_source": d.isoformat() if d else None} for i, d in self.stale_announced],
            "domain_problems": [str(p) for p in self.domain_problems],
        }


def _newest_source_date(service: Service) -> date | None:
    dated = [s.date for s in service.sources if s.date is not None]
    return max(dated) if dated else None


def curator_report(dataset: Dataset, domains: DomainList, today: date) -> CuratorReport:
    """Compute the report for ``dataset`` as of ``today``."""
    by_age: dict[str, list[tuple[str, date]]] = {name: [] for name, _ in AGE_BUCKETS}
    by_age["over-12-months"] = []
    for service in sorted(dataset.services, key=lambda s: (s.last_verified, s.id)):
        by_age[age_bucket((today - service.last_verified).days)].append((service.id, service.last_verified))
    undated: list[SourceRef] = []
    flagged: list[tuple[SourceRef, FlaggedDomain]] = []
    users: dict[str, list[str]] = {}
    for service in sorted(dataset.services, key=lambda s: s.id):
        for source in service.sources:
            reference = SourceRef(service.id, source.title, source.url)
            if source.date is None:
                undated.append(reference)
            host = host_of(source.url)
            match = next((d for d in domains.domains if d.matches(host)), None)
            if match is not None:
                flagged.append((reference, match))
            ids = users.setdefault(source.url, [])
            if service.id not in ids:
                ids.append(service.id)
    shared = {url: ids for url, ids in sorted(users.items(), key=lambda item: (-len(item[1]), item[0])) if len(ids) > 1}
    unofficial_only = sorted(s.id for s in dataset.services if not any(source.official for source in s.sources))
    stale: list[tuple[str, date | None]] = []
    for service in sorted(dataset.services, key=lambda s: s.id):
        if service.status != "announced":
            continue
        newest = _newest_source_date(service)
        if newest is None or (today - newest).days > ANNOUNCED_STALE_DAYS:
            stale.append((service.id, newest))
    return CuratorReport(today, by_age, undated, unofficial_only, flagged, shared, stale, domains.problems)
