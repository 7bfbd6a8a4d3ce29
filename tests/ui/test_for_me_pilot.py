"""Drive "For me" as a person would: the one-time offer, the questions (keys only, each skippable, three
languages), the list with reasons at 80x24 and 60x20, search and filters on top of it."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from textual.widgets import Input

from hkqh_tui.core.storage.paths import settings_file
from hkqh_tui.ui.app import HkqhApp
from hkqh_tui.ui.screens.detail import DetailScreen
from hkqh_tui.ui.screens.for_me import ForMeList, ForMeScreen
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.screens.profile import AgesInput, ChoiceList, ProfileScreen
from tests.factories import service_record, write_dataset
from tests.ui.conftest import rendered_text

SOURCE = "https://example.org/source"
SIZES = [(80, 24), (60, 20)]


@pytest.fixture
def matching_dataset(tmp_path):
    records = [
        service_record("voucher", title={"zh-Hant": "長者醫療券", "en": "Elderly voucher"},
                       requires={"source": SOURCE, "min_age": 65, "has": ["home-return-permit"]}),
        service_record("school", title={"zh-Hant": "港人子弟學校", "en": "School for HK children"},
                       category="education", audiences=["families"],
                       requires={"source": SOURCE, "children_ages": [6, 15]}),
        service_record("northbound", title={"zh-Hant": "港車北上", "en": "Northbound Travel"}, category="transport",
                       audiences=["drivers"], requires={"source": SOURCE, "has": ["hk-car"]}),
        service_record("port", title={"zh-Hant": "深圳灣口岸", "en": "Shenzhen Bay Port"}, category="transport",
                       audiences=["everyone"]),
    ]
    return write_dataset(tmp_path / "data", records)


def write_settings(**values):
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(json.dumps({"for_me_offered": True, **values}), encoding="utf-8")


def saved_settings():
    return json.loads(settings_file().read_text(encoding="utf-8"))


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def listed(app) -> list[tuple[str | None, str]]:
    """(service id or None for a heading, the line's text) for every line of the For me list."""
    listing = app.screen.query_one(ForMeList)
    return [(o.id, o.prompt.plain) for o in (listing.get_option_at_index(i) for i in range(listing.option_count))]


async def test_the_first_screen_offers_for_me_once(matching_dataset):
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("F4" in message and "新功能" in message for message in notifications(app))
    assert saved_settings()["for_me_offered"] is True
    again = HkqhApp(str(matching_dataset))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any("新功能" in message for message in notifications(again))


@pytest.mark.parametrize("size", SIZES)
async def test_answer_the_questions_with_keys_then_see_what_fits(matching_dataset, size):
    write_settings(script="en")
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen), "with no answers yet, the questions come first"
        assert "How old are you?" in rendered_text(app.screen.query_one("#profile-question"))
        await pilot.press(*["down"] * 7, "enter")  # 70 or over
        await pilot.press("enter")  # lives in Hong Kong
        await pilot.press("enter")  # activities: none picked, Enter goes on
        await pilot.press("down", "enter")  # children: no (so their ages are not asked)
        assert "elderly parents" in rendered_text(app.screen.query_one("#profile-question"))
        await pilot.press("s")  # skip elderly parents
        await pilot.press("enter")  # a Hong Kong car: yes
        await pilot.press("left")  # back to the car question
        assert "car" in rendered_text(app.screen.query_one("#profile-question"))
        await pilot.press("enter", "s", "s")  # car yes, skip pet, skip welfare
        await pilot.press("down", "space", "enter")  # documents: a Home Return Permit
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        profile = saved_settings()["profile"]
        assert profile == {"version": 1, "age": "70-plus", "lives_in": "hk", "activities": [], "children": False,
                           "hk_car": True, "documents": ["home-return-permit"]}
        lines = listed(app)
        ids = [service_id for service_id, _ in lines if service_id]
        assert ids == ["voucher", "northbound", "port"], "fits best first; the school does not fit"
        assert lines[0] == (None, "Fits you (2)")
        width = app.screen.query_one(ForMeList).size.width
        for _service_id, text in lines:
            assert cell_len(text) <= width, "one result, one line"
        why = rendered_text(app.screen.query_one("#for-me-why"), width=size[0])
        assert "you are 65 or over" in why and "you have a Home Return Permit" in why


async def test_skipping_everything_is_allowed_and_says_what_to_check(matching_dataset):
    write_settings(script="en")
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        for _ in range(12):
            if not isinstance(app.screen, ProfileScreen):
                break
            await pilot.press("s") if isinstance(app.focused, ChoiceList) else await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        texts = [text for _, text in listed(app)]
        assert "press p" in texts[0]
        assert any(text.startswith("Almost fits") for text in texts)


