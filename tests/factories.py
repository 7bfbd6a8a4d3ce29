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


def _text(zh: str, en: str = "") -> dict[str, str]:
    return {"zh-Hant": zh, "en": en} if en else {"zh-Hant": zh}


def search_records() -> list[dict[str, Any]]:
    """Eight services made to exercise search: titles, aliases, summaries and details in both languages."""
    return [
        service_record(
            "voucher",
            title=_text("長者醫療券大灣區試點計劃", "Elderly Health Care Voucher Greater Bay Area Pilot Scheme"),
            summary=_text("合資格長者可在深圳指定醫院使用醫療券。", "Eligible elders can use vouchers at designated Shenzhen hospitals."),
            category="health",
            audiences=["elderly"],
            status="pilot",
            aliases=["醫療卷", "EHCV", "elderly voucher"],
            eligibility=[_text("年滿65歲的香港居民", "Hong Kong residents aged 65 or over")],
            documents=[_text("香港身份證", "Hong Kong identity card")],
            steps=[_text("登記醫健通", "Register with eHealth")],
            contacts=[],
        ),
        service_record(
            "port",
            title=_text("深圳灣口岸", "Shenzhen Bay Port"),
            summary=_text("前海最近的陸路口岸，設有巴士站。", "The nearest land crossing to Qianhai, with a bus terminus."),
            category="transport",
            audiences=["everyone"],
            aliases=["過關", "SZ Bay"],
            eligibility=[],
            documents=[],
            steps=[_text("乘搭B2巴士前往", "Take bus B2 there")],
            contacts=[],
        ),
        service_record(
            "ferry",
            title=_text("蛇口渡輪", "Shekou ferries"),
            summary=_text("來往蛇口郵輪母港與香港的渡輪。", "Ferries between Shekou Cruise Home Port and Hong Kong."),
            category="transport",
            audiences=["everyone"],
            aliases=["坐船"],
            eligibility=[],
            documents=[],
            steps=[_text("在碼頭轉乘巴士", "Change to a bus at the pier")],
            contacts=[],
        ),
        service_record(
            "lawyers",
            title=_text("大灣區律師", "GBA lawyers"),
            summary=_text("香港律師可在大灣區九市執業。", "Hong Kong solicitors can practise in the nine GBA cities."),
            category="legal",
            audiences=["professionals"],
            aliases=["GBA lawyer"],
            eligibility=[],
            documents=[],
            steps=[],
            contacts=[],
        ),
        service_record(
            "court",
            title=_text("深圳前海合作區人民法院", "Shenzhen Qianhai Cooperation Zone People's Court"),
            summary=_text("處理前海涉港案件的法院。", "The court that hears Hong Kong-related cases in Qianhai."),
            category="legal",
            audiences=["everyone"],
            aliases=[],
            eligibility=[],
            documents=[],
            steps=[],
            contacts=[],
        ),
        service_record(
            "housing",
            title=_text("前海港澳青年住房補貼", "Qianhai housing subsidy for Hong Kong and Macao youth"),
            summary=_text("合資格青年每月可獲住房補貼。", "Eligible young people get a monthly housing subsidy."),
            category="housing",
            audiences=["youth"],
            aliases=["租屋津貼"],
            eligibility=[],
            documents=[],
            steps=[],
            contacts=[],
        ),
        service_record(
            "permit",
            title=_text("港澳居民來往內地通行證", "Home Return Permit"),
            summary=_text("香港居民進入內地的證件。", "The travel document Hong Kong residents use to enter the Mainland."),
            category="living",
            audiences=["everyone"],
            aliases=["回鄉證"],
            eligibility=[],
            documents=[],
            steps=[],
            contacts=[],
        ),
        service_record(
            "e-station",
            title=_text("前海e站通", "Qianhai e-Station"),
            summary=_text("為港人提供政務服務。", "Government services for Hong Kong people."),
            category="one-stop",
            audiences=["everyone"],
            aliases=[],
            eligibility=[_text("持有醫療券的長者亦可查詢", "Elders with a voucher may also ask")],
            documents=[],
            steps=[],
            contacts=[],
        ),
    ]
