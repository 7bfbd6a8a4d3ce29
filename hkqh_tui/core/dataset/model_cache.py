"""A cache of the validated dataset, so a start does not parse, validate and hash every service again.

Parsing and validating are linear in the dataset's size: negligible for the bundled 49 services, seconds at 10,000.
After a dataset loads without a problem, its validated services (in their JSON shape), its vocabularies and its
version are written to one file in the cache folder, keyed by the dataset's location and the size and modification
time of every file it was read from. The next start with the same files rebuilds the model straight from that file.

The cache never changes a result:
- only a dataset that validated without a single problem is cached, exactly as validation built it;
- the key covers every file read (a file added, removed or changed is a miss) and hkqh's version;
- files changed in the last few seconds are not cached (a second quick edit could keep the same size and mtime);
- the file carries a checksum, is read only when it is a regular file under a size limit, and any problem in it
  (damaged, cut short, wrong shape) is a miss: the dataset is then loaded from its files as usual.
It is JSON, never pickle: a cache file is data and cannot run code.
"""

from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from hkqh_tui.core.dataset.fingerprint import RACY_SECONDS as RACY_SECONDS
from hkqh_tui.core.dataset.fingerprint import dataset_files as dataset_files
from hkqh_tui.core.dataset.fingerprint import fingerprint
from hkqh_tui.core.dataset.model import (
    Contact,
    Dataset,
    PlanMention,
    Requirements,
    Service,
    Source,
    Vocabularies,
    Vocabulary,
)
from hkqh_tui.core.dataset.serialize import service_to_json
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.storage.digest import location_key
from hkqh_tui.core.storage.reading import read_regular_file

CACHE_FORMAT = 1
MAGIC = b"hkqh-dataset-cache"
MAX_CACHE_BYTES = 1 << 30
"""A cache file larger than this is not read (a dataset of 100,000 services takes about 250 MB)."""


class _Miss(Exception):
    """The cache cannot answer; load from the files."""


CODE_FILES = ("model.py", "validation.py", "loading.py", "location.py", "serialize.py", "model_cache.py")
"""The modules whose code decides what a loaded dataset is: a change to any of them is a miss."""


class DatasetCache:
    """The cached validated dataset of one dataset location."""

    def __init__(self, root: Path, folder: Path) -> None:
        key = location_key(root)
        self.file = folder / f"dataset-{key}.cache"
        self.root = root

    def _key(self, files: list[Path]) -> str | None:
        return fingerprint(self.root, files, [Path(__file__).with_name(name) for name in CODE_FILES], CACHE_FORMAT)

    def get(self, files: list[Path]) -> Dataset | None:
        """The cached dataset for ``files`` as they are now, or None."""
        key = self._key(files)
        if key is None:
            return None
        try:
            return self._read(key)
        except (_Miss, OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
            return None

    def put(self, files: list[Path], dataset: Dataset) -> None:
        """Remember ``dataset`` (validated without a problem) as loaded from ``files``; failures are ignored."""
        key = self._key(files)
        if key is None:
            return
        from hkqh_tui.core.storage.atomic import AtomicWriteError, atomic_write_bytes

        payload = json.dumps(
            {
                "key": key,
                "origin": dataset.origin,
                "version": dataset.version,
                "vocabularies": _vocabularies_to_json(dataset.vocabularies),
                "services": [service_to_json(s) for s in dataset.services],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8", "surrogatepass")
        header = b"%s %d %08x\n" % (MAGIC, CACHE_FORMAT, zlib.crc32(payload))
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write_bytes(self.file, header + payload)
        except (OSError, AtomicWriteError, ValueError):
            return

    def _read(self, key: str) -> Dataset:
        data = read_regular_file(self.file, MAX_CACHE_BYTES)
        header, _, payload = data.partition(b"\n")
        parts = header.split(b" ")
        if len(parts) != 3 or parts[0] != MAGIC or parts[1] != str(CACHE_FORMAT).encode():
            raise _Miss
        if int(parts[2], 16) != zlib.crc32(payload):
            raise _Miss
        raw = json.loads(payload.decode("utf-8", "surrogatepass"))
        if raw["key"] != key:
            raise _Miss
        services = tuple(_service(item) for item in raw["services"])
        return Dataset(
            services=services,
            vocabularies=_vocabularies(raw["vocabularies"]),
            origin=str(raw["origin"]),
            version=str(raw["version"]),
        )


# ---- the JSON shape back into the model (trusted: it was written from a validated dataset) ----------------------


def _vocabularies_to_json(vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        name: [[key, label.to_json()] for key, label in getattr(vocabularies, name).labels.items()]
        for name in ("categories", "audiences", "statuses")
    }


def _vocabularies(raw: dict[str, Any]) -> Vocabularies:
    def vocabulary(items: list[list[Any]]) -> Vocabulary:
        return Vocabulary({str(key): _text(label) for key, label in items})

    return Vocabularies(
        categories=vocabulary(raw["categories"]),
        audiences=vocabulary(raw["audiences"]),
        statuses=vocabulary(raw["statuses"]),
    )


def _text(raw: dict[str, str]) -> Text:
    return Text(raw["zh-Hant"], raw.get("en", ""))


def _optional_text(raw: dict[str, Any], name: str) -> Text | None:
    return _text(raw[name]) if name in raw else None


def _source(raw: dict[str, Any]) -> Source:
    dated = raw["date"]
    return Source(
        title=raw["title"],
        url=raw["url"],
        publisher=raw["publisher"],
        date=None if dated == "undated" else date.fromisoformat(dated),
        official=bool(raw["official"]),
    )


def _contact(raw: dict[str, Any]) -> Contact:
    return Contact(
        name=_text(raw["name"]),
        source=raw["source"],
        address=_optional_text(raw, "address"),
        hours=_optional_text(raw, "hours"),
        phone=raw.get("phone", ""),
        website=raw.get("website", ""),
    )


def _requirements(raw: dict[str, Any] | None) -> Requirements:
    if raw is None:
        return Requirements()
    ages = raw.get("children_ages")
    return Requirements(
        source=raw["source"],
        min_age=raw.get("min_age"),
        max_age=raw.get("max_age"),
        lives_in=tuple(raw.get("lives_in", ())),
        activities=tuple(raw.get("activities", ())),
        professions=tuple(raw.get("professions", ())),
        has=tuple(raw.get("has", ())),
        children_ages=(int(ages[0]), int(ages[1])) if ages is not None else None,
        note=_optional_text(raw, "note"),
    )


def _service(raw: dict[str, Any]) -> Service:
    plan = raw["plan_2026"]
    return Service(
        id=raw["id"],
        title=_text(raw["title"]),
        summary=_text(raw["summary"]),
        category=raw["category"],
        audiences=tuple(raw["audiences"]),
        status=raw["status"],
        aliases=tuple(raw["aliases"]),
        eligibility=tuple(_text(t) for t in raw["eligibility"]),
        documents=tuple(_text(t) for t in raw["documents"]),
        steps=tuple(_text(t) for t in raw["steps"]),
        costs=tuple(_text(t) for t in raw["costs"]),
        contacts=tuple(_contact(c) for c in raw["contacts"]),
        sources=tuple(_source(s) for s in raw["sources"]),
        last_verified=date.fromisoformat(raw["last_verified"]),
        plan_2026=PlanMention(plan["mentioned"], _optional_text(plan, "note")),
        requires=_requirements(raw.get("requires")),
    )
