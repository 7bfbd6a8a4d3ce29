"""One list of fields per record kind: data/SCHEMA.md, validation and the JSON shape name the same fields."""

from __future__ import annotations

import re

from hkqh_tui.core.dataset import validation
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.dataset.serialize import service_to_json
from tests.factories import REPO_ROOT, service_record, write_dataset

SCHEMA = (REPO_ROOT / "data" / "SCHEMA.md").read_text(encoding="utf-8")


def documented_fields(heading: str) -> set[str]:
    """The field names in the first column of the table under ``heading`` in SCHEMA.md."""
    section = SCHEMA.split(heading, 1)[1]
    table = re.search(r"\n(\|.*\|\n)+", section)
    assert table, f"no table under {heading!r}"
    names: set[str] = set()
    for line in table.group(0).strip().splitlines()[2:]:
        names.update(re.findall(r"`([a-z_0-9-]+)`", line.split("|")[1]))
    return names


def test_service_fields_are_documented_and_validated_alike():
    assert documented_fields("## A service") == set(validation.SERVICE_FIELDS) | set(validation.OPTIONAL_SERVICE_FIELDS)


def test_source_contact_plan_and_requires_fields_are_documented_and_validated_alike():
    assert documented_fields("### Source") == set(validation.SOURCE_FIELDS)
    assert documented_fields("### Contact") == set(validation.CONTACT_FIELDS)
    assert documented_fields("### plan_2026") == set(validation.PLAN_FIELDS)
    assert documented_fields("### requires") == set(validation.REQUIREMENT_FIELDS)


def test_the_json_shape_uses_exactly_the_validated_field_names(tmp_path):
    requires = {"source": "https://example.org/source", "min_age": 18, "max_age": 44, "lives_in": ["hk"],
                "activities": ["work"], "professions": ["vet"], "has": ["pet"], "children_ages": [6, 15],
                "note": {"zh-Hant": "備註", "en": "Note"}}
    record = service_record("every-field", requires=requires)
    record["contacts"][0].update({"address": {"zh-Hant": "地址", "en": "Address"},
                                  "hours": {"zh-Hant": "時間", "en": "Hours"}, "phone": "+852 0000 0000"})
    record["plan_2026"] = {"mentioned": "yes", "note": {"zh-Hant": "註", "en": "Note"}}
    service = load_dataset(write_dataset(tmp_path / "data", [record])).get("every-field")
    data = service_to_json(service)
    assert set(data) == set(validation.SERVICE_FIELDS) | set(validation.OPTIONAL_SERVICE_FIELDS)
    assert set(data["sources"][0]) == set(validation.SOURCE_FIELDS)
    assert set(data["contacts"][0]) == set(validation.CONTACT_FIELDS)
    assert set(data["plan_2026"]) == set(validation.PLAN_FIELDS)
    assert set(data["requires"]) == set(validation.REQUIREMENT_FIELDS)
