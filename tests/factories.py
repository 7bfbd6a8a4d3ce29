"""Builders for small, real dataset files used by tests."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_VOCABULARIES = REPO_ROOT / "data" / "vocabularies.toml"


def service_record(service_id: str = "ehcv-test", **overrides: Any) -> dict[str, Any]:
    """A complete, valid raw service record (JSON shape); keyword arguments replace fields."""
    record: dict[str, Any] = {
        "id": service_id,
        "title": {"zh-Hant": "長者醫療券測試", "en": "Elderly voucher test"},
        "summary": {"zh-Hant": "測試用的服務簡介。", "en": "A service summary for tests."},
        "category": "health",
        "audiences": ["elderly"],
        "status": "operating",
        "aliases": ["醫療券", "elderly voucher"],
        "eligibility": [{"zh-Hant": "年滿65歲", "en": "Aged 65 or over"}],
        "documents": [{"zh-Hant": "香港身份證", "en": "Hong Kong identity card"}],
        "steps": [{"zh-Hant": "到服務點登記", "en": "Register at the service point"}],
        "costs": [],
        "contacts": [
            {
                "name": {"zh-Hant": "測試辦事處", "en": "Test office"},
                "website": "https://example.org/office",
                "source": "https://example.org/source",
            }
        ],
        "sources": [
            {
                "title": "Test source",
                "url": "https://example.org/source",
                "publisher": "Test publisher",
                "date": "2025-08-18",
                "official": True,
            }
        ],
        "last_verified": "2026-11-24",
        "plan_2026": {"mentioned": "unknown"},
    }
    record.update(copy.deepcopy(overrides))
    return record


def default_records() -> list[dict[str, Any]]:
    """Three distinct valid services."""
    return [
        service_record("ehcv-test"),
        service_record(
            "port-test",
            title={"zh-Hant": "深圳灣口岸", "en": "Shenzhen Bay Port"},
            summary={"zh-Hant": "過關到前海最近的陸路口岸。", "en": "The nearest land crossing to Qianhai."},
            category="transport",
            audiences=["everyone"],
            aliases=["深圳灣", "SZ Bay"],
            contacts=[],
        ),
        service_record(
            "voucher-test",
            title={"zh-Hant": "深港72小時體驗券", "en": "72-hour experience voucher"},
            summary={"zh-Hant": "方案提及的措施。", "en": "A measure named in the plan."},
            category="visit",
            audiences=["visitors"],
            status="announced",
            aliases=["體驗券"],
            eligibility=[],
            documents=[],
            steps=[],
            contacts=[],
        ),
    ]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value)} to TOML")


def to_toml(record: dict[str, Any]) -> str:
    """A raw record written as a TOML document (dates stay quoted strings, which the schema accepts)."""
    return "".join(f"{json.dumps(key)} = {_toml_value(value)}\n" for key, value in record.items())


def write_dataset(root: Path, records: list[dict[str, Any]] | None = None) -> Path:
    """Write a dataset in the curated layout (vocabularies.toml + services/<id>.toml) and return its folder."""
    records = default_records() if records is None else records
    services = root / "services"
    services.mkdir(parents=True, exist_ok=True)
    shutil.copy(BUNDLED_VOCABULARIES, root / "vocabularies.toml")
    for index, record in enumerate(records):
        name = record.get("id") if isinstance(record.get("id"), str) else f"service-{index}"
        (services / f"{name}.toml").write_text(to_toml(record), encoding="utf-8")
    return root


def write_json_dataset(path: Path, records: list[dict[str, Any]] | None = None) -> Path:
    """Write a dataset as one JSON array file and return its path."""
    records = default_records() if records is None else records
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
