"""Asked before quitting while checklist changes could not be saved (a full disk, a read-only folder).

Quitting silently would lose them, so the person chooses: try saving again (after freeing space, say), quit
without saving, or stay in the app.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick
from hkqh_tui.presentation.literal import literal

RETRY = "retry"
QUIT = "quit"
STAY = "stay"

_TITLE = ("有未儲存的清單變更", "Checklist changes are not saved")
_BODY = (
    "以下清單的 {count} 項變更未能儲存：{names}。\n原因：{reason}\n現在離開，這些變更便會遺失。",
    "{count} change(s) to {names} could not be saved.\nWhy: {reason}\nIf you quit now, they are lost.",
)
_KEYS = ("r 再試儲存　q 不儲存並離開　Esc 留在 hkqh", "r try saving again · q quit without saving · Esc stay in hkqh")


class UnsavedChangesDialog(ModalScreen[str]):
    """Dismissed with :data:`RETRY`, :data:`QUIT` or :data:`STAY`."""

    BINDINGS = [
        Binding("r,enter", f"choose('{RETRY}')", "Retry", id="unsaved_retry"),
        Binding("q", f"choose('{QUIT}')", "Quit without saving", id="unsaved_quit"),
        Binding("escape", f"choose('{STAY}')", "Stay", id="unsaved_stay"),
    ]

    def __init__(self, names: list[str], count: int, reason: str, script: Script) -> None:
        super().__init__()
        self.names = names
        self.count = count
        self.reason = reason
        self.script = script

    def compose(self) -> ComposeResult:
        separator = ", " if self.script == "en" else "、"
        names = separator.join(f"“{name}”" for name in self.names)
        body = pick(_BODY, self.script).format(count=self.count, names=names, reason=self.reason or "?")
        with Vertical(classes="dialog", id="unsaved-dialog"):
            yield Static(literal(pick(_TITLE, self.script), "bold red"), classes="dialog-title")
            yield Static(literal(body))
            yield Static(literal(pick(_KEYS, self.script)), classes="dialog-help")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
