"""A checklist seen through the dataset in use: its items, ticks, progress and combined documents list.

Build a :class:`ChecklistView` after every change; it is cheap. Services that are no longer in the dataset are kept
(``EntryView.service is None``) and shown with the title they had when they were added.
"""

from __future__ import annotations

from typing import NamedTuple

from hkqh_tui.core.checklists.model import ITEM_KINDS, Checklist, ChecklistEntry, ItemKind, item_key, item_keys
from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script, Text


class Progress(NamedTuple):
    """How many items are ticked out of how many; ``str()`` gives ``3/7``."""

    done: int
    total: int

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"

    @property
    def complete(self) -> bool:
        """True when there is at least one item and every item is ticked."""
        return self.total > 0 and self.done == self.total


class ChecklistItem(NamedTuple):
    """One document or step of a service in a checklist, with its tick."""

    kind: ItemKind
    key: str
    """Pass this to ``Checklist.with_tick`` / ``ChecklistStore.set_tick``."""
    text: Text
    ticked: bool


class EntryView(NamedTuple):
    """A checklist entry with its service (None when the service is no longer in the dataset) and its items."""

    entry: ChecklistEntry
    service: Service | None
    items: tuple[ChecklistItem, ...]

    @property
    def service_id(self) -> str:
        """The id of the service."""
        return self.entry.service_id

    @property
    def in_dataset(self) -> bool:
        """False for a service that is no longer in the dataset."""
        return self.service is not None

    @property
    def progress(self) -> Progress:
        """Ticked items out of all current items of this service."""
        return Progress(sum(item.ticked for item in self.items), len(self.items))

    def items_of(self, kind: ItemKind) -> tuple[ChecklistItem, ...]:
        """The items of one kind, in the dataset's order."""
        return tuple(item for item in self.items if item.kind == kind)

    def title(self, script: Script) -> str:
        """The service's title in ``script``: from the dataset, else as saved when added, else the id."""
        if self.service is not None:
            return show(self.service.title, script)
        if self.entry.title is not None:
            return show(self.entry.title, script)
        return self.entry.service_id


class CombinedDocument(NamedTuple):
    """A document needed by one or more services of a checklist, listed once."""

    key: str
    text: Text
    services: tuple[Service, ...]
    """The services that ask for this document, in checklist order."""
    ticked_for: tuple[str, ...]
    """Ids of the services in which this document is ticked."""

    @property
    def done(self) -> bool:
        """True when the document is ticked for every service that needs it."""
        return len(self.ticked_for) == len(self.services)


def _items(entry: ChecklistEntry, service: Service) -> tuple[ChecklistItem, ...]:
    items: list[ChecklistItem] = []
    for kind in ITEM_KINDS:
        texts = getattr(service, kind)
        for key, text in zip(item_keys(texts), texts):
            items.append(ChecklistItem(kind, key, text, entry.is_ticked(kind, key)))
    return tuple(items)


class ChecklistView(NamedTuple):
    """A checklist joined with a dataset."""

    checklist: Checklist
    entries: tuple[EntryView, ...]

    @classmethod
    def build(cls, checklist: Checklist, dataset: Dataset) -> ChecklistView:
        """Join ``checklist`` with ``dataset``."""
        views = []
        for entry in checklist.entries:
            service = dataset.get(entry.service_id)
            items = _items(entry, service) if service is not None else ()
            views.append(EntryView(entry, service, items))
        return cls(checklist, tuple(views))

    @property
    def progress(self) -> Progress:
        """Ticked items out of all items, over every service still in the dataset."""
        counts = [view.progress for view in self.entries]
        return Progress(sum(count.done for count in counts), sum(count.total for count in counts))

    def entry(self, service_id: str) -> EntryView | None:
        """The view of one service, or None when it is not in the checklist."""
        return next((view for view in self.entries if view.service_id == service_id), None)

    def missing(self) -> tuple[EntryView, ...]:
        """Entries whose service is no longer in the dataset."""
        return tuple(view for view in self.entries if not view.in_dataset)

    def combined_documents(self) -> tuple[CombinedDocument, ...]:
        """Every document across the checklist's services, each once (same Traditional Chinese text), in order."""
        texts: dict[str, Text] = {}
        needed_by: dict[str, list[Service]] = {}
        ticked_for: dict[str, list[str]] = {}
        for view in self.entries:
            if view.service is None:
                continue
            for item in view.items_of("documents"):
                key = item_key(item.text)
                texts.setdefault(key, item.text)
                services = needed_by.setdefault(key, [])
                ticks = ticked_for.setdefault(key, [])
                if view.service not in services:
                    services.append(view.service)
                if item.ticked and view.service_id not in ticks:
                    ticks.append(view.service_id)
        return tuple(
            CombinedDocument(key, texts[key], tuple(needed_by[key]), tuple(ticked_for[key])) for key in texts
        )
