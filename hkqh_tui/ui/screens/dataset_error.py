"""Shown instead of the main screen when the dataset cannot be loaded: what is wrong and what to do."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from hkqh_tui.core.dataset.validation import Problem
from hkqh_tui.core.language.visible import visible
from hkqh_tui.ui.strings import tr
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.key_footer import KeyFooter

MAX_LISTED = 50


class DatasetErrorScreen(UsesHkqhApp, Screen):
    """A clear screen listing the dataset's problems; the app stays open until the person quits."""

    def __init__(self, problems: list[Problem], script, problem_count: int | None = None) -> None:
        super().__init__()
        self.problems = problems
        self.script = script
        self.problem_count = len(problems) if problem_count is None else problem_count

    def compose(self) -> ComposeResult:
        text = RichText(tr("dataset_error_title", self.script), style="bold red")
        lines = ["", "", tr("dataset_error_body", self.script), ""]
        lines += [f"• {p}" for p in self.problems[:MAX_LISTED]]  # Problem.__str__ makes every part visible
        more = self.problem_count - min(len(self.problems), MAX_LISTED)
        if more > 0:
            lines.append(f"… (+{more})")
        lines += ["", tr("dataset_error_hint", self.script)]
        text.append(visible("\n".join(lines), multiline=True))
        with VerticalScroll(id="dataset-error"):
            yield Static(text)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.hkqh.take_keys()
