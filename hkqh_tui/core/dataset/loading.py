"""Find and load a dataset: the bundled one, a curated directory, or one JSON file.

Data flows one way: files -> validated model. Every problem is reported with its file, service and field; nothing
here raises on bad data except :func:`load_dataset`, which raises :class:`DatasetError` carrying all problems.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hkqh_tui.core.dataset.location import DATA_ENV_VAR as DATA_ENV_VAR
from hkqh_tui.core.dataset.location import SERVICES_DIR, VOCABULARY_FILE, bundled_data_path, chosen_data_path
from hkqh_tui.core.dataset.model import Dataset, Service, Vocabularies, Vocabulary
from hkqh_tui.core.dataset.model_cache import DatasetCache, dataset_files
from hkqh_tui.core.dataset.parse_cache import ParseCache, cache_disabled
from hkqh_tui.core.dataset.serialize import service_to_json
from hkqh_tui.core.dataset.validation import UNPRINTABLE, Problem, check_service, type_name
from hkqh_tui.core.gc_pause import collector_paused
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.storage.reading import ParseError, parse_json, parse_toml, read_regular_file

MAX_JSON_BYTES = 320 * 1024 * 1024
"""A dataset as one JSON file: room for more than 100,000 services (10,000 take 17 to 25 MB)."""
MAX_TOML_BYTES = 1024 * 1024
"""One service file or the vocabularies: the bundled ones are under 10 KB each."""
MAX_FILE_BYTES = MAX_JSON_BYTES
MAX_KEPT_PROBLEMS = 1000
"""After this many problems checking stops (the rest of a service's problems are counted, further services are not
checked): a broken 100 MB file must not take minutes to report."""


class DatasetError(Exception):
    """A dataset could not be loaded; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the dataset")


class LoadResult:
    """The outcome of loading: the dataset (None when any problem was found) and the problems."""

    __slots__ = ("dataset", "problems", "omitted", "unchecked")

    def __init__(
        self, dataset: Dataset | None, problems: list[Problem] | None = None, omitted: int = 0, unchecked: int = 0
    ) -> None:
        self.dataset = dataset
        self.problems: list[Problem] = [] if problems is None else problems
        self.omitted = omitted
        """How many more problems were found than ``problems`` holds (see :data:`MAX_KEPT_PROBLEMS`)."""
        self.unchecked = unchecked
        """How many services were not checked because checking stopped at :data:`MAX_KEPT_PROBLEMS` problems."""

    def __repr__(self) -> str:
        return f"LoadResult({self.dataset!r}, {self.problem_count} problem(s))"

    def summary(self) -> str:
        """``"1,006 problem(s)"``, with the services not checked when checking stopped early."""
        text = f"{self.problem_count:,} problem(s)"
        if self.unchecked:
            text += f"; {self.unchecked:,} more service(s) not checked (checking stops after {MAX_KEPT_PROBLEMS:,} problems)"
        return text

    @property
    def problem_count(self) -> int:
        """Every problem found, kept or not."""
        return len(self.problems) + self.omitted


def _read_bytes(path: Path, problems: list[Problem], limit: int = MAX_JSON_BYTES) -> bytes | None:
    """The file's bytes: only a regular file (never a FIFO or device), at most ``limit`` bytes."""
    try:
        return read_regular_file(path, limit)
    except FileNotFoundError:
        problems.append(Problem(str(path), "", "", "cannot read the file: no such file"))
    except OSError as error:
        problems.append(Problem(str(path), "", "", f"cannot read the file: {error.strerror or error}"))
    return None


