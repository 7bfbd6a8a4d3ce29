"""BackgroundSearch: one search at a time on a worker, the latest request next, kept results shown again."""

from __future__ import annotations

import threading

from textual.app import App

from hkqh_tui.core.dataset.filters import Filters
from hkqh_tui.ui.background_search import BackgroundSearch


async def settle(app: App, pilot, search: BackgroundSearch) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        if not search.running:
            return
    raise AssertionError("the searches never finished")


async def test_requests_made_while_a_search_runs_are_searched_once_with_the_latest():
    searched: list[str] = []
    shown: list[tuple[str, list[str], bool]] = []
    release = threading.Event()

    def search(query: str, **filters) -> list[str]:
        searched.append(query)
        if len(searched) == 1:
            assert release.wait(10)
        return [query.upper()]

    app = App()
    async with app.run_test() as pilot:
        background = BackgroundSearch(
            app, lambda: search, lambda filters: {}, lambda key, results, from_top: shown.append((key[0], results, from_top))
        )
        background.request(("a", Filters()), True)
        await pilot.pause()
        assert background.running
        for text in ("ab", "abc", "abcd"):
            background.request((text, Filters()), True)
        release.set()
        await settle(app, pilot, background)
        assert searched == ["a", "abcd"], "the burst was searched once, with the latest text"
        assert shown == [("a", ["A"], True), ("abcd", ["ABCD"], True)]
        background.request(("abcd", Filters()), False)  # the same again (a mark changed): no search
        assert searched == ["a", "abcd"] and shown[-1] == ("abcd", ["ABCD"], False)


async def test_a_search_overtaken_by_results_drawn_elsewhere_is_not_shown():
    shown: list[str] = []
    release = threading.Event()

    def search(query: str, **filters) -> list[str]:
        assert release.wait(10)
        return [query]

    app = App()
    async with app.run_test() as pilot:
        background = BackgroundSearch(app, lambda: search, lambda filters: {}, lambda key, results, _: shown.append(key[0]))
        background.request(("a", Filters()), True)
        await pilot.pause()
        background.drawn_elsewhere()  # the query was cleared meanwhile and the listing drawn
        release.set()
        await settle(app, pilot, background)
        assert shown == []


async def test_a_search_that_fails_lets_the_next_one_run():
    calls: list[str] = []

    def search(query: str, **filters) -> list[str]:
        calls.append(query)
        if query == "boom":
            raise RuntimeError("broken")
        return [query]

    shown: list[str] = []
    app = App()
    async with app.run_test() as pilot:
        background = BackgroundSearch(app, lambda: search, lambda filters: {}, lambda key, results, _: shown.append(key[0]))
        background.request(("boom", Filters()), True)
        await settle(app, pilot, background)
        background.request(("ok", Filters()), True)
        await settle(app, pilot, background)
        assert calls == ["boom", "ok"] and shown == ["ok"]
