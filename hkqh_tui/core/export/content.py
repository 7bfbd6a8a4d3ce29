"""What an exported checklist says, in the reader's script, before it is written as Markdown or HTML.

Both formats show the same things in the same order, so they are built once here: the checklist's name, the export
date, dataset version and progress; every document to prepare, each once (with the services that need it when there
are several); then per service its status and last-verified date, summary, why it is here (when the caller knows),
eligibility, steps to tick, costs, contacts, the person's note and one short source line.

Texts here are plain (unescaped); each writer escapes for its own format.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.checklists.view import ChecklistView, EntryView
from hkqh_tui.core.dataset.model import Dataset, Source
from hkqh_tui.core.language.display import show, show_plain
from hkqh_tui.core.language.text import Script, Text
from hkqh_tui.core.language.ui_text import heading, is_stale

Reasons = Mapping[str, Sequence[Text]]
"""Service id -> why it fits this person (shown under the service as "Why this is here")."""


def clean(text: str) -> str:
    """Control characters (NUL, escape, ...) removed, tabs as spaces, line breaks kept as ``\\n``, a lone surrogate
    as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        "\ufffd" if category == "Cs" else c
        for c, category in ((c, unicodedata.category(c)) for c in text)
        if c == "\n" or category != "Cc"
    )


def one_line(text: str) -> str:
    """``text`` cleaned, on one line, runs of white space as one space."""
    return " ".join(clean(text).split())


@dataclass(frozen=True)
class Task:
    """A line with a tick box."""

    text: str
    ticked: bool
    detail: str = ""
    """Quieter text after the item (for a document: the services that need it)."""


@dataclass(frozen=True)
class ContactLine:
    """A way to reach an office: its name, then labelled details, and a website."""

    name: str
    details: tuple[tuple[str, str], ...]
    website: str = ""


@dataclass(frozen=True)
class SourceLine:
    """The one source shown for a service (the first official one), and how many more there are."""

    label: str
    """Publisher and date, in the reader's script."""
    kind: str
    """"official" / "not official" in the reader's script."""
    url: str
    title: str
    more: int


@dataclass(frozen=True)
class ServiceBlock:
    """One service of the checklist, as the reader sees it."""

    service_id: str
    title: str
    listed: bool
    meta: tuple[str, ...] = ()
    stale: bool = False
    summary: str = ""
    reasons: tuple[str, ...] = ()
    eligibility: tuple[str, ...] = ()
    documents: int = 0
    steps: tuple[Task, ...] = ()
    costs: tuple[str, ...] = ()
    contacts: tuple[ContactLine, ...] = ()
    note: str = ""
    source: SourceLine | None = None


@dataclass(frozen=True)
class ExportContent:
    """A whole exported checklist."""

    script: Script
    name: str
    meta: tuple[str, ...]
    intro: str
    documents: tuple[Task, ...]
    services: tuple[ServiceBlock, ...] = field(default_factory=tuple)

    def label(self, key: str) -> str:
        """An interface heading in the export's script."""
        return heading(key, self.script)

    def labelled(self, key: str, value: str) -> str:
        """"Label: value" with the colon of the export's script."""
        return f"{self.label(key)}{colon(self.script)}{value}"


def colon(script: Script) -> str:
    """The colon that follows a label."""
    return ": " if script == "en" else "："


def list_separator(script: Script) -> str:
    """Between the items of an inline list."""
    return ", " if script == "en" else "、"


def _best_source(sources: Sequence[Source]) -> Source | None:
    official = [s for s in sources if s.official]
    if official:
        return official[0]
    return sources[0] if sources else None


def _source_line(sources: Sequence[Source], script: Script) -> SourceLine | None:
    source = _best_source(sources)
    if source is None:
        return None
    date_label = source.date.isoformat() if source.date else heading("undated", script)
    label = ", ".join(part for part in (one_line(show_plain(source.publisher, script)), date_label) if part)
    kind = heading("official" if source.official else "unofficial", script)
    return SourceLine(label, kind, source.url.strip(), one_line(source.title), len(sources) - 1)


def _service_block(view: EntryView, dataset: Dataset, script: Script, reasons: Reasons | None,
                   today: date) -> ServiceBlock:
    service = view.service
    note = clean(view.entry.note).strip()
    why = tuple(one_line(show(r, script)) for r in (reasons or {}).get(view.service_id, ()) if one_line(show(r, script)))
    if service is None:
        return ServiceBlock(view.service_id, one_line(view.title(script)), False, note=note, reasons=why)
    status = show(dataset.vocabularies.statuses.label(service.status), script)
    meta = [heading("status", script) + colon(script) + status]
    meta.append(heading("last_verified", script) + colon(script) + service.last_verified.isoformat())
    if view.progress.total:
        meta.append(heading("progress", script) + colon(script) + str(view.progress))
    contacts = []
    for contact in service.contacts:
        details = []
        if contact.address is not None:
            details.append((heading("address", script), one_line(show(contact.address, script))))
        if contact.hours is not None:
            details.append((heading("hours", script), one_line(show(contact.hours, script))))
        if contact.phone:
            details.append((heading("phone", script), one_line(contact.phone)))
        contacts.append(ContactLine(one_line(show(contact.name, script)), tuple(details), contact.website.strip()))
    return ServiceBlock(
        service_id=service.id,
        title=one_line(show(service.title, script)),
        listed=True,
        meta=tuple(meta),
        stale=is_stale(service.last_verified, today),
        summary=one_line(show(service.summary, script)),
        reasons=why,
        eligibility=tuple(one_line(show(t, script)) for t in service.eligibility),
        documents=len(view.items_of("documents")),
        steps=tuple(Task(one_line(show(i.text, script)), i.ticked) for i in view.items_of("steps")),
        costs=tuple(one_line(show(t, script)) for t in service.costs),
        contacts=tuple(contacts),
        note=note,
        source=_source_line(service.sources, script),
    )


def build_content(checklist: Checklist, dataset: Dataset, script: Script, *, today: date | None = None,
                  reasons: Reasons | None = None) -> ExportContent:
    """Everything an export shows, in ``script``."""
    view = ChecklistView.build(checklist, dataset)
    today = today or date.today()
    several = len([e for e in view.entries if e.service is not None]) > 1
    documents = []
    for document in view.combined_documents():
        detail = ""
        if several:
            titles = list_separator(script).join(one_line(show(s.title, script)) for s in document.services)
            detail = heading("needed_by", script) + colon(script) + titles
        documents.append(Task(one_line(show(document.text, script)), document.done, detail))
    meta = (
        heading("exported", script) + colon(script) + today.isoformat(),
        heading("dataset_version", script) + colon(script) + one_line(dataset.version),
        heading("progress", script) + colon(script) + str(view.progress),
    )
    return ExportContent(
        script=script,
        name=one_line(checklist.name),
        meta=meta,
        intro=heading("export_intro", script) if view.entries else heading("empty_checklist", script),
        documents=tuple(documents),
        services=tuple(_service_block(e, dataset, script, reasons, today) for e in view.entries),
    )
