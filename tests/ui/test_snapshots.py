"""Pictures of the screens at 120x35, 100x30, 80x24 and 60x20, in Traditional Chinese, Simplified Chinese and English.

The app runs on the small fixed test dataset with isolated settings, so the pictures change only when the interface
does. Every picture is taken once the screen has settled: no toast (notifications are cleared), no blinking cursor,
nothing waiting on a timer. Update them with `pytest tests/ui/test_snapshots.py --snapshot-update` and review the diff.
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input

from hkqh_tui.core.language import ui_text
from hkqh_tui.ui.app import HkqhApp

SIZES = {"120x35": (120, 35), "100x30": (100, 30), "80x24": (80, 24), "60x20": (60, 20)}


@pytest.fixture(autouse=True)
def never_stale(monkeypatch):
    """The test data's verification date must not turn into a warning as the calendar moves on."""
    monkeypatch.setattr(ui_text, "STALE_AFTER_DAYS", 100_000)


@pytest.fixture
def app_in(small_dataset, isolated_user_dirs):
    def build(script: str = "hant") -> HkqhApp:
        config = isolated_user_dirs["config"]
        config.mkdir(parents=True, exist_ok=True)
        (config / "settings.json").write_text(json.dumps({"script": script, "for_me_offered": True}), encoding="utf-8")
        return HkqhApp(str(small_dataset))

    return build


def keys(*presses: str):
    """Press keys, then let the screen settle so the picture is the same on a fast or a loaded machine."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in presses:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)

    return run_before


async def settle(pilot) -> None:
    app = pilot.app
    await pilot.wait_for_scheduled_animations()
    app.warm_up()  # the index is built now rather than on a timer that may fire during the picture
    app.clear_notifications()
    for screen in app.screen_stack:
        for search in screen.query(Input):
            search.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_main_traditional(snap_compare, app_in, size):
    assert snap_compare(app_in("hant"), terminal_size=SIZES[size], run_before=keys())


@pytest.mark.parametrize("size", ["80x24", "60x20"])
def test_main_english(snap_compare, app_in, size):
    assert snap_compare(app_in("en"), terminal_size=SIZES[size], run_before=keys())


def test_main_simplified_80x24(snap_compare, app_in):
    assert snap_compare(app_in("hans"), terminal_size=SIZES["80x24"], run_before=keys())


def test_search_typed_80x24_english(snap_compare, app_in):
    assert snap_compare(app_in("en"), terminal_size=(80, 24), run_before=keys(*"port"))


def test_detail_80x24_english(snap_compare, app_in):
    assert snap_compare(app_in("en"), terminal_size=(80, 24), run_before=keys("escape", "j", "j", "enter"))


def test_detail_small_60x20_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(60, 20), run_before=keys("escape", "j", "j", "enter"))


def test_wide_with_side_detail_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(120, 30), run_before=keys("escape", "j"))


@pytest.mark.parametrize("size", ["80x24", "60x20"])
def test_checklist_traditional(snap_compare, app_in, size):
    presses = ("escape", "j", "j", "space", "c", "j", "space")
    assert snap_compare(app_in("hant"), terminal_size=SIZES[size], run_before=keys(*presses))


@pytest.mark.parametrize("script", ["en", "hans"])
def test_help_80x24(snap_compare, app_in, script):
    assert snap_compare(app_in(script), terminal_size=(80, 24), run_before=keys("f1"))


def test_help_60x20_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(60, 20), run_before=keys("f1"))
