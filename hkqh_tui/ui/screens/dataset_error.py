"""Shown instead of the main screen when the dataset cannot be loaded: what is wrong and what to do."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from hkqh_tui.core.dataset.validation import Problem
from hkqh_tui.ui.strings import tr

MAX_LISTED = 50


class DatasetErrorScreen(Screen):
    """A clear screen listing the dataset's problems; the app stays open until the person quits."""

    def __init__(self, problems: list[Problem], script) -> None:
        super().__init__()
        self.problems = problems
        self.script = script

    def compose(self) -> ComposeResult:
        lines = [f"[b red]{tr('dataset_error_title', self.script)}[/]", "", tr("dataset_error_body", self.script), ""]
        lines += [f"• {escape(str(p))}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"… (+{len(self.problems) - MAX_LISTED})")
        lines += ["", escape(tr("dataset_error_hint", self.script))]
        with VerticalScroll(id="dataset-error"):
            yield Static("\n".join(lines))
        yield Footer()

    def on_mount(self) -> None:
        self.app.take_keys()
