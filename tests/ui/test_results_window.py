"""The results list builds a window of rows, not every row, and the cursor still reaches every service."""

from __future__ import annotations

from textual.widgets import Input

from hkqh_tui.ui.app import HkqhApp
from hkqh_tui.ui.widgets.results import ResultsList
from tests.factories import service_record, write_json_dataset

COUNT = 400


def many_services(tmp_path):
    records = [
        service_record(
            f"service-{i:03d}",
            title={"zh-Hant": f"深圳服務{i:03d}", "en": f"Shenzhen service {i:03d}"},
            aliases=[],
        )
        for i in range(COUNT)
    ]
    return str(write_json_dataset(tmp_path / "many.json", records))


async def test_a_broad_query_builds_only_a_window_of_rows(tmp_path):
    app = HkqhApp(many_services(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        results = app.screen.query_one(ResultsList)
        assert len(results.rows) == COUNT
        assert 0 < results.option_count < COUNT
        app.screen.query_one("#search", Input).value = "深圳"
        await pilot.pause()
        assert len(results.rows) == COUNT and results.option_count < COUNT


async def test_the_cursor_reaches_every_service_through_the_window(tmp_path):
    app = HkqhApp(many_services(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        results = app.screen.query_one(ResultsList)
        results.focus()
        first_window = results.option_count
        for _ in range(first_window + 5):
            await pilot.press("down")
        assert results.highlighted == first_window + 5
        assert results.option_count > first_window + 5
        await pilot.press("G")
        assert results.highlighted == COUNT - 1
        assert results.highlighted_service_id == results.rows[COUNT - 1].service_id
        await pilot.press("g")
        assert results.highlighted == 0
