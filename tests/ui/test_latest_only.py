"""LatestOnly runs its work once for requests that arrive together, and again for a later request."""

from __future__ import annotations

from textual.app import App

from hkqh_tui.ui.latest_only import LatestOnly


async def test_requests_made_together_run_the_work_once_and_a_later_request_runs_it_again():
    runs: list[int] = []
    app = App()
    async with app.run_test() as pilot:
        once = LatestOnly(app, lambda: runs.append(len(runs)))
        for _ in range(5):
            once.request()
        assert runs == []  # not run inside the request: it waits for the messages already queued
        await pilot.pause()
        assert runs == [0]
        once.request()
        await pilot.pause()
        assert runs == [0, 1]