def _parse_toml(path: Path, data: bytes, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return parse_toml(data)
    except ParseError as error:
        problems.append(Problem(str(path), "", "", str(error)))
    return None


def _read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    data = _read_bytes(path, problems, MAX_TOML_BYTES)
    return None if data is None else _parse_toml(path, data, problems)


def _vocabulary(raw: Any, name: str, file: str, problems: list[Problem]) -> Vocabulary:
    labels: dict[str, Text] = {}
    if not isinstance(raw, dict) or not raw:
        problems.append(Problem(file, "", name, "must be a non-empty table of key = { zh-Hant, en }"))
        return Vocabulary(labels)
    for key, label in raw.items():
        if not (isinstance(label, dict) and isinstance(label.get("zh-Hant"), str) and isinstance(label.get("en"), str)):
            problems.append(Problem(file, "", f"{name}.{key}", "must be { zh-Hant = \"...\", en = \"...\" }"))
            continue
        bad = next((t for t in (key, label["zh-Hant"], label["en"]) if UNPRINTABLE.search(t)), None)
        if bad is not None:
            char = UNPRINTABLE.search(bad).group()  # type: ignore[union-attr]
            problems.append(Problem(file, "", f"{name}.{key}", f"contains an invalid character (U+{ord(char):04X}); remove it"))
            continue
        labels[key] = Text(label["zh-Hant"], label["en"])
    return Vocabulary(labels)


def load_vocabularies(path: Path, problems: list[Problem]) -> Vocabularies:
    """Read ``vocabularies.toml``; problems are appended to ``problems``."""
    raw = _read_toml(path, problems) or {}
    file = str(path)
    for key in raw:
        if key not in ("categories", "audiences", "statuses"):
            problems.append(Problem(file, "", key, "unknown vocabulary"))
    return Vocabularies(
        categories=_vocabulary(raw.get("categories"), "categories", file, problems),
        audiences=_vocabulary(raw.get("audiences"), "audiences", file, problems),
        statuses=_vocabulary(raw.get("statuses"), "statuses", file, problems),
    )


def _raw_services_from_directory(root: Path, problems: list[Problem]) -> list[tuple[str, Any, str]]:
    services_dir = root / SERVICES_DIR
    if not services_dir.is_dir():
        problems.append(Problem(str(root), "", "", f"no {SERVICES_DIR}/ folder here: expected {SERVICES_DIR}/<id>.toml files"))
        return []
    cache = None if cache_disabled() else ParseCache(root)
    records = []
    paths = sorted(services_dir.glob("*.toml"))
    for path in paths:
        content = _read_bytes(path, problems, MAX_TOML_BYTES)
        if content is None:
            continue
        raw = cache.get(path, content) if cache is not None else None
        if raw is None:
            raw = _parse_toml(path, content, problems)
            if raw is not None and cache is not None:
                cache.put(path, raw, content)
        if raw is not None:
            records.append((str(path), raw, path.stem))
    if cache is not None:
        cache.forget_others({str(p) for p in paths})
        cache.save()
    return records


def _raw_services_from_json(path: Path, problems: list[Problem]) -> list[tuple[str, Any, str]]:
    data = _read_bytes(path, problems, MAX_JSON_BYTES)
    if data is None:
        return []
    try:
        raw = parse_json(data)
    except ParseError as error:
        problems.append(Problem(str(path), "", "", str(error)))
        return []
    if not isinstance(raw, list):
        problems.append(Problem(str(path), "", "", f"must be a JSON array of services, not {type_name(raw)}"))
        return []
    return [(f"{path}#{index}", record, "") for index, record in enumerate(raw)]


def dataset_version(services: list[Service] | tuple[Service, ...]) -> str:
    """A version that changes whenever the data does: the newest verification date and a content hash."""
    if not services:
        return "empty"
    import hashlib  # here, not above: OpenSSL takes milliseconds to load and a cached start never gets here

    canonical = json.dumps([service_to_json(s) for s in services], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]
    newest = max(s.last_verified for s in services).isoformat()
    return f"{newest}+{digest}"


def read_dataset(path: str | os.PathLike[str] | None = None) -> LoadResult:
    """Load and validate a dataset, collecting every problem. Never raises on bad data."""
    with collector_paused():
        return _read_dataset(path)


def _read_dataset(path: str | os.PathLike[str] | None) -> LoadResult:
    root = chosen_data_path(path)
    problems: list[Problem] = []
    if not root.exists():
        problems.append(Problem(str(root), "", "", "no such file or folder"))
        return LoadResult(None, problems)
    cache, files = _dataset_cache(root)
    if cache is not None and (cached := cache.get(files)) is not None:
        return LoadResult(cached, [])

    if root.is_dir():
        vocabularies = load_vocabularies(root / VOCABULARY_FILE, problems)
        records = _raw_services_from_directory(root, problems)
    else:
        vocabularies = load_vocabularies(bundled_data_path() / VOCABULARY_FILE, problems)
        records = _raw_services_from_json(root, problems)

    services: list[Service] = []
    seen: dict[str, str] = {}
    omitted = unchecked = 0
    for position, (file, raw, expected_id) in enumerate(records):
        if len(problems) >= MAX_KEPT_PROBLEMS:
            unchecked = len(records) - position
            break
        service, service_problems = check_service(raw, file, vocabularies)
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw_id, str) and raw_id:
            if expected_id and raw_id != expected_id:
                service_problems.append(Problem(file, raw_id, "id", f"must match the file name ({expected_id}.toml)"))
            if raw_id in seen:
                service_problems.append(Problem(file, raw_id, "id", f"duplicate id (also in {seen[raw_id]})"))
            else:
                seen[raw_id] = file
        room = MAX_KEPT_PROBLEMS - len(problems)
        problems.extend(service_problems[: max(room, 0)])
        omitted += max(len(service_problems) - max(room, 0), 0)
        if service is not None and not problems:
            services.append(service)

    if not records and not problems:
        problems.append(Problem(str(root), "", "", "the dataset has no services"))
    if problems:
        return LoadResult(None, problems, omitted, unchecked)
    services_tuple = tuple(services)
    dataset = Dataset(
        services=services_tuple, vocabularies=vocabularies, origin=str(root), version=dataset_version(services_tuple)
    )
    if cache is not None:
        cache.put(files, dataset)
    return LoadResult(dataset, [])


def _dataset_cache(root: Path) -> tuple[DatasetCache | None, list[Path]]:
    """The validated-dataset cache for ``root`` and the files it is keyed by (None when caching is off)."""
    if cache_disabled():
        return None, []
    from hkqh_tui.core.storage.paths import cache_dir

    return DatasetCache(root, cache_dir()), dataset_files(root, bundled_data_path() / VOCABULARY_FILE)


def load_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a dataset or raise :class:`DatasetError` with every problem found."""
    result = read_dataset(path)
    if result.dataset is None:
        raise DatasetError(result.problems)
    return result.dataset
