"""The hkqh Textual app: state (dataset, search index, settings, marks) and app-wide keys and commands."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from hkqh_tui.core.checklists.model import Checklist, ChecklistNameError, ItemKind, normalize_name
from hkqh_tui.core.checklists.store import ChecklistStore
from hkqh_tui.core.checklists.view import ChecklistView
from hkqh_tui.core.dataset.filters import Filters
from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.dataset.model import FILTERS, Dataset
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import SCRIPTS, Script
from hkqh_tui.core.language.ui_text import pick
from hkqh_tui.core.language.visible import visible
from hkqh_tui.core.storage.paths import settings_file
from hkqh_tui.core.storage.settings import SettingsSaveError, load_settings, save_settings
from hkqh_tui.presentation.literal import markup_safe
from hkqh_tui.ui.bindings import describe_keys, localize_bindings
from hkqh_tui.ui.strings import tr
from hkqh_tui.ui.widgets.filter_bar import FilterBar, filter_value_label

if TYPE_CHECKING:
    from hkqh_tui.core.profile.model import Profile
    from hkqh_tui.ui.screens.main import MainScreen

LANGUAGE_NAMES = {"hant": "繁體中文", "hans": "简体中文", "en": "English"}


_TEXTUAL_COMMANDS = {
    "Theme": "palette_theme",
    "Quit": "palette_quit",
    "Keys": "palette_keys",
    "Maximize": "palette_maximize",
    "Minimize": "palette_minimize",
    "Screenshot": "palette_screenshot",
}
"""Textual's own palette commands, by title, and the interface words they are shown with."""


class _Listed:
    """A service listed without a query (nothing to highlight)."""

    __slots__ = ("service",)

    def __init__(self, service) -> None:
        self.service = service

    def spans(self, display_text: str) -> list[tuple[int, int]]:
        return []


