"""Filters never hide what fits: a service for everyone fits every audience; "any audience" reads apart from "everyone".
The app owns the filters: a change, wherever it is made, reaches the results, the status line, every filter bar and
the saved settings."""

from __future__ import annotations

import json

import pytest
from textual.widgets import OptionList, Select

from hkqh_tui.core.dataset.filters import Filters
from hkqh_tui.core.storage.paths import settings_file
from hkqh_tui.ui.screens.for_me import ForMeScreen
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.strings import tr
from hkqh_tui.ui.widgets.filter_bar import FilterBar
from hkqh_tui.ui.widgets.results import ResultsList
from tests.ui.conftest import rendered_text
from tests.ui.test_first_frame import SIZES


def _ids(app) -> list[str]:
    return [row.service_id for row in app.screen.query_one(ResultsList).rows]


async def test_transport_for_the_elderly_shows_the_port_for_everyone(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.set_filter("category", "transport")
        app.set_filter("audience", "elderly")
        await pilot.pause()
        assert _ids(app) == ["port-test"]
        app.set_filter("category", None)
        await pilot.pause()
        assert set(_ids(app)) == {"port-test", "ehcv-test"}


@pytest.mark.parametrize("script", ["hant", "hans", "en"])
async def test_any_audience_and_everyone_read_differently(make_app, script):
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        app.set_script(script)
        await pilot.pause()
        select = app.screen.query_one(FilterBar).select("audience")
        labels = {str(prompt) for prompt, _ in select._options}
        everyone = next(str(prompt) for prompt, value in select._options if value == "everyone")
        blank = select.prompt
        assert everyone != blank and everyone in labels
        assert blank not in (labels - {blank}) and everyone.strip() and blank.strip()
        assert isinstance(select, Select)


# ---- the app owns the filters: a change reaches the results, the status line, every filter bar and the settings ----


def _write_settings(**values) -> None:
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(json.dumps({"for_me_offered": True, **values}), encoding="utf-8")


def _saved_filters() -> dict[str, str | None]:
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    return {name: saved[name] for name in ("category", "audience", "status")}


def _shown(app, name: str) -> str | None:
    value = app.screen.query_one(FilterBar).select(name).value
    return None if value is Select.NULL else value


async def _choose_with_keys(pilot, app, name: str, value: str) -> None:
    """Open the focused select of filter ``name`` with Enter, move down to ``value``, take it with Enter."""
    select = app.screen.query_one(FilterBar).select(name)
    assert app.focused is select
    await pilot.press("enter")
    await pilot.pause()
    drop_down = select.query_one(OptionList)
    for _ in range(len(select._options) + 1):
        highlighted = drop_down.highlighted
        if highlighted is not None and select._options[highlighted][1] == value:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


def _status_line(app, width: int = 200) -> str:
    return rendered_text(app.screen.query_one("#status-line"), width)


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)])
async def test_a_status_chosen_with_the_keyboard_filters_the_results_and_is_saved(make_app, size):
    _write_settings(script="en")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("escape", "f", "tab", "tab")
        await pilot.pause()
        assert app.focused.id == "filter-status"
        await _choose_with_keys(pilot, app, "status", "announced")
        assert app.filters == Filters(status="announced")
        assert _ids(app) == ["voucher-test"]
        assert "filtered: Announced" in _status_line(app)
        assert _shown(app, "status") == "announced"
    assert _saved_filters() == {"category": None, "audience": None, "status": "announced"}
    again = make_app()
    async with again.run_test(size=size) as pilot:
        await pilot.pause()
        assert again.filters == Filters(status="announced")
        assert _shown(again, "status") == "announced" and _ids(again) == ["voucher-test"]


async def test_a_filter_from_the_command_palette_shows_in_the_bar_results_and_settings(make_app):
    _write_settings(script="en")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        command = next(c for c in app.get_system_commands(app.screen) if c.help == "category = transport")
        command.callback()
        await pilot.pause()
        assert _shown(app, "category") == "transport"
        assert _ids(app) == ["port-test"]
        assert "filtered: Transport" in _status_line(app)
    assert _saved_filters()["category"] == "transport"


