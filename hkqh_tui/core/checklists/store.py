"""Checklists on disk: one JSON file each, saved at once and atomically, safe with several copies of hkqh open.

Where: :func:`hkqh_tui.core.storage.paths.checklists_dir` (folder 0700, files 0600). A checklist's file name comes from its
name (``阿媽`` is saved as ``阿媽-<8 hex digits>.json``; the digits tell apart names that differ only in case or in
characters a file name cannot hold); the name itself is kept inside the file.

How a change is saved (:meth:`ChecklistStore.update`): take the folder's lock, read the file again, apply the change
to what is on disk now (so another copy's changes are kept), write atomically, release. A change is a pure function
``Checklist -> Checklist`` such as ``lambda c: c.with_note(id, text)``.

A checklist screen uses it like this (build the view again after every change; it is cheap)::

    store = ChecklistStore()
    result = store.add_services(name, [service])               # or remove_service / set_tick / set_note
    view = ChecklistView.build(result.checklist, dataset)      # hkqh_tui.core.checklists.view
    item = view.entry(service.id).items[0]
    result = store.set_tick(name, service.id, item.kind, item.key, not item.ticked)
    for notice in result.notices:                               # show each one to the person
        ...

When something goes wrong nothing raises and nothing is lost; a :class:`Notice` tells the user:

- a damaged file (empty, cut short, not JSON, wrong version) is moved aside to
  ``<file name>.corrupt-<timestamp>.json`` and never overwritten;
- when the disk is full, the folder read-only or the lock busy, the change is kept in memory (the result's
  ``checklist`` shows it, ``saved`` is False) and saved together with the next change or :meth:`ChecklistStore.retry`.
"""

from __future__ import annotations

import builtins
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from hkqh_tui.core.checklists.json_format import ChecklistFormatError, checklist_from_bytes, checklist_to_text
from hkqh_tui.core.checklists.lock import LockTimeout, exclusive_lock
from hkqh_tui.core.checklists.model import Checklist, ItemKind, check_note, normalize_name
from hkqh_tui.core.dataset.model import Service
from hkqh_tui.core.storage.atomic import TEMP_SUFFIX, AtomicWriteError, atomic_write_text, error_reason, keep_aside
from hkqh_tui.core.storage.paths import checklists_dir, ensure_private_dir
from hkqh_tui.core.storage.reading import FileReadError, read_regular_file

DEFAULT_CHECKLIST_NAME = "我"
"""The checklist used when no name is given ("me")."""

LOCK_FILE_NAME = ".lock"
FILE_SUFFIX = ".json"
MAX_FILE_BYTES = 8 * 1024 * 1024
STALE_TEMP_SECONDS = 3600
SLUG_MAX_CHARS = 32

Change = Callable[[Checklist], Checklist]
"""A pure change to a checklist; it may be applied more than once (after a re-read, or on a retry)."""

_CHECKLIST_FILE = re.compile(r"^[^.][^.]*\.json$")


class Notice(NamedTuple):
    """Something the user should be told.

    ``kind`` is one of ``"moved_aside"`` (a damaged file was kept aside at ``path``), ``"damaged"`` (a damaged file
    could not be moved aside; it is left untouched), ``"unreadable"`` (a file could not be read), ``"not_saved"``
    (changes are kept in memory only), ``"exists"`` and ``"not_found"``. ``message`` is a sentence for the user.
    """

    kind: str
    message: str
    path: Path | None = None
    reason: str = ""
    """For ``"not_saved"``: why, without what the app does about it (a command line that exits says it itself)."""


class UpdateResult(NamedTuple):
    """What a change led to: the checklist to show, whether it is on disk, and notices."""

    checklist: Checklist
    saved: bool
    notices: tuple[Notice, ...] = ()
    unsaved_changes: int = 0


class LoadResult(NamedTuple):
    """A checklist as read (an empty one when it is not saved yet), whether its file exists, and notices."""

    checklist: Checklist
    exists: bool
    notices: tuple[Notice, ...] = ()


class Listing(NamedTuple):
    """Every saved checklist (and the default one, even if not saved yet), default first, then by name."""

    checklists: tuple[Checklist, ...]
    notices: tuple[Notice, ...] = ()

    def names(self) -> list[str]:
        """The names, in listing order."""
        return [checklist.name for checklist in self.checklists]


class _Read(NamedTuple):
    """The outcome of reading one checklist file."""

    checklist: Checklist | None = None
    missing: bool = False
    damaged: ChecklistFormatError | None = None
    error: OSError | None = None


class _NotSaved(Exception):
    """Saving failed; the message says why."""