async def test_children_ages_are_asked_only_with_children_and_bad_ages_are_explained(matching_dataset):
    write_settings(script="en", profile={"age": "30-39", "children": True})
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f4")
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        for _ in range(4):
            if isinstance(app.focused, AgesInput):
                break
            await pilot.press("enter")
        assert isinstance(app.focused, AgesInput)
        await pilot.press(*"6, 99", "enter")
        assert "0 to 60" in rendered_text(screen.query_one("#profile-error"), width=60)
        await pilot.press(*["backspace"] * 2, "1", "0", "enter")
        assert saved_settings()["profile"]["children_ages"] == [6, 10]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        assert [i for i, _ in listed(app) if i][0] == "school"


@pytest.mark.parametrize("size", SIZES)
async def test_search_filters_marks_and_details_work_on_top(matching_dataset, size):
    write_settings(script="en", profile={"age": "70-plus", "hk_car": True, "children": False,
                                         "documents": ["home-return-permit"]})
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=size) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        await pilot.press("slash", *"port")
        await pilot.pause()
        assert [i for i, _ in listed(app) if i] == ["port"]
        await pilot.press(*["backspace"] * 4, "escape")
        await pilot.pause()
        app.set_filter("category", "transport")  # the screen follows the app's filters
        await pilot.pause()
        assert [i for i, _ in listed(app) if i] == ["northbound", "port"]
        assert "Transport" in rendered_text(app.screen.query_one("#status-line"), width=size[0] * 2)
        await pilot.press("x")
        await pilot.pause()
        app.screen.focus_list()
        await pilot.press("g", "space")
        assert "voucher" in app.marked_ids()
        await pilot.press("a")
        assert any(text.startswith("Does not fit") for _, text in listed(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.service_id == "voucher"
        await pilot.press("f4")  # back to the For me already open, not a second one
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen) and len(app.screen_stack) == 2
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_three_languages(matching_dataset):
    write_settings(script="hant", profile={"age": "30-39", "elderly_parents": True})
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        voucher = next(text for i, text in listed(app) if i == "voucher")
        assert "適合你的父母：年滿65歲的長者" in voucher
        await pilot.press("ctrl+l")
        voucher = next(text for i, text in listed(app) if i == "voucher")
        assert "适合你的父母：年满65岁的长者" in voucher
        await pilot.press("ctrl+l")
        assert listed(app)[0] == (None, "Fits you (1)")
        await pilot.press("p")
        assert "How old are you?" in rendered_text(app.screen.query_one("#profile-question"))
        await pilot.press("ctrl+l")
        assert "你的年齡？" in rendered_text(app.screen.query_one("#profile-question"))


async def test_a_damaged_profile_is_a_notice_and_the_palette_offers_for_me(matching_dataset):
    write_settings(script="en", profile={"age": "ancient", "pet": "yes", "hk_car": True})
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        assert any("Ignored the profile answer 'age'" in message for message in notifications(app))
        assert app.profile.hk_car is True
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "For me: services that fit my situation" in titles and "For me: forget my answers" in titles
        app.clear_profile()
        assert saved_settings()["profile"] is None


async def test_search_changes_that_arrive_together_are_searched_once(matching_dataset):
    write_settings(script="en")
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        for _ in range(12):
            if not isinstance(app.screen, ProfileScreen):
                break
            await pilot.press("s") if isinstance(app.focused, ChoiceList) else await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        searched: list[str] = []
        run_search = app.run_search

        def counting(query: str):
            searched.append(query)
            return run_search(query)

        app.run_search = counting  # type: ignore[method-assign]
        search_box = app.screen.query_one("#search", Input)
        for text in ("c", "ca", "car"):  # queued at once, as keys typed during a slow search are
            search_box.value = text
        await pilot.pause()
        assert searched == ["car"]
        assert app.screen.query_text == "car"


async def test_status_line_shows_filter_words_literally_and_marks_where_it_is_cut(matching_dataset, monkeypatch):
    write_settings(script="en", profile={"age": "70-plus"})
    app = HkqhApp(str(matching_dataset))
    monkeypatch.setattr(app, "describe_filters", lambda: "[b]Mum[/b] [@click=app.quit]")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        status = app.screen.query_one("#status-line")
        assert "[b]Mum[/b] [@click=app.quit]" in rendered_text(status, width=200)
        shown = status.render_line(0).text.rstrip()
        assert shown.startswith("0 fit") and shown.endswith("…"), "one line, cut with an ellipsis at 60 columns"


async def test_for_me_searches_a_large_dataset_on_a_worker(matching_dataset, monkeypatch):
    monkeypatch.setattr(HkqhApp, "BACKGROUND_SEARCH_FROM", 1)  # as with a large dataset
    write_settings(script="en", profile={"version": 1, "age": "70-plus"})
    app = HkqhApp(str(matching_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        app.warm_up()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ForMeScreen)
        every = {service_id for service_id, _ in listed(app) if service_id}
        assert {"voucher", "port"} <= every
        app.screen.query_one("#search", Input).focus()
        await pilot.press(*"port")
        for _ in range(20):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if not app.screen._finder.running:
                break
        assert {service_id for service_id, _ in listed(app) if service_id} == {"port"}