async def test_clearing_the_filters_clears_the_bar_results_and_settings(make_app):
    _write_settings(script="en", category="transport", status="operating")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _ids(app) == ["port-test"] and _shown(app, "status") == "operating"
        await pilot.press("escape", "x")
        await pilot.pause()
        assert app.filters == Filters()
        assert [_shown(app, name) for name in ("category", "audience", "status")] == [None, None, None]
        assert len(_ids(app)) == 3 and "filtered" not in _status_line(app)
    assert _saved_filters() == {"category": None, "audience": None, "status": None}


async def test_nothing_left_says_the_filters_are_the_reason(make_app):
    _write_settings(script="en")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.set_filter("category", "legal")
        await pilot.pause()
        assert _ids(app) == []
        empty = app.screen.query_one("#empty-state")
        assert empty.display and "Press x to clear them" in rendered_text(empty)
        app.clear_filters()
        await pilot.pause()
        assert not empty.display and len(_ids(app)) == 3


async def test_changes_one_after_another_end_on_the_last_one(make_app):
    """What the bar shows of a change is never posted back as a choice (that would undo the next change)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.set_filter("category", "visit")
        app.set_filter("category", "transport")
        app.set_filter("status", "operating")
        await pilot.pause()
        await pilot.pause()
        assert app.filters == Filters(category="transport", status="operating")
        assert _shown(app, "category") == "transport" and _shown(app, "status") == "operating"
        assert _ids(app) == ["port-test"]
    assert _saved_filters() == {"category": "transport", "audience": None, "status": "operating"}


async def test_a_language_switch_relabels_the_bar_and_keeps_its_values(make_app):
    _write_settings(script="hant", category="transport")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        select = app.screen.query_one(FilterBar).select("category")
        assert "跨境交通" in {str(prompt) for prompt, _ in select._options}
        app.set_script("en")
        await pilot.pause()
        assert "Transport" in {str(prompt) for prompt, _ in select._options}
        assert _shown(app, "category") == "transport" and app.filters == Filters(category="transport")
        assert "filtered: Transport" in _status_line(app)
    assert _saved_filters()["category"] == "transport"


async def test_a_filter_set_in_for_me_reaches_the_main_screen_under_it(make_app):
    _write_settings(script="en", profile={"age": "70-plus"})
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "f4")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        await pilot.press("f")
        await _choose_with_keys(pilot, app, "category", "transport")
        assert app.filters == Filters(category="transport")
        listing = app.screen.query_one("#for-me-list")
        shown = {listing.get_option_at_index(i).id for i in range(listing.option_count)} - {None}
        assert shown == {"port-test"}
        assert "Transport" in _status_line(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert _shown(app, "category") == "transport"
        assert _ids(app) == ["port-test"] and "filtered: Transport" in _status_line(app)
    assert _saved_filters()["category"] == "transport"


async def test_opening_a_service_the_filters_hide_clears_them_and_highlights_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        app.set_filter("category", "transport")
        await pilot.press(*"port")
        await pilot.pause()
        assert _ids(app) == ["port-test"]
        app.open_service("ehcv-test")
        await pilot.pause()
        await pilot.pause()
        results = app.screen.query_one(ResultsList)
        assert app.filters == Filters() and _shown(app, "category") is None
        assert len(_ids(app)) == 3 and results.highlighted_service_id == "ehcv-test"
        assert app.screen.query_one("#search").value == ""


# ---- the selects are mounted one frame after the bar: what is asked before then is done once they are there ----


async def test_keys_and_changes_made_before_the_selects_are_mounted_reach_them(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        bar = app.screen.query_one(FilterBar)
        assert not bar.ready
        app.screen.action_focus_filters()
        app.set_script("en")
        app.set_filter("audience", "elderly")
        await pilot.pause()
        await pilot.pause()
        assert bar.ready
        assert app.focused is bar.select("category")
        assert bar.select("audience").prompt == tr("all_audiences", "en")
        assert _shown(app, "audience") == "elderly"


async def test_the_three_selects_fill_the_bars_one_line(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(FilterBar)
        assert bar.ready and bar.region.height == 1
        assert len(bar.query(Select)) == 3
