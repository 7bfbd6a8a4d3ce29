"""Interface words (headings, labels) in the three display scripts, shared by the CLI, the TUI and export."""

from __future__ import annotations

from datetime import date

from hkqh_tui.core.language.display import to_simplified
from hkqh_tui.core.language.text import Script

_HEADINGS: dict[str, tuple[str, str, str]] = {
    # key: (Traditional Chinese, Simplified Chinese, English). The Simplified wording is reviewed, not converted.
    "title": ("名稱", "名称", "Title"),
    "summary": ("簡介", "简介", "Summary"),
    "category": ("類別", "类别", "Category"),
    "audiences": ("對象", "对象", "For"),
    "status": ("狀態", "状态", "Status"),
    "eligibility": ("資格", "申请条件", "Eligibility"),
    "documents": ("所需文件", "所需材料", "Documents to prepare"),
    "steps": ("步驟", "步骤", "Steps"),
    "costs": ("費用及金額", "费用和金额", "Costs and amounts"),
    "contacts": ("聯絡", "联系方式", "Contacts"),
    "sources": ("資料來源", "信息来源", "Sources"),
    "source": ("資料來源", "信息来源", "Source"),
    "plan_2026": ("2026年行動方案", "2026年行动方案", "2026 Action Plan"),
    "official": ("官方", "官方", "official"),
    "unofficial": ("非官方", "非官方", "not official"),
    "aliases": ("別名", "别名", "Also searched as"),
    "last_verified": ("最後核實", "最后核实", "Last verified"),
    "score": ("分數", "分数", "Score"),
    "related": ("相關", "相关", "related"),
    "note": ("備註", "备注", "Note"),
    "combined_documents": ("所需文件總表", "所需材料汇总", "All documents to prepare"),
    "needed_by": ("用於", "用于", "Needed for"),
    "no_longer_listed": ("此服務已不在資料集內", "此服务已不在数据集中", "This service is no longer in the dataset"),
    "why_here": ("為何列出", "为何列出", "Why this is here"),
    "undated": ("日期不詳", "日期不详", "undated"),
    "documents_in_list": ("所需文件：{count} 份，見上方「所需文件總表」", "所需材料：{count} 份，见上方“所需材料汇总”",
                          "Documents: {count}, see “All documents to prepare” above"),
    "source_more": ("另有 {count} 項來源：hkqh show {id}", "另有 {count} 个来源：hkqh show {id}",
                    "{count} more sources: hkqh show {id}"),
    # Checklists and their export.
    "checklist": ("清單", "清单", "Checklist"),
    "exported": ("匯出日期", "导出日期", "Exported"),
    "dataset_version": ("資料集版本", "数据集版本", "Dataset version"),
    "progress": ("進度", "进度", "Progress"),
    "empty_checklist": ("此清單暫時未有服務。", "此清单暂时没有服务。", "This checklist has no services yet."),
    "address": ("地址", "地址", "Address"),
    "hours": ("辦公時間", "办公时间", "Hours"),
    "phone": ("電話", "电话", "Phone"),
    "website": ("網站", "网站", "Website"),
    "service_id": ("服務編號", "服务编号", "Service id"),
    "export_intro": (
        "由 hkqh 匯出。每項服務列出資格、所需文件、步驟、費用、聯絡及資料來源；辦理前請向主辦機構確認最新安排。",
        "由 hkqh 导出。每项服务列出申请条件、所需材料、步骤、费用、联系方式和信息来源；办理前请向主办机构确认最新安排。",
        "Exported from hkqh. Each service lists who can use it, documents, steps, costs, contacts and its source; check "
        "the latest arrangements with the office that runs it before you go.",
    ),
}

_PLAN: dict[str, tuple[str, str, str]] = {
    "yes": ("方案有提及", "方案有提及", "Named in the plan"),
    "no": ("方案未有提及", "方案未提及", "Not named in the plan"),
    "unknown": ("未能確定方案有否提及", "无法确定方案是否提及", "Not known whether the plan names it"),
}

_STALE_WARNING = (
    "超過12個月未核實，請向主辦機構查證",
    "超过12个月未核实，请向主办机构核实",
    "over 12 months old: check with the office that runs it",
)

STALE_AFTER_DAYS = 365

STATUS_STYLES: dict[str, str] = {"operating": "green", "pilot": "cyan", "planned": "yellow", "announced": "magenta"}
"""The colour of each status wherever it is shown (rich style names)."""


def pick(words: tuple[str, str, str] | tuple[str, str], script: Script) -> str:
    """Interface words in ``script`` from (Traditional, Simplified, English); an empty text falls back to the
    Traditional. A (Traditional, English) pair is still accepted: its Simplified is converted, which suits names
    but not interface words (those get a reviewed Simplified wording)."""
    if len(words) == 2:
        zh, en = words
        hans = ""
    else:
        zh, hans, en = words
    if script == "en":
        return en or zh
    if script == "hans":
        return hans or to_simplified(zh)
    return zh


def heading(key: str, script: Script) -> str:
    """An interface heading in ``script``."""
    return pick(_HEADINGS.get(key, (key, key, key)), script)


def plan_label(mentioned: str, script: Script) -> str:
    """What ``plan_2026.mentioned`` means, in ``script``."""
    return pick(_PLAN.get(mentioned, _PLAN["unknown"]), script)


def is_stale(last_verified: date, today: date | None = None) -> bool:
    """True when an entry was last verified more than 12 months ago."""
    return ((today or date.today()) - last_verified).days > STALE_AFTER_DAYS


def stale_warning(script: Script) -> str:
    """The warning shown beside an entry verified more than 12 months ago."""
    return pick(_STALE_WARNING, script)


def verified_label(last_verified: date, script: Script, today: date | None = None) -> str:
    """"Last verified: <date>", with a warning when it is older than 12 months."""
    text = f"{heading('last_verified', script)}: {last_verified.isoformat()}"
    if is_stale(last_verified, today):
        text += "  ⚠ " + pick(_STALE_WARNING, script)
    return text
