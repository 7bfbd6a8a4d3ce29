"""The checklist screen: the services of the current checklist, their documents and steps to tick, notes."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hkqh_tui.core.checklists.view import ChecklistItem, ChecklistView, EntryView
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.visible import visible
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.strings import tr
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class Row:
    """What one line of the checklist list stands for."""

    kind: str  # "service", "item" or "note"
    service_id: str
    item: ChecklistItem | None = None


def _item_line(item: ChecklistItem, script: Script) -> Table:
    """A tick box with the item beside it; a long item wraps under its own text, not under the box."""
    box = RichText(f"    {'[x]' if item.ticked else '[ ]'} ", style="bold green" if item.ticked else "")
    label = tr("checklist_documents" if item.kind == "documents" else "checklist_steps", script)
    text = RichText(f"{label}{': ' if script == 'en' else '：'}", style="dim")
    text.append(visible(show(item.text, script)), style="dim strike" if item.ticked else "")
    grid = Table.grid(expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(box, text)
    return grid


def checklist_rows(view: ChecklistView, script: Script) -> list[tuple[Row, RichText | Table]]:
    """Every line of the checklist screen: a header per service, its items, then its note."""
    rows: list[tuple[Row, RichText | Table]] = []
    for entry in view.entries:
        rows.append((Row("service", entry.service_id), _header_line(entry, script)))
        if not entry.in_dataset:
            rows.append((Row("note", entry.service_id), _note_line(entry, script)))
            continue
        if not entry.items:
            rows.append((Row("note", entry.service_id), RichText("    " + tr("checklist_no_items", script), style="dim")))
        for item in entry.items:
            rows.append((Row("item", entry.service_id, item), _item_line(item, script)))
        rows.append((Row("note", entry.service_id), _note_line(entry, script)))
    return rows


def _header_line(entry: EntryView, script: Script) -> RichText:
    line = literal(entry.title(script), "bold", multiline=False)
    if entry.in_dataset:
        progress = entry.progress
        line.append(f"  {progress}", style="green" if progress.complete else "cyan")
    else:
        line.append(f"  ⚠ {tr('checklist_missing', script)}", style="yellow")
    return line


def _note_line(entry: EntryView, script: Script) -> RichText:
    note = entry.entry.note.strip()
    line = RichText(f"    ✎ {tr('checklist_note', script)}{': ' if script == 'en' else '：'}", style="dim")
    if note:
        first, _, rest = note.partition("\n")
        line.append(visible(first) + (" …" if rest else ""), style="italic")
    else:
        line.append(tr("checklist_no_note", script), style="dim")
    return line


class ChecklistScreen(UsesHkqhApp, Screen):
    """Tick documents and steps, edit notes, remove services, switch and create checklists."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back"),
        Binding("space", "activate", "Tick", id="tick"),
        Binding("e", "edit_note", "Note", id="edit_note"),
        Binding("d,delete", "remove", "Remove", id="remove_service"),
        Binding("n", "new_checklist", "New", id="new_checklist"),
        Binding("s", "switch_checklist", "Switch", id="switch_checklist"),
        Binding("D", "delete_checklist", "Delete checklist", show=False, id="delete_checklist"),
        Binding("a", "toggle_documents", "All documents", id="combined_documents"),
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.showing_documents = False

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield OptionList(id="checklist-items")
        with VerticalScroll(id="combined-documents"):
            yield Static(id="combined-body")
        yield Static(id="checklist-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.follow_app(on_script=self.apply_script, on_checklist=self.refresh_view)
        self.hkqh.localize()
        self.refresh_view()
        self.query_one("#checklist-items", OptionList).focus()

    def apply_script(self) -> None:
        self.refresh_view()

    @property
    def view(self) -> ChecklistView:
        return ChecklistView.build(self.hkqh.checklist, self.loaded_dataset)

    def refresh_view(self) -> None:
        """Redraw from the app's current checklist, keeping the cursor where it was."""
        app = self.hkqh
        script: Script = app.script
        view = self.view
        title = tr("checklist_title", script, name=view.checklist.name)
        progress = tr("checklist_progress", script, services=len(view.entries), progress=str(view.progress))
        self.query_one("#title-bar", Static).update(literal(f" hkqh · {title} · {progress}", multiline=False))
        options = self.query_one("#checklist-items", OptionList)
        highlighted = options.highlighted
        pairs = checklist_rows(view, script)
        self.rows = [row for row, _ in pairs]
        options.set_options([Option(line, id=str(index)) for index, (_, line) in enumerate(pairs)])
        if self.rows:
            options.highlighted = min(highlighted or 0, len(self.rows) - 1)
        empty = not view.entries
        self.query_one("#checklist-empty", Static).update(tr("checklist_empty", script))
        self.query_one("#checklist-empty").display = empty and not self.showing_documents
        options.display = not empty and not self.showing_documents
        self.query_one("#combined-documents").display = self.showing_documents
        if self.showing_documents:
            self.query_one("#combined-body", Static).update(self._documents_text(view, script))

    def _documents_text(self, view: ChecklistView, script: Script) -> RichText:
        text = RichText(tr("combined_title", script) + "\n\n", style="bold")
        documents = view.combined_documents()
        if not documents:
            text.append(tr("combined_none", script) + "\n", style="dim")
        separator = ", " if script == "en" else "、"
        for document in documents:
            text.append("[x] " if document.done else "[ ] ", style="green" if document.done else "")
            text.append(visible(show(document.text, script)) + "\n", style="bold" if not document.done else "dim")
            names = separator.join(show(service.title, script) for service in document.services)
            text.append(f"    {tr('combined_needed_by', script)}{visible(names)}\n", style="dim")
        text.append("\n" + tr("combined_back", script), style="dim")
        return text

    def _current(self) -> Row | None:
        highlighted = self.query_one("#checklist-items", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.rows):
            return None
        return self.rows[highlighted]

    # ---- actions ----------------------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_activate()

    def action_activate(self) -> None:
        """Tick an item; on a service line open its detail; on a note line edit the note."""
        row = self._current()
        if row is None:
            return
        if row.kind == "item" and row.item is not None:
            self.hkqh.set_tick(row.service_id, row.item.kind, row.item.key, not row.item.ticked)
        elif row.kind == "note":
            self.action_edit_note()
        elif row.kind == "service" and self.loaded_dataset.get(row.service_id):
            from hkqh_tui.ui.screens.detail import DetailScreen

            self.hkqh.push_screen(DetailScreen(row.service_id))

    def action_edit_note(self) -> None:
        row = self._current()
        if row is None:
            return
        self.hkqh.edit_note(row.service_id)

    def action_remove(self) -> None:
        row = self._current()
        if row is not None:
            self.hkqh.confirm_remove(row.service_id)

    def action_new_checklist(self) -> None:
        self.hkqh.ask_new_checklist()

    def action_switch_checklist(self) -> None:
        self.hkqh.ask_switch_checklist()

    def action_delete_checklist(self) -> None:
        self.hkqh.confirm_delete_checklist()

    def action_toggle_documents(self) -> None:
        self.showing_documents = not self.showing_documents
        self.refresh_view()

    def action_cursor_down(self) -> None:
        self.query_one("#checklist-items", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#checklist-items", OptionList).action_cursor_up()

    def action_back(self) -> None:
        self.hkqh.pop_screen()
