"""The 2026 Action Plan as a screen: part by part, each measure on one line with whether it can be used yet.

The highlighted measure shows below what is known of it and its entries; Enter opens its entry (or moves to the
list of its entries when it has several), and a measure without an entry says so.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import STATUS_STYLES, pick
from hkqh_tui.core.plan.model import Plan
from hkqh_tui.core.plan.view import (
    AVAILABILITY_LABELS,
    AVAILABILITY_MARKS,
    AVAILABILITY_STYLES,
    MeasureView,
    counts,
    plan_views,
)
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.key_footer import KeyFooter

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("2026年行動方案", "2026 Action Plan"),
    "known": ("已知：", "Known: "),
    "no_entry": ("未有項目：報道沒有提供可以使用的細節。", "No entry yet: the reports give nothing a person can use."),
    "related": ("（相關）", " (related)"),
    "missing": ("不在此資料集", "not in this dataset"),
    "sources": ("來源：", "Sources: "),
    "error": ("未能載入行動方案檔案：", "The plan file could not be loaded:"),
    "no_measures": ("行動方案檔案未列出任何措施。", "The plan file lists no measures."),
}


def _word(key: str, script: Script) -> str:
    return pick(_WORDS[key], script)


def measure_line(view: MeasureView, script: Script) -> RichText:
    """One measure as one line: availability mark and label, then the title (cut with … when too long)."""
    availability = view.availability
    style = AVAILABILITY_STYLES[availability]
    line = RichText(no_wrap=True, overflow="ellipsis", end="")
    label = show(AVAILABILITY_LABELS[availability], script)
    line.append(f"{AVAILABILITY_MARKS[availability]} ", style=style)
    line.append(label.ljust(12) + " " if script == "en" else label + " ", style=style)
    line.append(show(view.measure.title, script))
    return line


def entry_line(dataset: Dataset, service: Service, script: Script, *, related: bool = False) -> RichText:
    """One entry as one line: status, title, and "related" for an entry that is not the measure itself."""
    line = RichText(no_wrap=True, overflow="ellipsis", end="")
    line.append("→ ", style="dim")
    line.append(show(dataset.vocabularies.statuses.label(service.status), script), style=STATUS_STYLES.get(service.status, ""))
    if related:
        line.append(_word("related", script), style="dim")
    line.append("  " + show(service.title, script))
    return line


class PlanScreen(UsesHkqhApp, Screen):
    """Every measure of the plan; Enter opens its entries; Esc goes back."""

    DEFAULT_CSS = """
    PlanScreen OptionList { text-wrap: nowrap; text-overflow: ellipsis; }
    PlanScreen #plan-measures { height: 1fr; border: none; }
    PlanScreen #plan-known { height: 4; padding: 0 1; color: $text-muted; }
    PlanScreen #plan-entries { height: 4; border: none; }
    PlanScreen #plan-error { padding: 1 2; }
    """

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back"),
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, plan: Plan | None, problems: list[str] | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.problems = problems or []
        self.rows: list[MeasureView | None] = []  # None for a part heading

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        if self.plan is None:
            yield Static(id="plan-error")
        else:
            yield OptionList(id="plan-measures")
            yield Static(id="plan-known")
            yield OptionList(id="plan-entries")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.follow_app(on_script=self.apply_script, on_checklist=self.refresh_view)
        self.hkqh.localize()
        self.refresh_view()
        if self.plan is not None:
            self.query_one("#plan-measures", OptionList).focus()

    def apply_script(self) -> None:
        self.refresh_view()

    @property
    def script(self) -> Script:
        return self.hkqh.script

    def refresh_view(self) -> None:
        """Draw the plan (or the problems with its file) in the current script."""
        script, dataset = self.script, self.loaded_dataset
        title = RichText(f" hkqh · {_word('title', script)}", no_wrap=True, overflow="ellipsis")
        if self.plan is None:
            self.query_one("#title-bar", Static).update(title)
            body = RichText(_word("error", script) + "\n\n", style="bold")
            for problem in self.problems[:15]:
                body.append(problem + "\n")
            self.query_one("#plan-error", Static).update(body)
            return
        tally = counts(self.plan, dataset)
        for availability in ("usable", "not-yet", "no-entry"):
            title.append(f"  {AVAILABILITY_MARKS[availability]} {tally[availability]}")
        self.query_one("#title-bar", Static).update(title)
        measures = self.query_one("#plan-measures", OptionList)
        highlighted = measures.highlighted
        options: list[Option] = []
        self.rows = []
        for part_id, views in plan_views(self.plan, dataset):
            part = self.plan.part(part_id)
            heading = RichText(show(part.title, script) if part else part_id, style="bold underline",
                               no_wrap=True, overflow="ellipsis", end="")
            options.append(Option(heading, id=f"part-{part_id}", disabled=True))
            self.rows.append(None)
            for view in views:
                options.append(Option(measure_line(view, script), id=f"measure-{len(self.rows)}"))
                self.rows.append(view)
        measures.set_options(options)
        if highlighted is None or highlighted >= len(self.rows) or self.rows[highlighted] is None:
            highlighted = next((i for i, row in enumerate(self.rows) if row is not None), None)
        if highlighted is None:
            self.query_one("#plan-known", Static).update(RichText(_word("no_measures", script), style="dim"))
            return
        measures.highlighted = highlighted
        self.show_measure(self.rows[highlighted])

    def current(self) -> MeasureView | None:
        """The highlighted measure."""
        highlighted = self.query_one("#plan-measures", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.rows):
            return None
        return self.rows[highlighted]

    def entry_ids(self, view: MeasureView) -> list[str]:
        """The entries of a measure, then the related ones, as shown in the entries list."""
        return [s.id for s in view.services] + [s.id for s in view.related]

    def show_measure(self, view: MeasureView | None) -> None:
        """Fill the panes below the list with what is known of ``view`` and its entries."""
        if view is None or self.plan is None:
            return
        script, dataset = self.script, self.loaded_dataset
        known = RichText(_word("known", script), style="bold")
        known.append(show(view.measure.known, script))
        sources = [self.plan.source(i) for i in view.measure.sources]
        names = (", " if script == "en" else "、").join(f"{s.publisher} {s.date_label()}" for s in sources if s)
        known.append(f"\n{_word('sources', script)}{names}", style="dim")
        self.query_one("#plan-known", Static).update(known)
        entries = self.query_one("#plan-entries", OptionList)
        options = [Option(entry_line(dataset, s, script), id=s.id) for s in view.services]
        options += [Option(entry_line(dataset, s, script, related=True), id=s.id) for s in view.related]
        for service_id in view.missing:
            options.append(Option(RichText(f"→ {service_id} ({_word('missing', script)})", style="dim", no_wrap=True,
                                           overflow="ellipsis", end=""), id=f"missing-{service_id}", disabled=True))
        if not view.services:
            options.insert(0, Option(RichText(f"○ {_word('no_entry', script)}", style="dim", no_wrap=True,
                                              overflow="ellipsis", end=""), id="no-entry", disabled=True))
        entries.set_options(options)

    # ---- events and actions -----------------------------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "plan-measures":
            self.show_measure(self.current())
            event.option_list.call_after_refresh(event.option_list.scroll_to_highlight)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "plan-entries":
            self.open_entry(event.option_id)
            return
        view = self.current()
        if view is None:
            return
        ids = self.entry_ids(view)
        if not ids:
            self.hkqh.notify(_word("no_entry", self.script))
        elif len(view.services) == 1 and not view.related:
            self.open_entry(ids[0])
        else:
            entries = self.query_one("#plan-entries", OptionList)
            entries.focus()
            entries.highlighted = next(i for i, option in enumerate(entries.options) if not option.disabled)

    def open_entry(self, service_id: str | None) -> None:
        """Read one entry in full."""
        if service_id and self.loaded_dataset.get(service_id) is not None:
            from hkqh_tui.ui.screens.detail import DetailScreen

            self.hkqh.push_screen(DetailScreen(service_id))

    def action_back(self) -> None:
        entries = self.query_one("#plan-entries", OptionList) if self.plan is not None else None
        if entries is not None and entries.has_focus:
            self.query_one("#plan-measures", OptionList).focus()
        else:
            self.hkqh.pop_screen()

    def action_cursor_down(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_down()

    def action_cursor_up(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_up()
