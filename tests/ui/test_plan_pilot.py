"""The plan screen, driven as a person would: open it, read a measure, open its entries, at 80x24 and 60x20."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from hkqh_tui.ui.app import HkqhApp
from hkqh_tui.ui.screens.detail import DetailScreen
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.screens.plan import PlanScreen
from tests.plan_factories import plan_record, write_dataset_with_plan
from tests.ui.conftest import rendered_text


@pytest.fixture
def plan_app(tmp_path: Path):
    def build(record: dict | None = None) -> HkqhApp:
        return HkqhApp(str(write_dataset_with_plan(tmp_path / "data", record)))

    return build


def measure_prompts(screen: PlanScreen) -> list[str]:
    return [str(option.prompt) for option in screen.query_one("#plan-measures", OptionList).options]


def entry_ids(screen: PlanScreen) -> list[str]:
    return [option.id for option in screen.query_one("#plan-entries", OptionList).options]


async def test_p_opens_the_plan_with_parts_measures_and_their_availability(plan_app):
    app = plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        prompts = measure_prompts(screen)
        assert prompts[0] == "第一部分：規則"
        assert prompts[1] == "◐ 未可使用 體驗券"
        assert prompts[2] == "第二部分：生活"
        assert prompts[3] == "● 現已可用 長者醫療券"
        assert prompts[4] == "○ 未有項目 北部都會區"
        assert "● 1" in rendered_text(screen.query_one("#title-bar"))
        # the first measure is highlighted, not the part heading, and its entry is listed below
        assert screen.query_one("#plan-measures", OptionList).highlighted == 1
        assert "規則未公布" in rendered_text(screen.query_one("#plan-known"))
        assert entry_ids(screen) == ["voucher-test"]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_f3_and_the_palette_command_open_it_too(plan_app):
    app = plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert any("2026年行動方案" in title for title in commands)
        app.action_plan()
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_enter_on_a_measure_with_one_entry_opens_it(plan_app):
    app = plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.service_id == "voucher-test"
        await pilot.press("escape")
        assert isinstance(app.screen, PlanScreen)


async def test_a_measure_with_several_entries_lists_them_to_choose(plan_app):
    app = plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "j")
        await pilot.pause()
        screen = app.screen
        assert entry_ids(screen) == ["ehcv-test", "voucher-test", "port-test"]
        assert "相關" in str(screen.query_one("#plan-entries", OptionList).options[2].prompt)
        await pilot.press("enter")
        entries = screen.query_one("#plan-entries", OptionList)
        assert app.focused is entries and entries.highlighted == 0
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.service_id == "voucher-test"
        await pilot.press("escape", "escape")
        assert app.focused is screen.query_one("#plan-measures", OptionList)


async def test_a_measure_without_entry_says_so(plan_app):
    app = plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "j", "j")
        await pilot.pause()
        screen = app.screen
        assert entry_ids(screen) == ["no-entry"]
        assert "未有項目" in str(screen.query_one("#plan-entries", OptionList).options[0].prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert any("未有項目" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_one_line_per_row_in_small_terminals(plan_app, size):
    record = plan_record()
    record["measures"][0]["title"] = {"zh-Hant": "很長的措施名稱" * 12, "en": "A very long measure title " * 8}
    app = plan_app(record)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        measures = app.screen.query_one("#plan-measures", OptionList)
        assert measures.region.width <= size[0]
        # each option takes exactly one line: five options, five lines of content
        assert measures.virtual_size.height == len(measures.options)
        await pilot.press("ctrl+l", "ctrl+l")
        await pilot.pause()
        assert measures.virtual_size.height == len(measures.options)
        assert str(measures.options[1].prompt).startswith("◐ Not yet")


async def test_language_switch_redraws_the_plan(plan_app):
    app = plan_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+l")
        await pilot.pause()
        assert measure_prompts(app.screen)[3] == "● 现已可用 长者医疗券"


async def test_markup_in_the_plan_file_is_shown_literally(plan_app):
    record = plan_record()
    record["measures"][0]["title"] = {"zh-Hant": "[bold red]不是樣式[/]", "en": "x"}
    record["measures"][0]["known"] = {"zh-Hant": "[link=https://evil.example]點我[/link]", "en": "x"}
    app = plan_app(record)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert measure_prompts(app.screen)[1] == "◐ 未可使用 [bold red]不是樣式[/]"
        assert "[link=https://evil.example]點我[/link]" in rendered_text(app.screen.query_one("#plan-known"))


async def test_a_broken_plan_file_shows_its_problems_not_a_crash(plan_app):
    record = plan_record()
    record["measures"][0]["part"] = "nowhere"
    app = plan_app(record)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        text = rendered_text(app.screen.query_one("#plan-error"))
        assert "measures[0].part" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_plan_without_measures_says_so(plan_app):
    app = plan_app(plan_record(measures=[], not_named={"services": []}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "enter", "j")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "未列出任何措施" in rendered_text(app.screen.query_one("#plan-known"))


@pytest.fixture
def plan_app_in(tmp_path: Path, isolated_user_dirs):
    """The plan test dataset with the language chosen in the settings (for pictures)."""
    import json

    def build(script: str) -> HkqhApp:
        config = isolated_user_dirs["config"]
        config.mkdir(parents=True, exist_ok=True)
        (config / "settings.json").write_text(json.dumps({"script": script}), encoding="utf-8")
        return HkqhApp(str(write_dataset_with_plan(tmp_path / "data")))

    return build


def test_plan_picture_80x24_traditional(snap_compare, plan_app_in):
    assert snap_compare(plan_app_in("hant"), terminal_size=(80, 24), press=["p", "j"])


def test_plan_picture_60x20_english(snap_compare, plan_app_in):
    assert snap_compare(plan_app_in("en"), terminal_size=(60, 20), press=["p", "j", "j"])
