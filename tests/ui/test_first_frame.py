"""The first five minutes: typing at once searches, nothing typed while the app starts is lost, ctrl+p works."""

from __future__ import annotations

from textual import events
from textual.command import CommandPalette
from textual.widgets import Input

from hkqh_tui.ui.screens.help import HelpScreen
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.widgets.results import ResultsList

SIZES = [(120, 35), (100, 30), (80, 24), (60, 20)]


def press_before_start(app, text: str) -> None:
    """Queue key presses before the app runs, as a terminal does with keys typed while a program starts."""
    for character in text:
        key = {" ": "space"}.get(character, character)
        app.post_message(events.Key(key, character))


async def test_search_box_has_the_focus_on_the_first_frame(make_app):
    for size in SIZES:
        app = make_app()
        async with app.run_test(size=size):
            assert isinstance(app.screen, MainScreen)
            assert isinstance(app.focused, Input) and app.focused.id == "search", size


async def test_chinese_typed_while_starting_is_searched_not_lost(make_app):
    app = make_app()
    press_before_start(app, "深圳灣 ")
    async with app.run_test(size=(80, 24)) as pilot:
        def first_row() -> str | None:
            rows = app.screen.query_one(ResultsList).rows
            return rows[0].service_id if rows else None

        for _ in range(40):  # on a busy machine the search may take a few frames to come back
            await pilot.pause(0.05)
            if app.screen.query_one("#search", Input).value == "深圳灣 " and first_row() == "port-test":
                break
        assert app.screen.query_one("#search", Input).value == "深圳灣 "
        assert first_row() == "port-test"
        assert app.checklist.service_ids() == [], "space typed in the search box is a space, not 'add to checklist'"


async def test_letters_typed_at_once_do_not_act_as_commands(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"school c")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "c must not open the checklist while typing"
        assert app.screen.query_one("#search", Input).value == "school c"
        assert app.checklist.service_ids() == []


async def test_ctrl_p_opens_the_command_palette_everywhere(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        await pilot.press("escape", "c")  # to the results, then the checklist screen
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)


async def test_ctrl_p_still_works_after_a_language_change(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)


async def test_question_mark_in_an_empty_search_box_opens_help_but_types_after_text(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"why?")
        await pilot.pause()
        assert app.focused.value == "why?"
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), "F1 opens the help from the search box too"


async def test_keyboard_alive_after_wide_to_narrow_resize(make_app):
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("escape", "enter")  # results, then read the service beside them
        await pilot.pause()
        assert app.focused.id == "side-detail"
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.focused is not None and app.focused.display
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.query_one(ResultsList).highlighted == 1


async def test_quitting_just_after_keys_typed_while_starting_raises_nothing(make_app):
    # The replayed keys ask for two repaints, 0.1 s and 0.4 s later; quitting before them leaves no screen to paint.
    app = make_app()
    press_before_start(app, "深圳")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert not app.screen_stack
    app._repaint()  # what a timer firing during shutdown does: nothing, and no error
