"""A checklist as GitHub-flavoured Markdown, to print or share, in the script the person chose.

Layout: a title with the checklist's name; the export date, dataset version and progress; one section per service
(status, summary, ``- [ ]`` / ``- [x]`` task items for documents and steps, the person's note, contacts, sources as
links with dates); then the combined list of documents, each once with the services that need it.

Every text from the dataset or the person goes through :func:`escape_markdown` (or :func:`note_block` for notes), so
it can never open a heading, list, link, table, code span or fence, HTML tag or math, and a line break in a note stays
inside the note.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import quote

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.checklists.view import ChecklistView, EntryView
from hkqh_tui.core.language.display import show, show_plain
from hkqh_tui.core.dataset.model import Contact, Dataset, Source
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import heading, verified_label

# Characters that start Markdown syntax anywhere in a line (CommonMark + GFM tables, strikethrough, GitHub math).
_INLINE_SPECIAL = set("\\`*_[]<>&|~#$")
# Line starts that open a block: bullet lists, setext underlines, thematic breaks, ordered lists ("1." / "1)").
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_URL_SAFE = "/:?#[]@!$&'*+,;=%-._~"
SEPARATOR = " · "


def _drop_controls(text: str) -> str:
    """Control characters (NUL, escape, ...) removed; tabs become spaces; line breaks kept as ``\\n``; a lone
    surrogate (not valid Unicode) becomes U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        "\ufffd" if category == "Cs" else c
        for c, category in ((c, unicodedata.category(c)) for c in text)
        if c == "\n" or category != "Cc"
    )


def escape_markdown(text: str) -> str:
    """``text`` as one line of Markdown that renders as exactly this text, with no Markdown structure.

    Line breaks and runs of spaces become one space; leading spaces (indented code) are dropped.
    """
    line = " ".join(_drop_controls(text).split())
    escaped = "".join("\\" + c if c in _INLINE_SPECIAL else c for c in line)
    match = _BLOCK_START.match(escaped)
    if match:
        if match.group(1):
            escaped = "\\" + escaped
        else:
            digits = match.group(2)
            escaped = digits + "\\" + escaped[len(digits) :]
    return escaped


def note_block(note: str) -> list[str]:
    """A person's note as block-quote lines: its line breaks kept (hard breaks), blank lines as paragraph breaks."""
    paragraphs: list[list[str]] = [[]]
    for raw_line in _drop_controls(note).split("\n"):
        line = escape_markdown(raw_line)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    lines: list[str] = []
    for paragraph in (p for p in paragraphs if p):
        if lines:
            lines.append(">")
        lines.extend(f"> {line}\\" for line in paragraph[:-1])
        lines.append(f"> {paragraph[-1]}")
    return lines


def link(text: str, url: str) -> str:
    """A Markdown link with escaped text; a URL that is not http(s) is shown as text, not linked."""
    label = escape_markdown(text) or escape_markdown(url)
    url = url.strip()
    if not _URL.match(url):
        return f"{label} ({escape_markdown(url)})" if url else label
    return f"[{label}]({quote(url, safe=_URL_SAFE)})"


def _colon(script: Script) -> str:
    return ": " if script == "en" else "："


def _list_separator(script: Script) -> str:
    return ", " if script == "en" else "、"


def _labelled(key: str, value: str, script: Script) -> str:
    return f"{escape_markdown(heading(key, script))}{_colon(script)}{value}"


def _contact_lines(contact: Contact, script: Script) -> list[str]:
    lines = [f"- {escape_markdown(show(contact.name, script))}"]
    if contact.address is not None:
        lines.append("  - " + _labelled("address", escape_markdown(show(contact.address, script)), script))
    if contact.hours is not None:
        lines.append("  - " + _labelled("hours", escape_markdown(show(contact.hours, script)), script))
    if contact.phone:
        lines.append("  - " + _labelled("phone", escape_markdown(contact.phone), script))
    if contact.website:
        lines.append("  - " + _labelled("website", link(contact.website, contact.website), script))
    return lines


def _source_line(source: Source, script: Script) -> str:
    kind = heading("official" if source.official else "unofficial", script)
    # The title is cited as published; the publisher's name is shown in the reader's script.
    parts = (show_plain(source.publisher, script), source.date_label(), kind)
    details = SEPARATOR.join(escape_markdown(part) for part in parts if part)
    return f"- {link(source.title, source.url)} — {details}"


def _task(ticked: bool, text: str) -> str:
    return f"- [{'x' if ticked else ' '}] {text or '—'}"


def _section(title: str, body: list[str]) -> list[str]:
    return ["", f"### {escape_markdown(title)}", "", *body]


def _service_section(view: EntryView, dataset: Dataset, script: Script, today: date) -> list[str]:
    lines = ["", f"## {escape_markdown(view.title(script))}", ""]
    service = view.service
    if service is None:
        lines.append("⚠ " + escape_markdown(heading("no_longer_listed", script)))
        lines.append("")
        lines.append(_labelled("service_id", escape_markdown(view.service_id), script))
    else:
        status = show(dataset.vocabularies.statuses.label(service.status), script)
        meta = [_labelled("status", escape_markdown(status), script)]
        if view.progress.total:
            meta.append(_labelled("progress", str(view.progress), script))
        meta.append(escape_markdown(verified_label(service.last_verified, script, today)))
        lines.append(SEPARATOR.join(meta))
        lines.append("")
        lines.append(escape_markdown(show(service.summary, script)))
        for kind in ("documents", "steps"):
            items = view.items_of(kind)
            if items:
                tasks = [_task(item.ticked, escape_markdown(show(item.text, script))) for item in items]
                lines.extend(_section(heading(kind, script), tasks))
    if view.entry.note.strip():
        lines.extend(_section(heading("note", script), note_block(view.entry.note)))
    if service is not None and service.contacts:
        body = [line for contact in service.contacts for line in _contact_lines(contact, script)]
        lines.extend(_section(heading("contacts", script), body))
    if service is not None and service.sources:
        lines.extend(_section(heading("sources", script), [_source_line(s, script) for s in service.sources]))
    return lines


def checklist_to_markdown(checklist: Checklist, dataset: Dataset, script: Script, *, today: date | None = None) -> str:
    """The whole checklist as a GitHub-flavoured Markdown document (ends with a newline)."""
    view = ChecklistView.build(checklist, dataset)
    today = today or date.today()
    exported = today.isoformat()
    lines = [
        f"# {escape_markdown(heading('checklist', script))}{_colon(script)}{escape_markdown(checklist.name)}",
        "",
        SEPARATOR.join(
            [
                _labelled("exported", exported, script),
                _labelled("dataset_version", escape_markdown(dataset.version), script),
                _labelled("progress", str(view.progress), script),
            ]
        ),
    ]
    if not view.entries:
        lines.extend(["", escape_markdown(heading("empty_checklist", script))])
    for entry_view in view.entries:
        lines.extend(_service_section(entry_view, dataset, script, today))
    documents = view.combined_documents()
    if documents:
        lines.extend(["", f"## {escape_markdown(heading('combined_documents', script))}", ""])
        for document in documents:
            titles = _list_separator(script).join(show(s.title, script) for s in document.services)
            needed = f"{heading('needed_by', script)}{_colon(script)}{titles}"
            text = f"{escape_markdown(show(document.text, script))} — {escape_markdown(needed)}"
            lines.append(_task(document.done, text))
    return "\n".join(lines) + "\n"