class HkqhApp(App):
    """Find, filter, read and pick Qianhai services for Hong Kong residents."""

    display_script: reactive[Script] = reactive[Script]("hant", init=False)
    """The script every screen shows; screens watch it (state flows down as attributes, never by calling screens)."""
    checklist_revision: reactive[int] = reactive(0, init=False)
    """Grows with every change to the current checklist (or a switch to another); screens that show it watch it."""
    filters: reactive[Filters] = reactive(Filters(), init=False)
    """The active filters, owned here: a filter bar posts the person's choice up (:class:`FilterBar.Changed`), the
    app sets this, and the screens that list services and their filter bars watch it; every change is saved."""
    search_ready: reactive[bool] = reactive(False, init=False)
    """True once the search index is built (or read); a screen whose search had to wait (see :meth:`run_search`)
    watches it and searches again."""

    BACKGROUND_SEARCH_FROM = 2_000
    """From this many services, searching never holds up the UI thread: a search asked for before the index is ready
    does not wait for it (:meth:`run_search` answers that search is getting ready), and the main screen searches on
    a worker thread. With fewer, a search takes milliseconds and the index a second or less to build: both run as
    they are asked for."""

    CSS_PATH = "app.tcss"
    TITLE = "hkqh"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("question_mark", "help", "Help", show=False, id="help_question_mark"),
        # Declared here (not left to Textual) so it survives the translated copies of the bindings (bindings.py);
        # the footer shows it on the right by itself.
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="command_palette", priority=True),
        Binding("ctrl+l,f2", "cycle_language", "Language", id="cycle_language"),
        # Priority, or the search box (where the app opens) would take ctrl+e as "end of line".
        Binding("ctrl+e", "export", "Export", id="export", priority=True),
        Binding("f4,m", "for_me", "For me", id="for_me"),
    ]

    def __init__(self, data_path: str | None = None, *, settings_path: Path | None = None) -> None:
        super().__init__()
        self.settings_path = settings_path or settings_file()
        self.settings, self._startup_notices = load_settings(self.settings_path)
        self.set_reactive(HkqhApp.display_script, self.settings.script)
        self.set_reactive(HkqhApp.filters, Filters(self.settings.category, self.settings.audience, self.settings.status))
        self.data_path = data_path
        result = read_dataset(data_path)
        self.dataset_problems = result.problems
        self.dataset_problem_count = result.problem_count
        self.dataset: Dataset | None = result.dataset
        self._index = None
        self._index_lock = threading.Lock()
        self._warming_up = False
        self.store = ChecklistStore()
        self.last_export: Path | None = None
        self.checklist = Checklist.new(self.store.default_name)
        self._checklist_notices: tuple = ()
        if self.dataset is not None:
            loaded = self.store.load(self.settings.checklist or self.store.default_name)
            self.checklist, self._checklist_notices = loaded.checklist, loaded.notices
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self._profile: Profile | None = None  # read from the settings on first use: start-up does not pay for it
        self._early_keys: list[events.Key] | None = []
        """Keys pressed before the first screen can take them; replayed by :meth:`take_keys`."""
        self._releasing_keys = False

    # ---- state ------------------------------------------------------------------------------------------------

    @property
    def loaded_dataset(self) -> Dataset:
        """The dataset, for code that runs only once it has loaded (every screen but the dataset-error screen)."""
        assert self.dataset is not None, "the dataset did not load"
        return self.dataset

    @property
    def script(self) -> Script:
        """The display script the person chose."""
        return self.settings.script

    @property
    def index(self):
        """The search index (a :class:`hkqh_tui.core.search.engine.SearchIndex`).

        Built on a thread just after the first frame (:meth:`warm_up`); asked for before it is ready, this waits for
        that build rather than starting a second one.
        """
        if self._index is None:
            with self._index_lock:
                if self._index is None:
                    self._index = self._build_index()
            self.search_ready = True
        return self._index

    def _build_index(self):
        from hkqh_tui.core.search.engine import SearchIndex

        assert self.dataset is not None
        index = SearchIndex(self.dataset)
        # The dataset and the index live as long as the app: leave them out of every later collection (a full one
        # visits each of their objects, 0.7 s at 100,000 services, long enough to stall typing).
        gc.freeze()
        return index

    def warm_up(self) -> None:
        """Build the search index off the UI thread after the first frame, so the app opens fast and stays live."""
        if self.dataset is not None and self._index is None and not self._warming_up:
            self._warming_up = True
            self.run_worker(self._warm_up_in_thread, thread=True, group="index", exit_on_error=False)

    def _warm_up_in_thread(self) -> None:
        try:
            with self._index_lock:
                if self._index is None:
                    self._index = self._build_index()
        finally:
            self._warming_up = False  # a failed build is tried again, on the UI thread, by the next search
        try:
            self.call_from_thread(self._index_built)
        except RuntimeError:
            pass  # the app is closing: nobody is waiting for the index

    def _index_built(self) -> None:
        self.search_ready = True

    @property
    def searches_in_background(self) -> bool:
        """True when the dataset is large enough to search off the UI thread (:data:`BACKGROUND_SEARCH_FROM`)."""
        return self.dataset is not None and len(self.dataset.services) >= self.BACKGROUND_SEARCH_FROM

    def run_search(self, query: str) -> Sequence | None:
        """Search the dataset with the active filters; each result has ``service`` and ``spans(display_text)``.

        None when the query needs the index, the index is still being built and the dataset has at least
        :data:`BACKGROUND_SEARCH_FROM` services: the caller says search is getting ready and searches again when
        :attr:`search_ready` turns true.
        """
        filters = self.filters.known(self.loaded_dataset.vocabularies)
        if self._index is None:
            if not query.strip():
                # Listing without a query needs no index: the first screen does not wait for it to be built.
                return [_Listed(s) for s in self.loaded_dataset.curated_order() if s.matches(**filters)]
            if self.searches_in_background:
                self.warm_up()
                return None
        return self.index.search(query, **filters)

    def describe_filters(self) -> str:
        """The active filters as words in the current script ("" when none)."""
        vocabularies = self.loaded_dataset.vocabularies
        words = [
            filter_value_label(name, value, vocabularies.for_filter(name), self.script)
            for name, value in self.filters.known(vocabularies).items()
        ]
        return "、".join(words) if self.script != "en" else ", ".join(words)

    def set_filter(self, name: str, value: str | None) -> None:
        """Set one filter (None: any); the screens and filter bars that follow :attr:`filters` show the change."""
        self.filters = self.filters.with_value(name, value)

    def clear_filters(self) -> None:
        """Clear every filter."""
        self.filters = Filters()

    def watch_filters(self, filters: Filters) -> None:
        """Remember the filters between runs."""
        self.settings.category, self.settings.audience, self.settings.status = (
            filters.category, filters.audience, filters.status)
        self.save_settings()

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        """A person chose a filter value in a filter bar (on any screen)."""
        self.set_filter(message.name, message.value)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Show a notification; its text (names, titles, paths, errors) always appears literally, never as markup."""
        super().notify(visible(message, multiline=True), title=visible(title), severity=severity, timeout=timeout,
                       markup=False)

    async def action_quit(self) -> None:
        """Quit, but first offer to retry saving checklist changes that could not be saved (never lose them silently)."""
        unsaved = self.store.unsaved_names()
        if not unsaved:
            self.exit()
            return
        from hkqh_tui.ui.screens.unsaved import QUIT, RETRY, UnsavedChangesDialog

        def answer(choice: str | None) -> None:
            if choice == QUIT:
                self.exit()
            elif choice == RETRY:
                for name in unsaved:
                    result = self.store.retry(name)
                    if name == self.checklist.name:
                        self.checklist = result.checklist
                if self.store.unsaved_names():
                    self.call_later(self.action_quit)  # still not saved: ask again, with the new reason
                else:
                    self.exit()

        count = sum(self.store.unsaved_changes(name) for name in unsaved)
        reason = self.store.last_failure(unsaved[0])
        self.push_screen(UnsavedChangesDialog(unsaved, count, reason, self.script), answer)

    # ---- checklists ---------------------------------------------------------------------------------------------

    def marked_ids(self) -> set[str]:
        """Ids of the services in the current checklist."""
        return set(self.checklist.service_ids())

    def checklist_summary(self) -> str:
        """A short line about the current checklist for the status line."""
        view = ChecklistView.build(self.checklist, self.loaded_dataset)
        text = f"{tr('checklist_title', self.script, name=self.checklist.name)}: {len(view.entries)}"
        if view.entries:
            text += f" ({view.progress})"
        return text

    def _apply(self, result) -> bool:
        """Take a store result: keep its checklist, tell the person about notices; True if it was saved."""
        self.checklist = result.checklist
        self._show_notices(result.notices)
        if not result.saved:
            self.notify(tr("not_saved", self.script), title=tr("checklist_notice_title", self.script),
                        severity="error", timeout=10)
        self.refresh_screens()
        return result.saved

    def _show_notices(self, notices) -> None:
        for notice in notices:
            severity = "error" if notice.kind in ("not_saved", "damaged", "unreadable") else "warning"
            self.notify(notice.message, title=tr("checklist_notice_title", self.script), severity=severity, timeout=15)

    def toggle_mark(self, service_id: str) -> None:
        """Add the service to the current checklist, or remove it."""
        assert self.dataset is not None
        service = self.loaded_dataset.get(service_id)
        title = show(service.title, self.script) if service else service_id
        name = self.checklist.name
        if service_id in self.marked_ids():
            if self._apply(self.store.remove_service(name, service_id)):
                self.notify(tr("unmarked", self.script, name=name, title=title), timeout=3)
        elif service is not None:
            if self._apply(self.store.add_services(name, [service])):
                self.notify(tr("marked", self.script, name=name, title=title), timeout=3)

    def set_tick(self, service_id: str, kind: ItemKind, key: str, ticked: bool) -> None:
        """Tick or untick a document or step."""
        self._apply(self.store.set_tick(self.checklist.name, service_id, kind, key, ticked))

    def edit_note(self, service_id: str) -> None:
        """Open the note editor for a service of the current checklist."""
        from hkqh_tui.ui.screens.dialogs import NoteEditor

        entry = self.checklist.entry(service_id)
        if entry is None:
            return
        service = self.loaded_dataset.get(service_id)
        title = show(service.title, self.script) if service else service_id

        shown_note = visible(entry.note, multiline=True)  # a control character from the file is edited as its escape

        def save(note: str | None) -> None:
            if note is None or note == shown_note:
                return
            try:
                self._apply(self.store.set_note(self.checklist.name, service_id, note))
            except ValueError as error:
                self.notify(tr("note_too_long", self.script, error=error), severity="error", timeout=10)

        self.push_screen(NoteEditor(tr("note_title", self.script, title=title), shown_note, tr("note_hint", self.script)), save)

    def confirm_remove(self, service_id: str) -> None:
        """Ask, then remove a service from the current checklist."""
        from hkqh_tui.ui.screens.dialogs import ConfirmDialog

        service = self.loaded_dataset.get(service_id)
        entry = self.checklist.entry(service_id)
        title = show(service.title, self.script) if service else (show(entry.title, self.script) if entry and entry.title else service_id)

        def answer(yes: bool | None) -> None:
            if yes:
                self._apply(self.store.remove_service(self.checklist.name, service_id))

        self.push_screen(ConfirmDialog(tr("remove_question", self.script, title=title), tr("yes_no", self.script)), answer)

    def switch_checklist(self, name: str) -> None:
        """Make ``name`` the current checklist and remember it."""
        loaded = self.store.load(name)
        self._show_notices(loaded.notices)
        self.checklist = loaded.checklist
        self.settings.checklist = loaded.checklist.name
        self.save_settings()
        self.notify(tr("switched", self.script, name=loaded.checklist.name), timeout=3)
        self.refresh_screens()

    def ask_new_checklist(self) -> None:
        """Ask for a name, create the checklist and switch to it."""
        from hkqh_tui.ui.screens.dialogs import TextPrompt

        def create(name: str | None) -> None:
            if not name or not name.strip():
                return
            try:
                normalized = normalize_name(name)
            except ChecklistNameError as error:
                self.notify(tr("bad_name", self.script, error=error), severity="error", timeout=10)
                return
            result = self.store.create(normalized)
            self._show_notices(n for n in result.notices if n.kind != "exists")
            self.switch_checklist(normalized)

        self.push_screen(
            TextPrompt(tr("new_checklist_title", self.script), "", tr("new_checklist_hint", self.script),
                       placeholder=tr("new_checklist_placeholder", self.script)),
            create,
        )

    def ask_switch_checklist(self) -> None:
        """Pick another checklist (or create one)."""
        from hkqh_tui.ui.screens.dialogs import PickDialog

        listing = self.store.list()
        self._show_notices(listing.notices)
        choices = []
        for checklist in listing.checklists:
            view = ChecklistView.build(checklist, self.loaded_dataset)
            choices.append((f"{checklist.name}  ({len(view.entries)} · {view.progress})", checklist.name))
        new_label = "＋ " + tr("new_checklist_title", self.script)
        choices.append((new_label, "\0new"))

        def picked(name: str | None) -> None:
            if name == "\0new":
                self.ask_new_checklist()
            elif name:
                self.switch_checklist(name)

        self.push_screen(
            PickDialog(tr("switch_title", self.script), choices, tr("switch_hint", self.script), self.checklist.name),
            picked,
        )

    def action_checklists(self) -> None:
        """Open the checklist screen."""
        from hkqh_tui.ui.screens.checklist import ChecklistScreen

        if self.dataset is not None and not isinstance(self.screen, ChecklistScreen):
            self.push_screen(ChecklistScreen())

    def action_plan(self) -> None:
        """Open the 2026 Action Plan: each measure, whether it can be used yet, its entries."""
        from hkqh_tui.core.plan.loading import read_plan_for
        from hkqh_tui.ui.screens.plan import PlanScreen

        if self.dataset is not None and not isinstance(self.screen, PlanScreen):
            result = read_plan_for(self.data_path, self.dataset)
            self.push_screen(PlanScreen(result.plan, [str(p) for p in result.problems]))

    def action_export(self, suffix: str = ".md") -> None:
        """Ask where to export the current checklist (``.md`` Markdown, ``.html`` a page to print), confirm before
        overwriting, say where it went."""
        from hkqh_tui.core.export.file import default_export_path
        from hkqh_tui.ui.screens.dialogs import TextPrompt

        if self.dataset is None or isinstance(self.screen, ModalScreen):
            return  # not over a dialog (or the palette): finish that first
        name = self.checklist.name
        default = str(default_export_path(name).with_suffix(suffix))

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self._export_to(Path(path.strip()).expanduser(), overwrite=False)

        self.push_screen(TextPrompt(tr("export_title", self.script, name=name), default, tr("export_hint", self.script)), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Over a dialog, ``ctrl+e`` belongs to the dialog's text box (end of line), not to export."""
        if action == "export" and isinstance(self.screen, ModalScreen):
            return False
        return True

    def action_export_html(self) -> None:
        """Export the current checklist as a page to print (asks where)."""
        self.action_export(".html")

    def export_text(self, path: Path) -> str:
        """The current checklist as the file ``path`` asks for: HTML for ``.html``/``.htm``, else Markdown.

        With "For me" answers, each service says why it is there.
        """
        from hkqh_tui.core.profile.export import checklist_reasons

        dataset = self.dataset
        assert dataset is not None
        reasons = checklist_reasons(self.checklist, dataset, self.profile)
        if path.suffix.lower() in (".html", ".htm"):
            from hkqh_tui.core.export.html import checklist_to_html

            return checklist_to_html(self.checklist, dataset, self.script, reasons=reasons)
        from hkqh_tui.core.export.markdown import checklist_to_markdown

        return checklist_to_markdown(self.checklist, dataset, self.script, reasons=reasons)

    def _export_to(self, path: Path, *, overwrite: bool) -> None:
        from hkqh_tui.core.export.file import ExportFileError, ExportFileExists, write_export
        from hkqh_tui.ui.screens.dialogs import ConfirmDialog

        try:
            written = write_export(path, self.export_text(path), overwrite=overwrite)
        except ExportFileExists:
            def answer(yes: bool | None) -> None:
                if yes:
                    self._export_to(path, overwrite=True)

            self.push_screen(ConfirmDialog(tr("export_exists", self.script, path=path), tr("yes_no", self.script)), answer)
            return
        except ExportFileError as error:
            self.notify(tr("export_failed", self.script, error=error, hint=error.hint), severity="error", timeout=15)
            return
        self.last_export = written
        self.notify(tr("export_done", self.script, path=written), timeout=10)

    def confirm_delete_checklist(self) -> None:
        """Ask, then delete the current checklist (file, ticks and notes) and go back to the default checklist."""
        from hkqh_tui.ui.screens.dialogs import ConfirmDialog

        name = self.checklist.name
        count = len(self.checklist.service_ids())

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            result = self.store.delete(name)
            self._show_notices(n for n in result.notices if n.kind != "not_found")
            if result.saved or any(n.kind == "not_found" for n in result.notices):
                self.notify(tr("deleted", self.script, name=name), timeout=5)
                self.switch_checklist(self.store.default_name)

        self.push_screen(ConfirmDialog(tr("delete_question", self.script, name=name, count=count),
                                       tr("yes_no", self.script)), answer)

    def refresh_screens(self) -> None:
        """Tell every screen that shows checklist state that it changed (they watch :attr:`checklist_revision`)."""
        self.checklist_revision += 1

    # ---- settings ---------------------------------------------------------------------------------------------

    def save_settings(self) -> None:
        """Write the settings; a failure is shown to the person, never fatal."""
        try:
            save_settings(self.settings, self.settings_path)
        except SettingsSaveError as error:
            self.notify(str(error), title=tr("settings_notice_title", self.script), severity="error", timeout=10)

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "settings", None) is not None and self.settings.theme != theme:
            self.settings.theme = theme
            self.save_settings()

    # ---- lifecycle --------------------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self._early_keys is not None:
            # The first screen is still being built: keep the key (typing at once must not be lost).
            self._early_keys.append(event)
            return
        await super().on_event(event)

    class KeysReady(Message):
        """The first screen can take keys: replay the ones held back, then let new ones through."""

    def take_keys(self) -> None:
        """The first screen is ready (its focus set): replay the keys pressed while it was being built.

        The replay happens when this request reaches the app's queue, so keys already waiting in the queue are held
        back too and every key is handled in the order it was typed.
        """
        if self._early_keys is not None and not self._releasing_keys:
            self._releasing_keys = True
            self.post_message(self.KeysReady())

    async def on_hkqh_app_keys_ready(self, message: KeysReady) -> None:
        early, self._early_keys = self._early_keys, None
        for key in early or ():
            await super().on_event(key)
        if early:
            # Changes made while the first frames are still being drawn are sometimes not painted until the next
            # key; paint the screen again once the replayed keys have been handled.
            for delay in (0.1, 0.4):
                self.set_timer(delay, self._repaint)

    def _repaint(self) -> None:
        try:
            screen = self.screen
        except ScreenStackError:
            return  # the app is quitting (within half a second of starting): nothing is left to paint
        screen.refresh(layout=True)
        self.refresh(repaint=True)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        for notice in self._startup_notices:
            self.notify(notice, title=tr("settings_notice_title", self.script), severity="warning", timeout=15)
        self._show_notices(self._checklist_notices)
        self.call_after_refresh(self.offer_for_me_once)  # after the first frame: start-up does not wait for it
        # A safety net: whatever screen opened, keys are never held back for long.
        self.set_timer(2.0, self.take_keys)

    def get_default_screen(self) -> Screen:
        """The main screen, or a screen explaining why the dataset could not be loaded."""
        if self.dataset is None:
            from hkqh_tui.ui.screens.dataset_error import DatasetErrorScreen

            return DatasetErrorScreen(self.dataset_problems, self.script, self.dataset_problem_count)
        from hkqh_tui.ui.screens.main import MainScreen

        return MainScreen()

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as people write them (``F1``, ``Ctrl+P``, ``Space``)."""
        if binding.key_display:
            return binding.key_display
        return describe_keys(binding.key)

    def on_screen_resume(self) -> None:
        self.localize()

    def localize(self) -> None:
        """Translate the key descriptions of the app and its screens into the current script."""
        changed = localize_bindings(self, self.script)
        for screen in self.screen_stack:
            changed |= localize_bindings(screen, self.script)
            for widget in screen.query("*"):
                if widget.BINDINGS:
                    changed |= localize_bindings(widget, self.script)
        if changed:
            self.refresh_bindings()

    def _main_screen(self) -> MainScreen | None:
        from hkqh_tui.ui.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # ---- actions ----------------------------------------------------------------------------------------------

    def action_cycle_language(self) -> None:
        """Traditional Chinese -> Simplified Chinese -> English -> Traditional Chinese."""
        self.set_script(SCRIPTS[(SCRIPTS.index(self.script) + 1) % len(SCRIPTS)])

    def set_script(self, script: Script) -> None:
        """Show the interface and the content in ``script`` and remember the choice."""
        self.settings.script = script
        self.save_settings()
        self.localize()
        self.display_script = script  # every screen that follows the app redraws itself
        self.notify(LANGUAGE_NAMES[script], timeout=2)

    def action_help(self) -> None:
        from hkqh_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.script, self.settings.keymap, str(self.settings_path)))

    def show_links(self, service_id: str) -> None:
        """Open the links modal for a service."""
        from hkqh_tui.ui.screens.links import LinksScreen, service_links

        assert self.dataset is not None
        service = self.loaded_dataset.get(service_id)
        links = service_links(service, self.script) if service else []
        if not links:
            self.notify(tr("no_links", self.script))
            return
        self.push_screen(LinksScreen(links, self.script))

    # ---- "For me": the profile and the services that fit it (hkqh_tui.ui.screens.for_me, .profile) -------------

    @property
    def profile(self):
        """The person's answers (a :class:`hkqh_tui.core.profile.model.Profile`); ignored bad answers are notified."""
        if self._profile is None:
            from hkqh_tui.core.profile.storage import settings_profile

            self._profile, notices = settings_profile(self.settings)
            for notice in notices:
                self.notify(notice, title=tr("settings_notice_title", self.script), severity="warning", timeout=15)
        return self._profile

    def set_profile(self, profile) -> None:
        """Keep and save the person's answers (an empty profile removes them from the settings)."""
        from hkqh_tui.core.profile.storage import keep_profile

        self._profile = profile
        keep_profile(self.settings, profile)
        self.save_settings()

    def offer_for_me_once(self) -> None:
        """On the very first start with a dataset, say once that "For me" exists; remembered in the settings."""
        if self.dataset is None or self.settings.for_me_offered:
            return
        from hkqh_tui.ui.screens.for_me import offer_text

        self.settings.for_me_offered = True
        self.save_settings()
        self.notify(offer_text(self.script), title="hkqh", timeout=20)

    def action_for_me(self) -> None:
        """Open "For me" (the questions first, when none is answered yet)."""
        from hkqh_tui.ui.screens.for_me import ForMeScreen
        from hkqh_tui.ui.screens.profile import ProfileScreen

        if self.dataset is None or isinstance(self.screen, (ForMeScreen, ProfileScreen)):
            return
        self.clear_notifications()  # the one-time offer, once taken up, would only cover the screen
        if any(isinstance(screen, ForMeScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, ForMeScreen):  # back to the one already open (from its details)
                self.pop_screen()
            return
        if self.profile.is_empty():
            self.edit_profile(then=lambda: self.push_screen(ForMeScreen()))
        else:
            self.push_screen(ForMeScreen())

    def edit_profile(self, then=None) -> None:
        """Ask the profile questions (every answer is saved as it is given); ``then`` runs when they are done."""
        from hkqh_tui.ui.screens.profile import ProfileScreen

        if self.dataset is None or isinstance(self.screen, ProfileScreen):
            return

        def done(_profile) -> None:
            if then is not None:
                then()

        self.push_screen(ProfileScreen(self.profile), done)

    def clear_profile(self) -> None:
        """Forget every answer."""
        from hkqh_tui.core.profile.model import Profile
        from hkqh_tui.ui.screens.for_me import words

        self.set_profile(Profile())
        self.notify(words("cleared", self.script), timeout=5)
        self.refresh_screens()

    # ---- command palette --------------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        script = self.script
        for command in super().get_system_commands(screen):
            key = _TEXTUAL_COMMANDS.get(command.title)
            if key == "palette_keys":
                # Our help lists every key by screen, in the chosen language.
                yield SystemCommand(tr(key, script), tr(f"{key}_help", script), self.action_help)
            elif key is not None:
                yield SystemCommand(tr(key, script), tr(f"{key}_help", script), command.callback)
            else:
                yield command
        if self.dataset is None:
            return
        for other in SCRIPTS:
            yield SystemCommand(
                tr("palette_language", script, language=LANGUAGE_NAMES[other]),
                tr("palette_language_help", script),
                lambda s=other: self.set_script(s),
            )
        yield SystemCommand(tr("palette_checklist_open", script), tr("palette_checklist_open_help", script),
                            self.action_checklists)
        yield SystemCommand(tr("palette_checklist_switch", script), markup_safe(self.checklist.name),
                            self.ask_switch_checklist)
        yield SystemCommand(tr("palette_export_markdown", script), "Ctrl+E", self.action_export)
        yield SystemCommand(tr("palette_export_html", script), markup_safe(self.checklist.name), self.action_export_html)
        yield SystemCommand(tr("palette_checklist_delete", script), markup_safe(self.checklist.name),
                            self.confirm_delete_checklist)
        from hkqh_tui.ui.screens.for_me import palette_commands

        for title, help_text, callback in palette_commands(self, script):
            yield SystemCommand(title, help_text, callback)
        yield SystemCommand(
            pick(("2026年行動方案：有甚麼適合我", "2026年行动方案：有什么适合我", "2026 Action Plan: what is in it for me"), script),
            "p / F3",
            self.action_plan,
        )
        yield SystemCommand(tr("palette_clear_filters", script), tr("palette_clear_filters_help", script),
                            self.clear_filters)
        for name in FILTERS:
            vocabulary = self.dataset.vocabularies.for_filter(name)
            for key in vocabulary.keys():
                yield SystemCommand(
                    tr("palette_filter", script, label=tr(f"filter_{name}", script),
                       value=markup_safe(filter_value_label(name, key, vocabulary, script))),
                    markup_safe(f"{name} = {key}"),
                    lambda n=name, k=key: self.set_filter(n, k),
                )
        for service in self.loaded_dataset.curated_order():
            yield SystemCommand(
                tr("palette_open", script, title=markup_safe(show(service.title, script))),
                markup_safe(service.id),
                lambda i=service.id: self.open_service(i),
            )

    def open_service(self, service_id: str) -> None:
        """Open a service's detail from anywhere."""
        from hkqh_tui.ui.screens.detail import DetailScreen

        main = self._main_screen()
        if main is not None and main.wide and self.screen is main:
            main.open_detail_by_id(service_id)
        else:
            self.push_screen(DetailScreen(service_id))
