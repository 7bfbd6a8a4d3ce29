"""The main screen: search box, filters, results and (on wide terminals) the detail of the highlighted service."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.background_search import ScreenSearch
from hkqh_tui.ui.latest_only import LatestOnly
from hkqh_tui.ui.strings import tr
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.filter_bar import FilterBar
from hkqh_tui.ui.widgets.key_footer import KeyFooter
from hkqh_tui.ui.widgets.results import LazyRows, ResultRow, ResultsList, row_ids
from hkqh_tui.ui.widgets.search_input import SearchInput
from hkqh_tui.ui.widgets.service_detail import ServiceDetail

WIDE_ENOUGH_FOR_SIDE_DETAIL = 110
"""Below this many columns the detail opens as its own screen."""


class MainScreen(UsesHkqhApp, Screen):
    """Type, see the right services, read one, mark it."""

    AUTO_FOCUS = "#search"
    HELP_CONTEXT = "main"

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="focus_search"),
        Binding("f", "focus_filters", "Filters", id="filters"),
        Binding("x", "clear_filters", "Clear filters", show=False, id="clear_filters"),
        Binding("o", "links", "Links", show=False, id="links"),
        Binding("c", "app.checklists", "Checklists", id="checklists"),
        Binding("p,f3", "app.plan", "2026 plan", id="plan"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self._search = LatestOnly(self, lambda: self.refresh_results(from_top=True))
        self._finder = ScreenSearch(self, self._show_results)

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield SearchInput(id="search", select_on_focus=False)
        yield FilterBar(id="filter-bar")
        with Horizontal(id="body"):
            with Vertical(id="results-pane"):
                yield ResultsList(id="results")
                yield Static(id="empty-state")
            yield ServiceDetail(id="side-detail")
        yield Static(id="status-line")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.follow_app(
            on_script=self.apply_script,
            on_checklist=self.refresh_results,
            on_filters=self.refresh_results,
            on_search_ready=self._search_ready,
        )
        self.hkqh.localize()
        self.update_layout(self.hkqh.size.width)
        self.apply_script()
        # The search box has the focus from the first frame, so typing at once searches (and nothing typed is lost).
        self.set_focus(self.query_one("#search", Input))
        self.hkqh.take_keys()
        self.set_timer(0.2, self.hkqh.warm_up)

    def on_resize(self, event) -> None:
        self.update_layout(event.size.width)

    def update_layout(self, width: int) -> None:
        """Show the detail beside the results on wide terminals only."""
        wide = width >= WIDE_ENOUGH_FOR_SIDE_DETAIL
        self.set_class(wide, "-wide")
        side = self.query_one("#side-detail")
        if not wide and self.focused is not None and (self.focused is side or side in self.focused.ancestors):
            # The focused pane is about to be hidden: keep the keyboard alive on the results.
            self.focus_results()
            if self.focused is side:
                self.set_focus(self.query_one("#search", Input))
        side.display = wide
        if wide and self.query_one(ResultsList).rows:
            self.show_side_detail()

    @property
    def wide(self) -> bool:
        return self.has_class("-wide")

    # ---- language ---------------------------------------------------------------------------------------------

    def apply_script(self) -> None:
        """Relabel everything in the current script (the filter bar follows the script itself)."""
        self.query_one("#search", Input).placeholder = tr("search_placeholder", self.hkqh.script)
        self.refresh_results()

    # ---- results ----------------------------------------------------------------------------------------------

    def refresh_results(self, *, from_top: bool = False) -> None:
        """Search again with the current query and filters, and redraw the results.

        ``from_top`` highlights the best result (after the query changed); otherwise the highlighted service stays.
        """
        self._finder.search(self.query_text, from_top=from_top)

    def _show_results(self, results: Sequence, query: str, *, from_top: bool) -> None:
        """Draw ``results`` (found for ``query``) as the rows of the results list."""
        app = self.hkqh
        script: Script = app.script
        vocab = self.loaded_dataset.vocabularies
        marked = app.marked_ids()
        highlight = bool(query.strip())

        def make_row(result) -> ResultRow:
            service = result.service
            title = show(service.title, script)
            return ResultRow(
                service_id=service.id,
                title=title,
                spans=result.spans(title) if highlight else [],
                category=show(vocab.categories.label(service.category), script),
                status=service.status,
                status_label=show(vocab.statuses.label(service.status), script),
                marked=service.id in marked,
                related=getattr(result, "confidence", "strong") == "weak",
            )

        # Search results know their services without making every result; a plain listing is a list of them.
        services = getattr(results, "services", None) or [result.service for result in results]
        rows = LazyRows(results, make_row, [service.id for service in services])
        categories = {service.category for service in services}
        category_width = min(
            14, max([cell_len(show(vocab.categories.label(c), script)) for c in categories] + [4])
        )
        status_width = max([cell_len(show(vocab.statuses.label(k), script)) for k in vocab.statuses.keys()] + [4])
        results_list = self.query_one(ResultsList)
        results_list.show_rows(rows, category_width, status_width, from_top=from_top)
        self._update_empty_state(len(rows), query)
        self._update_status_line(len(rows))
        self._update_title()
        if self.wide:
            self.show_side_detail()

    def _search_ready(self) -> None:
        if self._finder.waiting:
            self.refresh_results(from_top=True)

    def _update_empty_state(self, count: int, query: str) -> None:
        # ``query`` is what the shown results were found for: on a worker, the box may hold more by now.
        app = self.hkqh
        script = app.script
        empty = self.query_one("#empty-state", Static)
        results_list = self.query_one(ResultsList)
        results_list.display = count > 0
        empty.display = count == 0
        if count:
            return
        lines = []
        if query.strip():
            lines.append(tr("nothing_found", script, query=query.strip()[:80]))
        active = app.describe_filters()
        if active:
            lines.append(tr("nothing_found_filters", script, filters=active) if query.strip()
                         else tr("nothing_filtered", script))
        if query.strip():
            lines.append(tr("nothing_found_tips", script))
        empty.update(literal("\n\n".join(lines)))

    def _update_status_line(self, count: int) -> None:
        app = self.hkqh
        script = app.script
        total = len(self.loaded_dataset.services)
        text = tr("results_count_one", script) if count == 1 else tr("results_count", script, count=count)
        if count != total:
            text += tr("results_of_total", script, total=total)
        filters = app.describe_filters()
        if filters:
            text += f"  ·  {tr('filters_active', script)}: {filters}"
        text += f"  ·  {app.checklist_summary()}"
        self.query_one("#status-line", Static).update(literal(text, multiline=False))

    def _update_title(self) -> None:
        app = self.hkqh
        language = {"hant": "繁", "hans": "简", "en": "EN"}[app.script]
        self.query_one("#title-bar", Static).update(
            RichText(f" hkqh · {tr('app_title', app.script)}   [{language}]")
        )

    def show_side_detail(self) -> None:
        """Show the highlighted service in the side pane."""
        app = self.hkqh
        service_id = self.query_one(ResultsList).highlighted_service_id
        service = self.loaded_dataset.get(service_id) if service_id else None
        self.query_one(ServiceDetail).show_service(
            self.loaded_dataset, service, app.script, marked=bool(service and service.id in app.marked_ids())
        )

    # ---- events -----------------------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._search.request()

    @on(SearchInput.Leave)
    def search_left(self) -> None:
        self.focus_results()

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.focus_results()

    @on(ResultsList.OptionHighlighted)
    def highlighted(self) -> None:
        if self.wide:
            self.show_side_detail()

    @on(ResultsList.OptionSelected)
    def selected(self, event: ResultsList.OptionSelected) -> None:
        if event.option_id:
            self.open_detail(event.option_id)

    @on(ResultsList.ToggleMark)
    def toggle_mark(self, event: ResultsList.ToggleMark) -> None:
        self.hkqh.toggle_mark(event.service_id)

    def open_detail_by_id(self, service_id: str) -> None:
        """Highlight ``service_id`` in the results (clearing the query if needed) and open it."""
        results = self.query_one(ResultsList)
        ids = row_ids(results.rows)
        if service_id not in ids:
            # Not posted as a change of the query: that would highlight the best result again, after this one.
            with self.prevent(Input.Changed):
                self.query_one("#search", Input).value = ""
            self.query_text = ""
            if self.hkqh.filters:
                self.hkqh.clear_filters()  # this screen follows the filters: it searches again
            else:
                self.refresh_results()
            ids = row_ids(results.rows)
        if service_id in ids:
            results.build_through(ids.index(service_id))
            results.highlighted = ids.index(service_id)
        self.open_detail(service_id)

    def open_detail(self, service_id: str) -> None:
        """Open a service: focus the side pane when wide, else push the detail screen."""
        if self.wide:
            self.show_side_detail()
            self.query_one(ServiceDetail).focus()
        else:
            from hkqh_tui.ui.screens.detail import DetailScreen

            self.hkqh.push_screen(DetailScreen(service_id))

    def focus_results(self) -> None:
        """Move the focus to the results (or leave it in the search box when there are none)."""
        results_list = self.query_one(ResultsList)
        if results_list.display:
            self.set_focus(results_list)

    # ---- actions ----------------------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # Focus at once (Widget.focus() defers it), so keys typed right after "/" land in the search box.
        self.set_focus(self.query_one("#search", Input))

    def action_focus_filters(self) -> None:
        self.query_one(FilterBar).focus_first()

    def action_clear_filters(self) -> None:
        self.hkqh.clear_filters()

    def action_links(self) -> None:
        service_id = self.query_one(ResultsList).highlighted_service_id
        if service_id:
            self.hkqh.show_links(service_id)
