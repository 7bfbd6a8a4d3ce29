"""Drive the app as a person would: type Chinese and English, move, filter, open details, switch language."""

from __future__ import annotations

import json

from textual.widgets import Input

from hkqh_tui.core.storage.paths import settings_file
from hkqh_tui.ui.app import HkqhApp
from hkqh_tui.ui.screens.dataset_error import DatasetErrorScreen
from hkqh_tui.ui.screens.detail import DetailScreen
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.widgets.results import ResultsList
from hkqh_tui.ui.widgets.service_detail import ServiceDetail
from tests.ui.conftest import rendered_text


def result_ids(app: HkqhApp) -> list[str]:
    return [row.service_id for row in app.screen.query_one(ResultsList).rows]


async def test_opens_with_every_service_and_the_search_box_focused(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert result_ids(app) == ["voucher-test", "port-test", "ehcv-test"]
        assert isinstance(app.focused, Input) and app.focused.id == "search"
        assert "3 項服務" in rendered_text(app.screen.query_one("#status-line"))


async def test_type_simplified_chinese_finds_traditional_data(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"深圳湾")
        await pilot.pause()
        assert result_ids(app)[0] == "port-test"
        row = app.screen.query_one(ResultsList).rows[0]
        assert row.title == "深圳灣口岸" and row.spans, "matched characters are highlighted"


async def test_type_english_and_move_with_keys(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"voucher")
        await pilot.pause()
        ids = result_ids(app)
        assert set(ids) >= {"ehcv-test", "voucher-test"}
        await pilot.press("escape")
        results = app.screen.query_one(ResultsList)
        assert app.focused is results and results.highlighted == 0
        await pilot.press("j")
        assert results.highlighted == 1
        await pilot.press("k")
        assert results.highlighted == 0


async def test_down_arrow_in_the_search_box_moves_to_the_results_and_space_marks(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"深圳湾")
        await pilot.pause()
        await pilot.press("down")
        results = app.screen.query_one(ResultsList)
        assert app.focused is results and results.highlighted == 0
        await pilot.press("space")
        await pilot.pause()
        assert "port-test" in app.checklist


async def test_nothing_found_says_what_was_searched(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"zzqxv")
        await pilot.pause()
        assert result_ids(app) == []
        empty = rendered_text(app.screen.query_one("#empty-state"))
        assert "zzqxv" in empty


async def test_enter_opens_detail_screen_on_small_terminal(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.service_id == "port-test"
        body = rendered_text(app.screen.query_one("#detail-body"))
        assert "深圳灣口岸" in body and "資料來源" in body and "最後核實" in body
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_wide_terminal_shows_detail_beside_results(make_app):
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one(ServiceDetail)
        assert detail.display and detail.service.id == "voucher-test"
        await pilot.press("escape", "j")
        await pilot.pause()
        assert detail.service.id == "port-test"
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not detail.display


async def test_language_cycles_and_is_remembered(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.script == "hans"
        assert app.screen.query_one(ResultsList).rows[1].title == "深圳湾口岸"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.script == "en"
        assert app.screen.query_one(ResultsList).rows[1].title == "Shenzhen Bay Port"
        assert app.screen.query_one("#search", Input).placeholder.startswith("Just type")
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    assert saved["script"] == "en"
    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert second.script == "en"


async def test_filters_combine_and_are_remembered(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.set_filter("category", "transport")
        await pilot.pause()
        assert result_ids(app) == ["port-test"]
        assert "跨境交通" in rendered_text(app.screen.query_one("#status-line"))
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert result_ids(again) == ["port-test"]
        await pilot.press("escape", "x")
        await pilot.pause()
        assert len(result_ids(again)) == 3


async def test_filter_select_from_keyboard(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "f")
        await pilot.pause()
        assert app.focused.id == "filter-category"
        await pilot.press("enter")  # open the drop-down
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # first choice after the blank one: visit
        await pilot.pause()
        assert app.settings.category is not None
        assert all(app.dataset.get(i).category == app.settings.category for i in result_ids(app))


async def test_keymap_from_settings_rebinds(make_app, isolated_user_dirs):
    config = isolated_user_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"keymap": {"focus_search": "s"}}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "s")
        await pilot.pause()
        assert isinstance(app.focused, Input)


async def test_corrupt_settings_are_reported_and_kept(make_app, isolated_user_dirs):
    config = isolated_user_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text("{broken", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        messages = [n.message for n in app._notifications]
        assert any("kept as" in m for m in messages)
    assert list(config.glob("settings.corrupt-*.json"))


async def test_broken_dataset_shows_error_screen(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    app = HkqhApp(str(bad))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DatasetErrorScreen)
        text = rendered_text(app.screen.query_one("#dataset-error Static"))
        assert "not valid JSON" in text
        await pilot.press("ctrl+q")


async def test_clicking_a_source_link_opens_it(make_app, monkeypatch):
    opened = []
    app = make_app()
    monkeypatch.setattr(app, "open_url", lambda url, **kwargs: opened.append(url))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "j", "j", "enter")
        await pilot.pause()
        detail = app.screen.query_one(ServiceDetail)
        for _ in range(30):
            detail.scroll_down(animate=False)
        await pilot.pause()
        body = app.screen.query_one("#detail-body")
        region = body.region
        clicked = False
        for y in range(region.y, region.y + region.height):
            widget, _ = app.screen.get_widget_at(region.x + 6, y)
            if widget is body:
                style = app.screen.get_style_at(region.x + 8, y)
                if style.link:
                    await pilot.click(offset=(region.x + 8, y))
                    clicked = True
                    break
        # The first link on screen is the contact's website, then the source.
        assert clicked and opened == ["https://example.org/office"]


async def test_theme_choice_is_remembered(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert json.loads(settings_file().read_text(encoding="utf-8"))["theme"] == "nord"
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_hostile_input_in_the_search_box(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        search = app.screen.query_one("#search", Input)
        for text in ("醫" * 100_000, "\x00\x1b[31m(.*)[", "🐶🐱 𠮶嗰", "\ud800"):
            search.value = ""
            app.screen.query_one("#search", Input).post_message(events.Paste(text))
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
        search.value = "深圳灣"
        await pilot.pause()
        assert result_ids(app)[0] == "port-test"


async def test_voucher_detail_points_to_the_list_of_service_points(make_app):
    from pathlib import Path

    bundled = Path(__file__).resolve().parents[2] / "data"
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_service("ehcv-gba-pilot")
        await pilot.pause()
        body = rendered_text(app.screen.query_one("#detail-body"), 200)
        assert "附件一" in body and "2025年8月18日" in body
        service = app.dataset.get("ehcv-gba-pilot")
        press_release = "https://www.info.gov.hk/gia/general/202508/18/P2025081800805p.htm"
        assert press_release in [source.url for source in service.sources]


async def test_keys_that_arrive_together_are_searched_once_for_the_latest_text(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        searched: list[str] = []
        run_search = app.run_search

        def counting(query: str):
            searched.append(query)
            return run_search(query)

        app.run_search = counting  # type: ignore[method-assign]
        search_box = app.screen.query_one("#search", Input)
        for text in ("d", "de", "dep", "depo"):  # typed while the app was busy: every change is queued at once
            search_box.value = text
        await pilot.pause()
        assert searched == ["depo"]
        search_box.value = "深圳灣"
        await pilot.pause()
        assert searched == ["depo", "深圳灣"] and result_ids(app)[0] == "port-test"


def test_the_built_index_and_the_dataset_are_left_out_of_later_collections(make_app):
    import gc

    gc.unfreeze()
    try:
        app = make_app()
        assert gc.get_freeze_count() == 0
        assert len(app.index) > 0  # builds it
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()



async def test_a_search_before_a_large_index_is_ready_keeps_the_app_live(make_app, monkeypatch):
    # As with a large dataset (BACKGROUND_SEARCH_FROM services or more): the build is held back until the test lets it
    # go.
    import threading

    monkeypatch.setattr(HkqhApp, "BACKGROUND_SEARCH_FROM", 1)
    release = threading.Event()
    real_build = HkqhApp._build_index

    def slow_build(self):
        assert release.wait(10), "the test never let the build finish"
        return real_build(self)

    monkeypatch.setattr(HkqhApp, "_build_index", slow_build)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        listing = result_ids(app)
        await pilot.press(*"深圳")
        await pilot.pause()
        await pilot.press(*"湾")  # keys still reach the search box while the index is built
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "深圳湾"
        status = rendered_text(app.screen.query_one("#status-line"))
        assert "正在準備搜尋" in status, status
        assert result_ids(app) == listing, "the rows shown stay until the search can run"
        assert not app.search_ready
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.search_ready
        assert result_ids(app)[0] == "port-test"
        assert "正在準備搜尋" not in rendered_text(app.screen.query_one("#status-line"))


async def test_a_large_dataset_is_searched_on_a_worker_and_typing_never_waits(make_app, monkeypatch):
    import threading

    monkeypatch.setattr(HkqhApp, "BACKGROUND_SEARCH_FROM", 1)  # as with a large dataset
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.warm_up()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.search_ready
        index = app.index
        real_search = index.search
        release = threading.Event()
        searched: list[str] = []

        def slow_search(query, **filters):
            searched.append(query)
            if len(searched) == 1:
                assert release.wait(10), "the test never let the first search finish"
            return real_search(query, **filters)

        monkeypatch.setattr(index, "search", slow_search)
        listing = result_ids(app)
        await pilot.press(*"深圳")
        await pilot.pause()
        await pilot.press(*"湾")  # typed while the first search still runs
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "深圳湾"
        assert result_ids(app) == listing
        release.set()
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if len(searched) >= 2 and not app.screen._finder.running:
                break
        # The burst typed meanwhile was searched once, with the latest text only.
        assert searched[0] in {"深", "深圳"} and searched[-1] == "深圳湾" and len(searched) <= 3
        assert result_ids(app)[0] == "port-test"
        count = len(searched)
        await pilot.press("down", "space")  # marking a result redraws it without searching again
        await pilot.pause()
        assert "port-test" in app.checklist
        assert len(searched) == count


async def test_nothing_found_names_the_query_the_shown_results_are_for(make_app):
    # With a large dataset the results come from a worker, for what the box held then: the message must say that
    # query, not the longer one typed since.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"zzqxvabc")
        await pilot.pause()
        app.screen._show_results([], "zzqxv", from_top=True)
        await pilot.pause()
        empty = rendered_text(app.screen.query_one("#empty-state"))
        assert "zzqxv" in empty and "zzqxvabc" not in empty
