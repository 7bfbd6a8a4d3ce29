"""A person's named checklist: the services they collected, the items they ticked, their notes.

A :class:`Checklist` is immutable; every change (``with_service``, ``without_service``, ``with_tick``, ``with_note``)
returns a new one. Changes are pure functions of the checklist, so the store can re-read the file under a lock and
apply the same change again on top of what another copy of hkqh saved meanwhile.

Ticks are keyed by the item's Traditional Chinese text (see :func:`item_key`), not by its position: when curators
reorder, add or remove steps, the ticks on the steps that remain stay ticked, and a tick whose item is gone is kept in
the file (unused) in case the item comes back. A service that leaves the dataset stays in the checklist with the
title it had when it was added.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import Literal, NamedTuple

from hkqh_tui.core.language.text import Text
from hkqh_tui.core.language.visible import first_active_character

ItemKind = Literal["documents", "steps"]
ITEM_KINDS: tuple[ItemKind, ...] = ("documents", "steps")
"""The service fields whose items can be ticked, in the order they are shown."""

MAX_NAME_CHARS = 60
MAX_NOTE_CHARS = 20_000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class ChecklistNameError(ValueError):
    """A checklist name that cannot be used; ``str(error)`` says why, for the user."""


def now_timestamp() -> str:
    """The local time now, as ISO 8601 with offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _is_visible(char: str) -> bool:
    category = unicodedata.category(char)
    return not (char.isspace() or category in ("Cf", "Mn", "Me", "Zs"))


def normalize_name(raw: object) -> str:
    """The canonical form of a checklist name typed by a person, or :class:`ChecklistNameError`.

    Any script, spaces and emoji are fine (``阿媽``, ``搬去 前海 🏠``). The name is NFC-normalised, trimmed, and runs of
    spaces become one space. Rejected: empty or invisible names, line breaks, tabs and other control characters,
    text that is not valid Unicode, and names longer than :data:`MAX_NAME_CHARS` characters.
    """
    if not isinstance(raw, str):
        raise ChecklistNameError("a checklist name must be text")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise ChecklistNameError("the checklist name is not valid text (it contains bytes that are not UTF-8)") from None
    name = unicodedata.normalize("NFC", raw)
    if any(unicodedata.category(c) in ("Cc", "Cs") or c in "\u2028\u2029" for c in name if c != " "):
        raise ChecklistNameError("a checklist name cannot contain line breaks, tabs or other control characters")
    if first_active_character(name) is not None:  # bidi overrides and isolates reorder what is shown after them
        raise ChecklistNameError("a checklist name cannot contain characters that change the direction of text")
    name = " ".join(name.split())
    if not any(_is_visible(c) for c in name):
        raise ChecklistNameError("a checklist name cannot be empty")
    if len(name) > MAX_NAME_CHARS:
        raise ChecklistNameError(f"a checklist name can be at most {MAX_NAME_CHARS} characters (this one has {len(name)})")
    return name


def check_note(note: object) -> str:
    """A note as stored, or ValueError when it is not text or too long.

    Line breaks become ``\\n``; a lone surrogate (text that was not valid Unicode) becomes U+FFFD.
    """
    if not isinstance(note, str):
        raise ValueError("a note must be text")
    note = _LONE_SURROGATE.sub("\ufffd", note.replace("\r\n", "\n").replace("\r", "\n"))
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"a note can be at most {MAX_NOTE_CHARS} characters (this one has {len(note)})")
    return note


def item_key(text: Text) -> str:
    """The key a tick on this item is saved under: its Traditional Chinese text, NFKC-normalised, spaces collapsed.

    Keying by text keeps ticks when items are reordered, added or removed, and when only the English changes.
    """
    return " ".join(unicodedata.normalize("NFKC", text.zh_hant).split())


def item_keys(items: Sequence[Text]) -> list[str]:
    """The keys of a list of items; the n-th repeat of the same text gets ``" #n"`` so each item is distinct."""
    seen: dict[str, int] = {}
    keys = []
    for item in items:
        key = item_key(item)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key} #{seen[key]}")
    return keys