def file_stem(name: str) -> str:
    """The file name (without ``.json``) of the checklist called ``name`` (already normalised).

    The readable part keeps letters and digits of any script; the hash of the exact name makes it unique.
    """
    slug = re.sub(r"-{2,}", "-", "".join(c if (c.isalnum() or c in "-_") else "-" for c in name)).strip("-_")
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    slug = slug[:SLUG_MAX_CHARS].rstrip("-_")
    return f"{slug}-{digest}" if slug else f"checklist-{digest}"


class ChecklistStore:
    """Saved checklists in one folder. Every method takes a checklist name as typed by the person.

    Names that cannot be used raise :class:`hkqh_tui.core.checklists.model.ChecklistNameError` at once (with a message for
    the user); everything else is reported through notices. Unsaved changes are kept per checklist and saved with the
    next change to that checklist.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str] | None = None,
        *,
        default_name: str = DEFAULT_CHECKLIST_NAME,
        lock_timeout: float = 5.0,
    ) -> None:
        self.directory = Path(directory) if directory is not None else checklists_dir()
        self.default_name = normalize_name(default_name)
        self.lock_timeout = lock_timeout
        self._pending: dict[str, list[Change]] = {}
        self._failures: dict[str, str] = {}
        self._last_good: dict[str, Checklist] = {}

    # -- where files are ----------------------------------------------------------------------------------------

    def path_for(self, name: str) -> Path:
        """The file a checklist with this name is saved in (when no other file already holds that name)."""
        return self.directory / (file_stem(normalize_name(name)) + FILE_SUFFIX)

    @property
    def lock_path(self) -> Path:
        """The lock file shared by every copy of hkqh using this folder."""
        return self.directory / LOCK_FILE_NAME

    def _checklist_files(self, notices: list[Notice] | None = None) -> list[Path]:
        try:
            names = sorted(os.listdir(self.directory))
        except FileNotFoundError:
            return []
        except OSError as error:
            if notices is not None:
                notices.append(self._unreadable(self.directory, error))
            return []
        return [self.directory / n for n in names if _CHECKLIST_FILE.match(n) and ".corrupt-" not in n]

    def _locate(self, name: str) -> Path:
        """The file holding ``name``: its usual file, else another file that holds that name, else the usual file."""
        usual = self.path_for(name)
        if usual.exists():
            return usual
        for path in self._checklist_files():
            found = self._read(path)
            if found.checklist is not None and found.checklist.name == name:
                return path
        return usual

    def _ensure_directory(self) -> None:
        """Create the folder (0700) if needed; an existing folder's permissions are the person's to choose."""
        ensure_private_dir(self.directory)

    # -- reading ------------------------------------------------------------------------------------------------

    def _read(self, path: Path) -> _Read:
        try:
            raw = read_regular_file(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return _Read(missing=True)
        except FileReadError as error:
            if error.kind == "too_large":
                return _Read(damaged=ChecklistFormatError("invalid", str(error)))
            return _Read(error=error)  # a FIFO, a device or a folder in its place: never read, never replaced
        except OSError as error:  # no permission, an I/O error: not damage
            return _Read(error=error)
        try:
            checklist = checklist_from_bytes(raw)
        except ChecklistFormatError as error:
            return _Read(damaged=error)
        return _Read(checklist=checklist)

    def _move_aside(self, path: Path, damage: ChecklistFormatError) -> Notice:
        """Keep a damaged file under a new name; call with the lock held. Never raises."""
        try:
            target = keep_aside(path)
        except OSError as error:
            return Notice(
                "damaged",
                f"The checklist file {path} is damaged ({damage}) and could not be moved aside "
                f"({error.strerror or error}); it is left as it is and will not be overwritten.",
                path,
            )
        return Notice(
            "moved_aside",
            f"The checklist file {path.name} was damaged ({damage}); it was kept aside as {target} "
            "and hkqh goes on without it.",
            target,
        )

    def _unreadable(self, path: Path, error: OSError) -> Notice:
        what = "folder" if path == self.directory else "file"
        return Notice("unreadable", f"The checklist {what} {path} could not be read: {error.strerror or error}.", path)

    def _last_known(self, name: str) -> Checklist:
        """The checklist as this store last read or saved it, else a new empty one."""
        known = self._last_good.get(name)
        return known if known is not None else Checklist.new(name)

    def _with_pending(self, name: str, checklist: Checklist) -> Checklist:
        for change in self._pending.get(name, []):
            checklist = change(checklist)
        return checklist

    def exists(self, name: str) -> bool:
        """True when a checklist with this name is saved."""
        name = normalize_name(name)
        path = self._locate(name)
        return path.exists()

    def load(self, name: str) -> LoadResult:
        """Read a checklist (with this store's unsaved changes on top). A damaged file is moved aside and reported."""
        name = normalize_name(name)
        path = self._locate(name)
        found = self._read(path)
        notices: list[Notice] = []
        if found.damaged is not None:
            notices.extend(filter(None, [self._handle_damage(path)]))
            found = self._read(path)
        if found.checklist is not None:
            self._last_good[name] = found.checklist
            return LoadResult(self._with_pending(name, found.checklist), True, tuple(notices))
        if found.error is not None:
            notices.append(self._unreadable(path, found.error))
        base = self._last_known(name)
        return LoadResult(self._with_pending(name, base), found.error is not None, tuple(notices))

    def _handle_damage(self, path: Path) -> Notice | None:
        """Move a damaged file aside under the lock, unless another copy of hkqh replaced it meanwhile."""
        try:
            with exclusive_lock(self.lock_path, timeout=self.lock_timeout):
                again = self._read(path)
                if again.damaged is None:
                    return None
                return self._move_aside(path, again.damaged)
        except (OSError, LockTimeout) as error:
            return Notice(
                "damaged",
                f"The checklist file {path} is damaged and could not be moved aside ({_reason(error)}); "
                "it is left as it is and will not be overwritten.",
                path,
            )

    def list(self) -> Listing:
        """Every saved checklist, damaged files moved aside and reported, stale temporary files removed."""
        notices: list[Notice] = []
        by_name: dict[str, Checklist] = {}
        for path in self._checklist_files(notices):
            found = self._read(path)
            if found.damaged is not None:
                notices.extend(filter(None, [self._handle_damage(path)]))
                found = self._read(path)
            if found.error is not None:
                notices.append(self._unreadable(path, found.error))
            if found.checklist is None:
                continue
            name = found.checklist.name
            if name not in by_name or path == self.path_for(name):
                by_name[name] = found.checklist
                self._last_good[name] = found.checklist
        self._remove_stale_temp_files()
        if self.default_name not in by_name:
            by_name[self.default_name] = self._last_known(self.default_name)
        ordered = sorted(by_name.values(), key=lambda c: (c.name != self.default_name, c.name.casefold(), c.name))
        return Listing(tuple(self._with_pending(c.name, c) for c in ordered), tuple(notices))

    def _remove_stale_temp_files(self) -> None:
        """Temporary files left by a copy of hkqh that was killed while saving (best effort)."""
        try:
            names = os.listdir(self.directory)
        except OSError:
            return
        cutoff = time.time() - STALE_TEMP_SECONDS
        for file_name in names:
            if file_name.startswith(".") and file_name.endswith(TEMP_SUFFIX):
                path = self.directory / file_name
                try:
                    if path.stat().st_mtime < cutoff:
                        path.unlink()
                except OSError:
                    pass

    # -- changing -----------------------------------------------------------------------------------------------

    def unsaved_names(self) -> builtins.list[str]:
        """The checklists with changes kept in memory only, in the order they were first changed."""
        return [name for name, changes in self._pending.items() if changes]

    def last_failure(self, name: str) -> str:
        """Why the last save of this checklist failed ("" when it did not)."""
        return self._failures.get(normalize_name(name), "")

    def unsaved_changes(self, name: str) -> int:
        """How many changes to this checklist are kept in memory only, waiting to be saved."""
        return len(self._pending.get(normalize_name(name), []))

    def update(self, name: str, change: Change) -> UpdateResult:
        """Apply ``change`` to the checklist as saved now, and save it at once (creating the checklist if needed).

        Unsaved earlier changes are applied first. When saving fails the result holds the changed checklist with
        ``saved=False`` and a ``"not_saved"`` notice; the changes are kept and retried with the next update.
        """
        name = normalize_name(name)
        changes = [*self._pending.get(name, []), change]
        notices: list[Notice] = []
        base: list[Checklist] = []  # the version the changes were applied to, once it is known
        try:
            result = self._apply_under_lock(name, changes, notices, base)
        except _NotSaved as failure:
            return self._keep_unsaved(name, changes, notices, base[0] if base else None, failure)
        self._pending.pop(name, None)
        self._failures.pop(name, None)
        self._last_good[name] = result
        return UpdateResult(result, True, tuple(notices), 0)

    def _apply_under_lock(
        self, name: str, changes: builtins.list[Change], notices: builtins.list[Notice], base: builtins.list[Checklist]
    ) -> Checklist:
        """Hold the lock, re-read the file, apply ``changes`` to it and write it; raise _NotSaved on any failure."""
        try:
            self._ensure_directory()
            with exclusive_lock(self.lock_path, timeout=self.lock_timeout):
                path = self._locate(name)
                current = self._current(name, path, notices)
                base.append(current)
                result = current
                for each in changes:
                    result = each(result)
                if result != current or not path.exists():
                    result = result.touched()
                    atomic_write_text(path, checklist_to_text(result))
                return result
        except AtomicWriteError as error:
            raise _NotSaved(str(error)) from error
        except LockTimeout as error:
            raise _NotSaved(str(error)) from error
        except OSError as error:
            raise _NotSaved(f"could not save in {self.directory}: {_reason(error)}") from error

    def _current(self, name: str, path: Path, notices: builtins.list[Notice]) -> Checklist:
        """The checklist as saved at ``path`` now (a damaged file is moved aside first); raise _NotSaved if unreadable."""
        found = self._read(path)
        if found.error is not None:
            raise _NotSaved(
                f"the checklist file {path} could not be read ({found.error.strerror or found.error}), "
                "so it was not overwritten"
            )
        if found.damaged is not None:
            notice = self._move_aside(path, found.damaged)
            notices.append(notice)
            if notice.kind != "moved_aside":
                raise _NotSaved(f"the damaged file {path} could not be moved aside")
        if found.checklist is not None:
            return found.checklist
        if found.missing:  # not created yet, or deleted by another copy of hkqh
            return Checklist.new(name)
        return self._last_known(name)  # damaged and moved aside: go on from the last good version this copy saw

    def _keep_unsaved(
        self, name: str, changes: builtins.list[Change], notices: builtins.list[Notice], base: Checklist | None, failure: _NotSaved
    ) -> UpdateResult:
        """Keep ``changes`` in memory to retry with the next update, and say so."""
        self._pending[name] = changes
        self._failures[name] = str(failure)
        in_memory = base if base is not None else self._last_known(name)
        for each in changes:
            in_memory = each(in_memory)
        notices.append(
            Notice(
                "not_saved",
                f"Not saved: {failure}. Your changes are kept while hkqh is open "
                f"({len(changes)} unsaved) and will be saved with the next change.",
                self.directory,
                reason=str(failure),
            )
        )
        return UpdateResult(in_memory, False, tuple(notices), len(changes))

    def retry(self, name: str) -> UpdateResult:
        """Try again to save the unsaved changes of a checklist."""
        return self.update(name, _unchanged)

    def create(self, name: str) -> UpdateResult:
        """Create an empty checklist; an ``"exists"`` notice when one with this name is already saved."""
        name = normalize_name(name)
        existed = self.exists(name)
        result = self.update(name, _unchanged)
        if existed:
            notice = Notice("exists", f"A checklist called {name} already exists.", self._locate(name))
            return UpdateResult(result.checklist, result.saved, (*result.notices, notice), result.unsaved_changes)
        return result

    def delete(self, name: str) -> UpdateResult:
        """Delete a saved checklist and its unsaved changes. The result holds the checklist as it was."""
        name = normalize_name(name)
        try:
            with exclusive_lock(self.lock_path, timeout=self.lock_timeout):
                path = self._locate(name)
                found = self._read(path)
                if found.missing:
                    notice = Notice("not_found", f"There is no checklist called {name}.")
                    return UpdateResult(Checklist.new(name), False, (notice,))
                path.unlink()
        except (OSError, LockTimeout) as error:
            notice = Notice("not_saved", f"Not deleted: {_reason(error)}.", self.directory, reason=_reason(error))
            return UpdateResult(self.load(name).checklist, False, (notice,))
        self._pending.pop(name, None)
        self._last_good.pop(name, None)
        return UpdateResult(found.checklist if found.checklist is not None else Checklist.new(name), True)

    # -- the changes a checklist screen makes ------------------------------------------------------------------

    def add_services(self, name: str, services: Iterable[Service]) -> UpdateResult:
        """Add services (each kept once, in order) to a checklist, creating it if needed."""
        wanted = [(service.id, service.title) for service in services]

        def add(checklist: Checklist) -> Checklist:
            for service_id, title in wanted:
                checklist = checklist.with_service(service_id, title)
            return checklist

        return self.update(name, add)

    def remove_service(self, name: str, service_id: str) -> UpdateResult:
        """Remove a service from a checklist."""
        return self.update(name, lambda checklist: checklist.without_service(service_id))

    def set_tick(self, name: str, service_id: str, kind: ItemKind, key: str, ticked: bool) -> UpdateResult:
        """Tick or untick one item (``key`` from ``ChecklistItem.key``) of one service."""
        return self.update(name, lambda checklist: checklist.with_tick(service_id, kind, key, ticked))

    def set_note(self, name: str, service_id: str, note: str) -> UpdateResult:
        """Replace the note of one service; ValueError at once for a note that is too long."""
        note = check_note(note)
        return self.update(name, lambda checklist: checklist.with_note(service_id, note))


def _unchanged(checklist: Checklist) -> Checklist:
    return checklist


def _reason(error: BaseException) -> str:
    if isinstance(error, AtomicWriteError):
        return str(error)
    if isinstance(error, OSError):
        return error_reason(error)[1]
    return str(error)
