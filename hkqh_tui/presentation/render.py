"""Readable (rich) renderings of services for the terminal."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text as RichText

from hkqh_tui.core.language.display import show, show_plain
from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import STATUS_STYLES, heading, plan_label, verified_label


def services_table(dataset: Dataset, services: Iterable[Service], script: Script) -> Table:
    """A table of services: id, title, category and status."""
    vocab = dataset.vocabularies
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column(heading("title", script), overflow="fold", ratio=1)
    table.add_column(heading("category", script), overflow="fold")
    table.add_column(heading("status", script), no_wrap=True)
    for service in services:
        table.add_row(
            service.id,
            escape(show(service.title, script)),
            escape(show(vocab.categories.label(service.category), script)),
            f"[{STATUS_STYLES.get(service.status, '')}]"
            + escape(show(vocab.statuses.label(service.status), script))
            + "[/]",
        )
    return table


def readable_url(url: str) -> str:
    """A URL with percent-encoded characters decoded for reading (the link itself stays as published)."""
    try:
        return unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url


def bullet_list(lines: Iterable[RenderableType | str]) -> Table:
    """A bulleted list whose wrapped lines stay indented (CJK text has no spaces to wrap on)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row("•", line)
    return grid


def _bullets(items, script: Script) -> Table:
    return bullet_list(show(item, script) for item in items)


def service_detail(dataset: Dataset, service: Service, script: Script) -> RenderableType:
    """Every field of one service, readable."""
    vocab = dataset.vocabularies
    parts: list[RenderableType] = []
    title = RichText(show(service.title, script), style="bold")
    parts.append(title)
    meta = RichText()
    meta.append(f"{service.id}  ·  ", style="dim")
    meta.append(show(vocab.categories.label(service.category), script))
    meta.append("  ·  ")
    meta.append(show(vocab.statuses.label(service.status), script), style=STATUS_STYLES.get(service.status, ""))
    meta.append("  ·  ")
    meta.append((", " if script == "en" else "、").join(show(vocab.audiences.label(a), script) for a in service.audiences))
    parts.append(meta)
    parts.append(RichText(""))
    parts.append(RichText(show(service.summary, script)))
    for name in ("eligibility", "documents", "steps", "costs"):
        items = getattr(service, name)
        if items:
            parts.append(RichText(""))
            parts.append(RichText(heading(name, script), style="bold underline"))
            parts.append(_bullets(items, script))
    if service.contacts:
        parts.append(RichText(""))
        parts.append(RichText(heading("contacts", script), style="bold underline"))
        entries = []
        for contact in service.contacts:
            lines = RichText(show(contact.name, script))
            if contact.address:
                lines.append("\n" + show(contact.address, script))
            if contact.hours:
                lines.append("\n" + show(contact.hours, script))
            if contact.phone:
                lines.append("\n☎ " + contact.phone)
            if contact.website:
                lines.append("\n" + contact.website, style=f"link {contact.website}")
            entries.append(lines)
        parts.append(bullet_list(entries))
    parts.append(RichText(""))
    parts.append(RichText(heading("plan_2026", script), style="bold underline"))
    plan = RichText(plan_label(service.plan_2026.mentioned, script))
    if service.plan_2026.note:
        plan.append(": " + show(service.plan_2026.note, script))
    parts.append(plan)
    parts.append(RichText(""))
    parts.append(RichText(heading("sources", script), style="bold underline"))
    entries = []
    for source in service.sources:
        line = RichText(source.title)
        kind = heading("official", script) if source.official else heading("unofficial", script)
        line.append(f"\n{source.publisher}, {source.date_label()} ({kind})", style="dim")
        line.append("\n" + readable_url(source.url), style=f"underline link {source.url}")
        entries.append(line)
    parts.append(bullet_list(entries))
    parts.append(RichText(""))
    parts.append(RichText(verified_label(service.last_verified, script), style="dim"))
    if service.aliases:
        parts.append(RichText(heading("aliases", script) + ": " + "、".join(show_plain(a, script) for a in service.aliases), style="dim"))
    return Group(*parts)
