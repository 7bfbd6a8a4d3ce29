""""For me": the services that fit the person's profile, best first with the reasons, then those that almost fit
with what is missing, then those whose conditions the dataset does not state. The search box and the filters narrow
the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick
from hkqh_tui.core.profile.matching import ForMe, Match, Verdict, for_me
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.background_search import ScreenSearch
from hkqh_tui.ui.latest_only import LatestOnly
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.filter_bar import FilterBar
from hkqh_tui.ui.widgets.key_footer import KeyFooter
from hkqh_tui.ui.widgets.results import MARK, SERVICE_LIST_BINDINGS, fit
from hkqh_tui.ui.widgets.search_input import SearchInput

if TYPE_CHECKING:
    from hkqh_tui.ui.app import HkqhApp

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("為你推薦", "For me"),
    "fits": ("適合你（{n}）", "Fits you ({n})"),
    "almost": ("差不多適合：欠缺或待核實（{n}）", "Almost fits: missing or to check ({n})"),
    "not_stated": ("未列明資格條件，請閱讀詳情（{n}）", "No conditions stated: read the details ({n})"),
    "does_not_fit": ("不適合（{n}）", "Does not fit ({n})"),
    "search_placeholder": ("在結果中搜尋… ( / )", "Search these services… ( / )"),
    "status": ("{fits} 項適合 · {almost} 項差不多適合 · {no} 項不適合", "{fits} fit · {almost} almost · {no} do not fit"),
    "answered": ("已答 {n} 題，按 p 修改", "{n} answered, p to edit"),
    "empty_profile": ("你未回答任何問題：按 p 回答幾條簡單問題，即可看到適合你的服務。",
                      "You have not answered any question: press p to answer a few, and see what fits you."),
    "nothing": ("沒有服務符合目前的搜尋或篩選。", "No service matches this search or these filters."),
    "why": ("原因：", "Why: "),
    "missing": ("欠缺或待核實：", "Missing or to check: "),
    "not_met": ("不符合：", "Not met: "),
}


def words(key: str, script: Script, **values: object) -> str:
    """Words of this screen in ``script``."""
    text = pick(_WORDS[key], script)
    return text.format(**values) if values else text


def row_text(match: Match, title: str, marked: bool, width: int, script: Script) -> RichText:
    """One service on one line: checklist mark, title, then why it fits (or what is missing) in colour."""
    text = RichText(no_wrap=True, overflow="crop")
    text.append(f"{MARK} " if marked else "  ", style="bold green")
    if match.verdict in (Verdict.ALMOST, Verdict.DOES_NOT_FIT):
        hints = match.missing  # what sets it apart: what is missing
    elif match.verdict is Verdict.NOT_STATED:
        hints = match.reasons
    else:
        hints = match.reasons or match.missing
    first = hints[0] if hints else None
    hint = first.show(script) if first else ""
    title_width = max(10, (width - 2) // 2) if hint else width - 2
    fitted, _ = fit(title, title_width)
    text.append(fitted)
    if hint:
        text.append(" " * max(1, title_width - cell_len(fitted) + 1))
        style = "green" if match.verdict in (Verdict.FITS, Verdict.FOR_PARENT) else (
            "yellow" if match.verdict in (Verdict.ALMOST, Verdict.DOES_NOT_FIT) else "dim")
        text.append(fit(hint, max(0, width - 2 - title_width - 1))[0], style=style)
    return text


class ForMeList(UsesHkqhApp, OptionList):
    """The placed services under group headings; Space marks, Enter reads."""

    BINDINGS = [*SERVICE_LIST_BINDINGS]

    @property
    def highlighted_service_id(self) -> str | None:
        """The service on the highlighted line, if any."""
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.disabled else option.id

    def action_toggle_mark(self) -> None:
        service_id = self.highlighted_service_id
        if service_id:
            self.hkqh.toggle_mark(service_id)


class ForMeScreen(UsesHkqhApp, Screen):
    """The services for the person's situation, and why."""

    DEFAULT_CSS = """
    #for-me-list { height: 1fr; border: none; }
    #for-me-why { height: 3; padding: 0 1; border-top: solid $primary 50%; }
    """

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back"),
        Binding("p", "edit_profile", "Profile", id="edit_profile"),
        Binding("slash", "focus_search", "Search", id="focus_search"),
        Binding("f", "focus_filters", "Filters", id="filters"),
        Binding("x", "clear_filters", "Clear filters", show=False, id="clear_filters"),
        Binding("a", "toggle_unfit", "Show all", id="toggle_unfit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self._search = LatestOnly(self, self.refresh_view)
        self.show_unfit = False
        self.placed: ForMe | None = None
        self._finder = ScreenSearch(self, lambda results, _query, from_top: self._place(results))


    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield SearchInput(id="search", select_on_focus=False)  # the main screen's ids share its styles
        yield FilterBar(id="filter-bar")
        yield ForMeList(id="for-me-list")
        yield Static(id="for-me-why")
        yield Static(id="status-line")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.follow_app(
            on_script=self.apply_script,
            on_checklist=self.refresh_view,
            on_filters=self.refresh_view,
            on_search_ready=self._search_ready,
        )
        self.hkqh.localize()
        self.apply_script()
        self.set_focus(self.query_one(ForMeList))

    def apply_script(self) -> None:
        """Relabel everything in the current script (the filter bar follows the script itself)."""
        self.query_one("#search", Input).placeholder = words("search_placeholder", self.hkqh.script)
        self.refresh_view()

    def refresh_view(self) -> None:
        """Place the services that pass the search and the filters, and draw them (again whenever the app's
        script, checklist or filters change)."""
        self._finder.search(self.query_text, from_top=False)

    def _place(self, results: Sequence) -> None:
        """Place the services found (best first) by how they fit the profile, and draw them."""
        app = self.hkqh
        script: Script = app.script
        services = [result.service for result in results]
        self.placed = for_me(self.loaded_dataset, app.profile, services)
        self.query_one("#title-bar", Static).update(
            RichText(f" hkqh · {words('title', script)}   [{ {'hant': '繁', 'hans': '简', 'en': 'EN'}[script] }]")
        )
        self._draw()
        self._update_status()

    def _search_ready(self) -> None:
        if self._finder.waiting:
            self.refresh_view()

    def _draw(self) -> None:
        app = self.hkqh
        script: Script = app.script
        placed = self.placed
        if placed is None:
            return
        listing = self.query_one(ForMeList)
        keep = listing.highlighted_service_id
        width = max(20, listing.scrollable_content_region.width or listing.size.width or self.hkqh.size.width)
        marked = app.marked_ids()
        options: list[Option] = []
        groups = [("fits", placed.fits), ("almost", placed.almost), ("not_stated", placed.not_stated)]
        if self.show_unfit:
            groups.append(("does_not_fit", placed.does_not_fit))
        if app.profile.is_empty():
            options.append(Option(RichText(words("empty_profile", script), style="bold yellow"), disabled=True))
        for key, matches in groups:
            if not matches:
                continue
            options.append(Option(RichText(fit(words(key, script, n=len(matches)), width)[0], style="bold underline"),
                                  disabled=True))
            for match in matches:
                title = show(match.service.title, script)
                options.append(Option(row_text(match, title, match.service.id in marked, width, script),
                                      id=match.service.id))
        if not any(matches for _, matches in groups):
            options.append(Option(RichText(words("nothing", script), style="dim"), disabled=True))
        listing.set_options(options)
        ids = [option.id for option in options]
        if keep is not None and keep in ids:
            listing.highlighted = ids.index(keep)
        else:
            first = next((i for i, option in enumerate(options) if not option.disabled), None)
            listing.highlighted = first
        self.show_why()

    def _update_status(self) -> None:
        app = self.hkqh
        script: Script = app.script
        placed = self.placed
        if placed is None:
            return
        text = words("status", script, fits=len(placed.fits), almost=len(placed.almost), no=len(placed.does_not_fit))
        text += "  ·  " + words("answered", script, n=app.profile.answered())
        filters = app.describe_filters()
        if filters:
            text += f"  ·  {filters}"
        # Filter labels come from the dataset: never markup.
        self.query_one("#status-line", Static).update(literal(text, multiline=False))

    def show_why(self) -> None:
        """The reasons (and what is missing) of the highlighted service, below the list."""
        script: Script = self.hkqh.script
        why = self.query_one("#for-me-why", Static)
        service_id = self.query_one(ForMeList).highlighted_service_id
        match = self.placed.by_id().get(service_id) if self.placed and service_id else None
        if match is None:
            why.update("")
            return
        text = RichText()
        if match.reasons:
            if match.verdict is not Verdict.NOT_STATED:  # there the hint says "may be for you" itself
                text.append(words("why", script), style="bold")
            text.append(("；" if script != "en" else "; ").join(r.show(script) for r in match.reasons), style="green")
        if match.missing:
            if text:
                text.append("\n")
            label = "not_met" if match.verdict is Verdict.DOES_NOT_FIT else "missing"
            if match.verdict is not Verdict.NOT_STATED:
                text.append(words(label, script), style="bold")
            text.append(("；" if script != "en" else "; ").join(m.show(script) for m in match.missing),
                        style="dim" if match.verdict is Verdict.NOT_STATED else "yellow")
        why.update(text)

    def on_resize(self) -> None:
        if self.placed is not None:
            self._draw()

    # ---- events -------------------------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._search.request()

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.focus_list()

    @on(OptionList.OptionHighlighted, "#for-me-list")
    def highlighted(self) -> None:
        self.show_why()

    @on(OptionList.OptionSelected, "#for-me-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            from hkqh_tui.ui.screens.detail import DetailScreen

            self.hkqh.push_screen(DetailScreen(event.option_id))

    @on(SearchInput.Leave)
    def _search_left(self) -> None:
        self.focus_list()

    def focus_list(self) -> None:
        """Move the focus to the list."""
        self.set_focus(self.query_one(ForMeList))

    # ---- actions ------------------------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.hkqh.pop_screen()

    def action_edit_profile(self) -> None:
        self.hkqh.edit_profile(then=self.refresh_view)

    def action_focus_search(self) -> None:
        self.set_focus(self.query_one("#search", Input))

    def action_focus_filters(self) -> None:
        self.query_one(FilterBar).focus_first()

    def action_clear_filters(self) -> None:
        self.hkqh.clear_filters()

    def action_toggle_unfit(self) -> None:
        self.show_unfit = not self.show_unfit
        self.refresh_view()


_WORDS.update({
    "offer": ("新功能：按 F4 回答幾條簡單問題，即可看到適合你的服務及原因。",
              "New: press F4, answer a few short questions, and see the services that fit you, and why."),
    "cleared": ("已清除你的資料。", "Your answers are forgotten."),
    "cmd_for_me": ("為你推薦：適合你的服務", "For me: services that fit my situation"),
    "cmd_for_me_help": ("按你的情況排列，附原因（m）", "Best first, with the reasons (m)"),
    "cmd_profile": ("為你推薦：修改你的情況", "For me: edit my situation"),
    "cmd_profile_help": ("每題都可略過，答案只存於本機", "Every question is optional; kept on this computer"),
    "cmd_clear": ("為你推薦：清除你的情況", "For me: forget my answers"),
    "cmd_clear_help": ("刪除設定檔內的答案", "Removes them from the settings file"),
})


def offer_text(script: Script) -> str:
    """The one-time hint that "For me" exists."""
    return words("offer", script)


def palette_commands(app: HkqhApp, script: Script) -> list[tuple[str, str, Callable[[], object]]]:
    """(title, help, callback) of the command palette's "For me" commands."""
    return [
        (words("cmd_for_me", script), words("cmd_for_me_help", script), app.action_for_me),
        (words("cmd_profile", script), words("cmd_profile_help", script),
         lambda: app.edit_profile(then=app.refresh_screens)),
        (words("cmd_clear", script), words("cmd_clear_help", script), app.clear_profile),
    ]
