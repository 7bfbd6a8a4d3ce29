"""Readable (rich) renderings of services for the terminal."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.language.display import show, show_plain
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import STATUS_STYLES, heading, plan_label, verified_label
from hkqh_tui.core.language.visible import visible
from hkqh_tui.presentation.literal import link_style, literal


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
            literal(service.id),
            literal(show(service.title, script)),
            literal(show(vocab.categories.label(service.category), script)),
            literal(show(vocab.statuses.label(service.status), script), STATUS_STYLES.get(service.status, "")),
        )
    return table


def readable_url(url: str) -> str:
    """A URL with percent-encoded characters decoded for reading (the link itself stays as published).

    A URL whose decoded form would hold a character a terminal acts on (``%1b``, ``%e2%80%ae``) or a space is shown
    as published instead, made visible.
    """
    try:
        decoded = unquote(url, errors="strict")
    except UnicodeDecodeError:
        return visible(url)
    if visible(decoded) != decoded or any(c.isspace() for c in decoded):
        return visible(url)
    return decoded


def bullet_list(lines: Iterable[RenderableType | str]) -> Table:
    """A bulleted list whose wrapped lines stay indented (CJK text has no spaces to wrap on)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row("•", literal(line) if isinstance(line, str) else line)
    return grid


def _bullets(items, script: Script) -> Table:
    return bullet_list(literal(show(item, script)) for item in items)


def service_detail(dataset: Dataset, service: Service, script: Script) -> RenderableType:
    """Every field of one service, readable."""
    vocab = dataset.vocabularies
    parts: list[RenderableType] = []
    title = literal(show(service.title, script), "bold")
    parts.append(title)
    meta = RichText()
    meta.append(visible(f"{service.id}  ·  "), style="dim")
    meta.append(visible(show(vocab.categories.label(service.category), script)))
    meta.append("  ·  ")
    meta.append(visible(show(vocab.statuses.label(service.status), script)), style=STATUS_STYLES.get(service.status, ""))
    meta.append("  ·  ")
    meta.append(visible((", " if script == "en" else "、").join(show(vocab.audiences.label(a), script) for a in service.audiences)))
    parts.append(meta)
    parts.append(RichText(""))
    parts.append(literal(show(service.summary, script)))
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
            lines = literal(show(contact.name, script))
            if contact.address:
                lines.append("\n" + visible(show(contact.address, script), multiline=True))
            if contact.hours:
                lines.append("\n" + visible(show(contact.hours, script), multiline=True))
            if contact.phone:
                lines.append("\n☎ " + visible(contact.phone))
            if contact.website:
                lines.append("\n" + readable_url(contact.website), style=link_style(contact.website))
            entries.append(lines)
        parts.append(bullet_list(entries))
    parts.append(RichText(""))
    parts.append(RichText(heading("plan_2026", script), style="bold underline"))
    plan = RichText(plan_label(service.plan_2026.mentioned, script))
    if service.plan_2026.note:
        plan.append(": " + visible(show(service.plan_2026.note, script), multiline=True))
    parts.append(plan)
    parts.append(RichText(""))
    parts.append(RichText(heading("sources", script), style="bold underline"))
    entries = []
    for source in service.sources:
        line = literal(source.title)
        kind = heading("official", script) if source.official else heading("unofficial", script)
        line.append("\n" + visible(f"{source.publisher}, {source.date_label()} ({kind})"), style="dim")
        line.append("\n" + readable_url(source.url), style=link_style(source.url, "underline"))
        entries.append(line)
    parts.append(bullet_list(entries))
    parts.append(RichText(""))
    parts.append(RichText(verified_label(service.last_verified, script), style="dim"))
    if service.aliases:
        aliases = "、".join(show_plain(a, script) for a in service.aliases)
        parts.append(literal(heading("aliases", script) + ": " + aliases, "dim"))
    return Group(*parts)
