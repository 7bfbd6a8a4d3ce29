"""Random bytes and random structures fed to every reader of outside files: the dataset loader (folders and JSON),
the checklist parser and the settings reader. Each must answer with its normal problem report, never an exception,
and never write anything but what it is meant to (a damaged file kept aside)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkqh_tui.core.checklists.json_format import ChecklistFormatError, checklist_from_bytes
from hkqh_tui.core.checklists.store import ChecklistStore
from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.language.visible import visible
from hkqh_tui.core.storage.settings import Settings, load_settings
from tests.factories import BUNDLED_VOCABULARIES, service_record, to_toml

FUZZ = settings(
    max_examples=60,
    deadline=2000,  # milliseconds per example: generous for a shared machine, but a hang fails
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from(list("ab[]/@=:\\{}\"'#\n\t 阿媽") + ["\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\x00", "\udc80"]),
    max_size=30,
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), HOSTILE_TEXT,
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(HOSTILE_TEXT, children, max_size=4)),
    max_leaves=30,
)
NESTING = st.integers(min_value=1, max_value=3000).map(lambda n: "[" * n + "]" * n)


def _json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _check_report(result) -> None:
    assert result.dataset is not None or result.problems
    for problem in result.problems:
        line = str(problem)
        assert visible(line) == line  # nothing a terminal would act on


def _record_variant(value, key: str):
    record = service_record()
    record[key] = value
    return record


@FUZZ
@given(st.one_of(st.binary(max_size=400), STRUCTURES.map(_json_bytes), NESTING.map(str.encode)))
def test_json_dataset_random_bytes_and_structures(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all.json"
        path.write_bytes(data)
        _check_report(read_dataset(path))


@FUZZ
@given(
    st.sampled_from(["title", "steps", "sources", "contacts", "requires", "last_verified", "id", "plan_2026", "aliases"]),
    STRUCTURES,
)
def test_json_dataset_random_values_in_real_records(key, value):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all.json"
        path.write_bytes(_json_bytes([_record_variant(value, key)]))
        _check_report(read_dataset(path))


@FUZZ
@given(st.one_of(st.binary(max_size=400), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       st.booleans())
def test_folder_dataset_random_service_and_vocabulary_bytes(data, as_vocabulary):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "services").mkdir()
        shutil.copy(BUNDLED_VOCABULARIES, root / "vocabularies.toml")
        (root / "services" / "ehcv-test.toml").write_text(to_toml(service_record()), encoding="utf-8")
        target = root / "vocabularies.toml" if as_vocabulary else root / "services" / "other.toml"
        target.write_bytes(data)
        for _ in range(2):  # the second run goes through the parse cache
            _check_report(read_dataset(root))


@FUZZ
@given(st.one_of(st.binary(max_size=400), STRUCTURES.map(_json_bytes), NESTING.map(str.encode),
                 STRUCTURES.map(lambda v: _json_bytes({"format": "hkqh-checklist", "version": 1, "name": "x", "services": v}))))
def test_checklist_parser_and_store(data):
    try:
        checklist = checklist_from_bytes(data)
    except ChecklistFormatError as error:
        assert str(error)
    else:
        assert checklist.name
    with tempfile.TemporaryDirectory() as folder:
        store = ChecklistStore(folder)
        store._ensure_directory()
        (Path(folder) / "x-00000000.json").write_bytes(data)
        listing = store.list()
        assert listing.checklists and all(notice.message for notice in listing.notices)


@FUZZ
@given(st.one_of(st.binary(max_size=400), STRUCTURES.map(_json_bytes), NESTING.map(str.encode),
                 st.dictionaries(st.sampled_from(["version", "script", "theme", "category", "checklist", "keymap"]),
                                 STRUCTURES, max_size=6).map(_json_bytes)))
def test_settings_reader(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(data)
        loaded, notices = load_settings(path)
        assert isinstance(loaded, Settings)
        for notice in notices:
            assert visible(notice) == notice and len(notice) < 1000
        leftovers = sorted(p.name for p in Path(folder).iterdir())
        assert leftovers in (["settings.json"], []) or (len(leftovers) == 1 and ".corrupt-" in leftovers[0])
