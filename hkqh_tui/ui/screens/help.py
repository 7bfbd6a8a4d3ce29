"""The help screen: every key of the app as people write it (F1, Ctrl+P, Space), grouped by screen, with the binding
id (for rebinding) in a quiet last column.

The list is built from the bindings the app's classes really declare, so a new screen's keys appear here without
editing this file (a class says where it belongs with ``HELP_CONTEXT``).
"""

from __future__ import annotations

import importlib
import pkgutil

from rich.table import Table
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.bindings import describe_keys
from hkqh_tui.ui.strings import binding_words, tr

CONTEXT_ORDER = (
    "app", "main", "search", "results", "detail", "links", "checklist", "plan", "for_me", "questions", "dialogs", "help",
    "other",
)
"""Reading order of the help's groups; each has a ``context_<name>`` interface string."""

_CONTEXT_OF_CLASS = {
    "HkqhApp": "app",
    "MainScreen": "main",
    "SearchInput": "search",
    "ResultsList": "results",
    "DetailScreen": "detail",
    "LinksScreen": "links",
    "ChecklistScreen": "checklist",
    "ConfirmDialog": "dialogs",
    "TextPrompt": "dialogs",
    "NoteEditor": "dialogs",
    "PickDialog": "dialogs",
    "HelpScreen": "help",
    "PlanScreen": "plan",
    "ForMeScreen": "for_me",
    "ForMeList": "for_me",
    "ProfileScreen": "questions",
    "ChoiceList": "questions",
    "AgesInput": "questions",
}

SEARCH_TIPS = (
    "搜尋：可打整句問題、拼音、粵拼或首字母（ylq）。'字詞 要照打出現，!字詞 排除，甲 | 乙 任一即可；"
    "淡色的結果只是相關，未必解答問題。",
    "Search: type a whole question, pinyin, Jyutping or initials (ylq). 'word must be there as typed, !word "
    "leaves out, a | b is either; dim results are only related and may not answer the question.",
)
"""How to search, shown under the introduction (the operators are fzf's)."""


def _ui_classes() -> list[type[DOMNode]]:
    """Every class of the app's interface that declares its own key bindings."""
    import hkqh_tui.ui as ui_package

    for module in pkgutil.walk_packages(ui_package.__path__, ui_package.__name__ + "."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("hkqh_tui.ui") and cls.__dict__.get("BINDINGS") and cls not in found:
            found.append(cls)
    return found


def context_of(cls: type) -> str:
    """Where a class's keys work, as a help group name."""
    context = getattr(cls, "HELP_CONTEXT", None) or _CONTEXT_OF_CLASS.get(cls.__name__, "other")
    return context if context in CONTEXT_ORDER else "other"


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """(context, bindings) for every place the app defines keys, in reading order; a binding shown once per group."""
    groups: dict[str, list[Binding]] = {name: [] for name in CONTEXT_ORDER}
    seen: set[tuple[str, str | None, str]] = set()
    for cls in sorted(_ui_classes(), key=lambda c: (CONTEXT_ORDER.index(context_of(c)), c.__module__, c.__name__)):
        context = context_of(cls)
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding):
                continue
            mark = (context, binding.id, binding.key)
            if mark not in seen:
                seen.add(mark)
                groups[context].append(binding)
    return [(name, bindings) for name, bindings in groups.items() if bindings]


def keys_for(binding: Binding, keymap: dict[str, str]) -> str:
    """The keys a binding answers to (after the person's keymap), as people write them: ``F1``, ``Ctrl+P``."""
    if binding.id and binding.id in keymap:
        return describe_keys(keymap[binding.id])
    return describe_keys(binding.key)


def help_table(script: Script, keymap: dict[str, str]) -> Table:
    """A table of key, what it does and the binding id, in groups by screen."""
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    table.add_column(tr("help_key", script), no_wrap=True, style="bold cyan")
    table.add_column(tr("help_does", script), ratio=3, overflow="fold")
    # The id is secondary: it gives way first on a narrow terminal.
    table.add_column("id", style="dim", ratio=2, overflow="fold")
    for index, (context, bindings) in enumerate(binding_groups()):
        if index:
            table.add_row("", "", "")
        table.add_row(RichText(tr(f"context_{context}", script), style="bold underline"), "", "")
        for binding in bindings:
            table.add_row(
                RichText(keys_for(binding, keymap)),
                RichText(binding_words(binding.id or "", script, binding.description)),
                RichText(binding.id or ""),
            )
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; Esc, q, ? or F1 closes it and focus returns where it was."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss_screen", "Back", id="back"),
        Binding("j,down", "scroll_down", "Down", show=False, id="cursor_down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, script: Script, keymap: dict[str, str], settings_path: str) -> None:
        super().__init__()
        self.script = script
        self.keymap = keymap
        self.settings_path = settings_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(RichText(tr("help_title", self.script), style="bold"), classes="dialog-title")
            yield Static(RichText(tr("help_intro", self.script)))
            yield Static(RichText(pick(SEARCH_TIPS, self.script)), classes="dialog-help")
            yield Static(help_table(self.script, self.keymap), id="help-table")
            yield Static(literal(tr("help_settings", self.script, path=self.settings_path)), classes="dialog-help")
            yield Static(RichText(tr("help_close", self.script)), classes="dialog-help")

    def action_dismiss_screen(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#help-dialog", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-dialog", VerticalScroll).scroll_up()
