"""Pictures of the main screens at 80x24 and at small and wide sizes, in Traditional Chinese and English.

The app runs on the small fixed test dataset with isolated settings, so the pictures change only when the interface
does. Update them with `pytest tests/ui/test_snapshots.py --snapshot-update` and review the diff.
"""

from __future__ import annotations

import json

import pytest

from hkqh_tui.core.language import ui_text
from hkqh_tui.ui.app import HkqhApp


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


def test_main_80x24_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(80, 24))


def test_main_80x24_english(snap_compare, app_in):
    assert snap_compare(app_in("en"), terminal_size=(80, 24))


def test_main_small_60x20_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(60, 20))


def test_search_typed_80x24_english(snap_compare, app_in):
    async def type_query(pilot):
        await pilot.press("slash", *"port")
        pilot.app.screen.query_one("#search").cursor_blink = False
        await pilot.pause()

    assert snap_compare(app_in("en"), terminal_size=(80, 24), run_before=type_query)


def test_detail_80x24_english(snap_compare, app_in):
    assert snap_compare(app_in("en"), terminal_size=(80, 24), press=["j", "j", "enter"])


def test_detail_small_60x20_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(60, 20), press=["j", "j", "enter"])


def test_wide_with_side_detail_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(120, 30), press=["j"])


def test_checklist_80x24_traditional(snap_compare, app_in):
    assert snap_compare(app_in("hant"), terminal_size=(80, 24), press=["j", "j", "space", "c", "j", "space"])


def test_help_80x24_english(snap_compare, app_in):
    assert snap_compare(app_in("en"), terminal_size=(80, 24), press=["f1"])
