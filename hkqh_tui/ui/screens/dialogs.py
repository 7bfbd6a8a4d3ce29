"""Small modal dialogs: yes/no confirmation, one-line text prompt, note editor, pick from a list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from hkqh_tui.presentation.literal import literal


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question: y or enter confirms, n or escape cancels."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str, hint: str) -> None:
        super().__init__()
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question), classes="dialog-title")
            yield Static(literal(self.hint), classes="dialog-help")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text; enter submits, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, value: str, hint: str, *, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(literal(self.hint), classes="dialog-help")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteEditor(ModalScreen[str | None]):
    """Edit a multi-line note: ctrl+s saves, escape cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save_note", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel", priority=True),
    ]

    def __init__(self, title: str, note: str, hint: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            yield TextArea(self.note, id="note-editor", soft_wrap=True, show_line_numbers=False)
            yield Static(literal(self.hint), classes="dialog-help")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one of several labelled choices; enter picks, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("j", "down", "Down", show=False, id="cursor_down"),
        Binding("k", "up", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], hint: str, current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.hint = hint
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.title_text), classes="dialog-title")
            yield OptionList(*[Option(literal(label, multiline=False), id=str(index)) for index, (label, _) in enumerate(self.choices)])
            yield Static(literal(self.hint), classes="dialog-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _, value in self.choices]
        if self.current in values:
            options.highlighted = values.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.dismiss(self.choices[int(event.option_id)][1])

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