class ChecklistEntry(NamedTuple):
    """One service in a checklist: its ticks per item kind and the person's note."""

    service_id: str
    title: Text | None = None
    """The service's title when it was added, shown if the service leaves the dataset."""
    ticked_documents: frozenset[str] = frozenset()
    ticked_steps: frozenset[str] = frozenset()
    note: str = ""
    added: str = ""

    def ticked(self, kind: ItemKind) -> frozenset[str]:
        """The keys ticked among the items of ``kind``."""
        return self.ticked_documents if kind == "documents" else self.ticked_steps

    def is_ticked(self, kind: ItemKind, key: str) -> bool:
        """True when the item of ``kind`` with this key is ticked."""
        return key in self.ticked(kind)

    def with_tick(self, kind: ItemKind, key: str, ticked: bool) -> ChecklistEntry:
        """This entry with the item ticked (or unticked)."""
        if kind not in ITEM_KINDS:
            raise ValueError(f"unknown item kind {kind!r}; expected one of {', '.join(ITEM_KINDS)}")
        keys = self.ticked(kind) | {key} if ticked else self.ticked(kind) - {key}
        if kind == "documents":
            return self._replace(ticked_documents=frozenset(keys))
        return self._replace(ticked_steps=frozenset(keys))


class Checklist:
    """A named checklist: its entries in the order they were added (a value: never changed once made)."""

    __slots__ = ("name", "entries", "created", "updated", "_index")

    def __init__(
        self, name: str, entries: tuple[ChecklistEntry, ...] = (), created: str = "", updated: str = ""
    ) -> None:
        self.name = name
        self.entries = entries
        self.created = created
        self.updated = updated
        self._index = {entry.service_id: i for i, entry in enumerate(entries)}

    def _values(self) -> tuple[str, tuple[ChecklistEntry, ...], str, str]:
        return self.name, self.entries, self.created, self.updated

    def __eq__(self, other: object) -> bool:
        return self._values() == other._values() if isinstance(other, Checklist) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        times = f"created={self.created!r}, updated={self.updated!r}"
        return f"Checklist(name={self.name!r}, {len(self.entries)} entries, {times})"

    def _with(self, **changes: object) -> Checklist:
        """A copy with the named fields changed."""
        fields: dict[str, object] = dict(zip(("name", "entries", "created", "updated"), self._values()))
        fields.update(changes)
        return Checklist(**fields)  # type: ignore[arg-type]

    @classmethod
    def new(cls, name: str) -> Checklist:
        """An empty checklist; raises :class:`ChecklistNameError` for a name that cannot be used."""
        return cls(name=normalize_name(name), created=now_timestamp())

    def __contains__(self, service_id: object) -> bool:
        return service_id in self._index

    def entry(self, service_id: str) -> ChecklistEntry | None:
        """The entry of this service, or None when it is not in the checklist."""
        index = self._index.get(service_id)
        return None if index is None else self.entries[index]

    def service_ids(self) -> list[str]:
        """The ids of the services in this checklist, in the order they were added."""
        return [entry.service_id for entry in self.entries]

    def _with_entry(self, updated: ChecklistEntry) -> Checklist:
        index = self._index[updated.service_id]
        return self._with(entries=self.entries[:index] + (updated,) + self.entries[index + 1 :])

    def with_service(self, service_id: str, title: Text | None = None) -> Checklist:
        """This checklist with the service added at the end (kept where it is if present; its title refreshed)."""
        if not isinstance(service_id, str) or not service_id:
            raise ValueError("a service id must be non-empty text")
        existing = self.entry(service_id)
        if existing is not None:
            if title is None or existing.title == title:
                return self
            return self._with_entry(existing._replace(title=title))
        entry = ChecklistEntry(service_id=service_id, title=title, added=now_timestamp())
        return self._with(entries=self.entries + (entry,))

    def without_service(self, service_id: str) -> Checklist:
        """This checklist without the service (unchanged when it is not there)."""
        if service_id not in self:
            return self
        return self._with(entries=tuple(e for e in self.entries if e.service_id != service_id))

    def with_tick(self, service_id: str, kind: ItemKind, key: str, ticked: bool = True) -> Checklist:
        """This checklist with one item of one service ticked or unticked (unchanged if the service is not there).

        Setting a state rather than toggling it means that two copies of hkqh ticking the same item agree.
        """
        entry = self.entry(service_id)
        if entry is None:
            return self
        updated = entry.with_tick(kind, key, ticked)
        return self if updated == entry else self._with_entry(updated)

    def with_note(self, service_id: str, note: str) -> Checklist:
        """This checklist with the note of one service replaced (unchanged if the service is not there)."""
        note = check_note(note)
        entry = self.entry(service_id)
        if entry is None or entry.note == note:
            return self
        return self._with_entry(entry._replace(note=note))

    def renamed(self, name: str) -> Checklist:
        """This checklist under another name."""
        return self._with(name=normalize_name(name))

    def touched(self) -> Checklist:
        """This checklist with ``updated`` set to now (and ``created`` if it had none)."""
        stamp = now_timestamp()
        return self._with(updated=stamp, created=self.created or stamp)
