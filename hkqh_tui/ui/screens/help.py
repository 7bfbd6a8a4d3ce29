"""The help screen: every key of the app, where it works, and its id for rebinding."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick
from hkqh_tui.ui.bindings import describe_key
from hkqh_tui.ui.strings import binding_words, tr

_CONTEXT_NAMES = {
    "app": ("全程", "Everywhere"),
    "main": ("主畫面", "Main screen"),
    "search": ("搜尋框", "Search box"),
    "results": ("結果列表", "Results list"),
    "detail": ("詳情", "Detail"),
    "links": ("連結", "Links"),
    "checklist": ("清單", "Checklists"),
}

SEARCH_TIPS = (
    "搜尋：可打整句問題、拼音、粵拼或首字母（ylq）。'字詞 要照打出現，!字詞 排除，甲 | 乙 任一即可；"
    "淡色的結果只是相關，未必解答問題。",
    "Search: type a whole question, pinyin, Jyutping or initials (ylq). 'word must be there as typed, !word "
    "leaves out, a | b is either; dim results are only related and may not answer the question.",
)
"""How to search, shown under the introduction (the operators are fzf's)."""


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """(context, bindings) for every place the app defines keys, in reading order."""
    from hkqh_tui.ui.app import HkqhApp
    from hkqh_tui.ui.screens.detail import DetailScreen
    from hkqh_tui.ui.screens.links import LinksScreen
    from hkqh_tui.ui.screens.main import MainScreen, SearchInput
    from hkqh_tui.ui.widgets.results import ResultsList

    groups = [
        ("app", HkqhApp.BINDINGS),
        ("main", MainScreen.BINDINGS),
        ("search", SearchInput.BINDINGS),
        ("results", ResultsList.BINDINGS),
        ("detail", DetailScreen.BINDINGS),
        ("links", LinksScreen.BINDINGS),
    ]
    try:
        from hkqh_tui.ui.screens.checklist import ChecklistScreen

        groups.append(("checklist", ChecklistScreen.BINDINGS))
    except ImportError:
        pass
    return [(name, [b for b in bindings if isinstance(b, Binding) and b.id]) for name, bindings in groups]


def keys_for(binding: Binding, keymap: dict[str, str]) -> str:
    """The keys a binding answers to, after the person's keymap."""
    if binding.id and binding.id in keymap:
        return keymap[binding.id]
    return describe_key(binding)


def help_table(script: Script, keymap: dict[str, str]) -> Table:
    """A table of context, key, what it does and the binding id."""
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    en = script == "en"
    table.add_column("Key" if en else "按鍵", no_wrap=True, style="bold cyan")
    table.add_column("Does" if en else "功能", ratio=1)
    table.add_column("id", style="dim", no_wrap=True)
    for context, bindings in binding_groups():
        zh, english = _CONTEXT_NAMES[context]
        table.add_row("", f"[b underline]{english if en else zh}[/]", "")
        for binding in bindings:
            table.add_row(keys_for(binding, keymap), binding_words(binding.id, script, binding.description), binding.id)
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, q, ? or F1 closes it and focus returns where it was."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss_screen", "Back", id="back"),
    ]

    def __init__(self, script: Script, keymap: dict[str, str], settings_path: str) -> None:
        super().__init__()
        self.script = script
        self.keymap = keymap
        self.settings_path = settings_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(f"[b]{tr('help_title', self.script)}[/]", classes="dialog-title")
            yield Static(tr("help_intro", self.script))
            yield Static(pick(SEARCH_TIPS, self.script), markup=False, classes="dialog-help")
            yield Static(help_table(self.script, self.keymap))
            yield Static(tr("help_settings", self.script, path=self.settings_path), classes="dialog-help")
            yield Static(tr("help_close", self.script), classes="dialog-help")

    def action_dismiss_screen(self) -> None:
        self.dismiss(None)
