"""Builders for small, real plan files (``plan-2026.toml``) used by tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from tests.factories import to_toml, write_dataset


def plan_record(**overrides: Any) -> dict[str, Any]:
    """A valid raw plan for the default three-service test dataset; keyword arguments replace top-level fields."""
    record: dict[str, Any] = {
        "version": 1,
        "plan": {
            "title": {"zh-Hant": "測試行動方案", "en": "Test action plan"},
            "summary": {"zh-Hant": "測試用的方案簡介。", "en": "A plan summary for tests."},
        },
        "sources": [
            {"id": "report", "title": "Test report", "url": "https://example.org/report", "publisher": "Test news",
             "date": "2026-01-24", "official": False},
        ],
        "parts": [
            {"id": "rules", "title": {"zh-Hant": "第一部分：規則", "en": "Part 1: rules"}},
            {"id": "life", "title": {"zh-Hant": "第二部分：生活", "en": "Part 2: daily life"}},
        ],
        "measures": [
            {"id": "voucher", "part": "rules", "title": {"zh-Hant": "體驗券", "en": "Experience voucher"},
             "known": {"zh-Hant": "規則未公布。", "en": "Rules not published."}, "sources": ["report"],
             "services": ["voucher-test"], "note": {"zh-Hant": "報道提及體驗券。", "en": "The report names the voucher."}},
            {"id": "elderly", "part": "life", "title": {"zh-Hant": "長者醫療券", "en": "Elderly voucher"},
             "known": {"zh-Hant": "擴大範圍。", "en": "Wider use."}, "sources": ["report"],
             "services": ["ehcv-test", "voucher-test"], "related": ["port-test"],
             "note": {"zh-Hant": "報道提及醫療券。", "en": "The report names the elderly voucher."}},
            {"id": "metropolis", "part": "life", "title": {"zh-Hant": "北部都會區", "en": "Northern Metropolis"},
             "known": {"zh-Hant": "只有方向。", "en": "A direction only."}, "sources": ["report"], "services": []},
        ],
        "not_named": {"services": ["port-test"], "note": {"zh-Hant": "報道沒有提及。", "en": "The report does not name it."}},
    }
    record.update(copy.deepcopy(overrides))
    return record


def write_plan(root: Path, record: dict[str, Any] | None = None) -> Path:
    """Write ``plan-2026.toml`` into the data folder ``root`` and return its path."""
    path = root / "plan-2026.toml"
    path.write_text(to_toml(plan_record() if record is None else record), encoding="utf-8")
    return path


def write_dataset_with_plan(root: Path, record: dict[str, Any] | None = None) -> Path:
    """The default three-service dataset with a plan file beside it; returns the data folder."""
    write_dataset(root)
    write_plan(root, record)
    return root
