"""Interface words (headings, labels) in the three display scripts, shared by the CLI, the TUI and export."""

from __future__ import annotations

from datetime import date

from hkqh_tui.core.language.display import to_simplified
from hkqh_tui.core.language.text import Script

_HEADINGS: dict[str, tuple[str, str]] = {
    # key: (Traditional Chinese, English); Simplified is converted from Traditional.
    "title": ("名稱", "Title"),
    "summary": ("簡介", "Summary"),
    "category": ("類別", "Category"),
    "audiences": ("對象", "For"),
    "status": ("狀態", "Status"),
    "eligibility": ("資格", "Eligibility"),
    "documents": ("所需文件", "Documents to prepare"),
    "steps": ("步驟", "Steps"),
    "costs": ("費用及金額", "Costs and amounts"),
    "contacts": ("聯絡", "Contacts"),
    "sources": ("資料來源", "Sources"),
    "plan_2026": ("2026年行動方案", "2026 Action Plan"),
    "official": ("官方", "official"),
    "unofficial": ("非官方", "not official"),
    "aliases": ("別名", "Also searched as"),
    "last_verified": ("最後核實", "Last verified"),
    "score": ("分數", "Score"),
    "related": ("相關", "related"),
    "note": ("備註", "Note"),
    "combined_documents": ("所需文件總表", "All documents to prepare"),
    "needed_by": ("用於", "Needed for"),
    "no_longer_listed": ("此服務已不在資料集內", "This service is no longer in the dataset"),
    # Checklists and their Markdown export.
    "checklist": ("清單", "Checklist"),
    "exported": ("匯出日期", "Exported"),
    "dataset_version": ("資料集版本", "Dataset version"),
    "progress": ("進度", "Progress"),
    "empty_checklist": ("此清單暫時未有服務。", "This checklist has no services yet."),
    "address": ("地址", "Address"),
    "hours": ("辦公時間", "Hours"),
    "phone": ("電話", "Phone"),
    "website": ("網站", "Website"),
    "service_id": ("服務編號", "Service id"),
}

_PLAN: dict[str, tuple[str, str]] = {
    "yes": ("方案有提及", "Named in the plan"),
    "no": ("方案未有提及", "Not named in the plan"),
    "unknown": ("未能確定方案有否提及", "Not known whether the plan names it"),
}

STALE_AFTER_DAYS = 365

STATUS_STYLES: dict[str, str] = {"operating": "green", "pilot": "cyan", "planned": "yellow", "announced": "magenta"}
"""The colour of each status wherever it is shown (rich style names)."""


def pick(pair: tuple[str, str], script: Script) -> str:
    """A (Traditional Chinese, English) pair of interface words in ``script``; Simplified is converted, and an
    empty English text falls back to the Chinese."""
    zh, en = pair
    if script == "en":
        return en or zh
    return to_simplified(zh) if script == "hans" else zh


def heading(key: str, script: Script) -> str:
    """An interface heading in ``script``."""
    return pick(_HEADINGS.get(key, (key, key)), script)


def plan_label(mentioned: str, script: Script) -> str:
    """What ``plan_2026.mentioned`` means, in ``script``."""
    return pick(_PLAN.get(mentioned, _PLAN["unknown"]), script)


def is_stale(last_verified: date, today: date | None = None) -> bool:
    """True when an entry was last verified more than 12 months ago."""
    return ((today or date.today()) - last_verified).days > STALE_AFTER_DAYS


def verified_label(last_verified: date, script: Script, today: date | None = None) -> str:
    """"Last verified: <date>", with a warning when it is older than 12 months."""
    text = f"{heading('last_verified', script)}: {last_verified.isoformat()}"
    if is_stale(last_verified, today):
        warning = ("超過12個月未核實，請向主辦機構查證", "over 12 months old: check with the office that runs it")
        text += "  ⚠ " + pick(warning, script)
    return text
