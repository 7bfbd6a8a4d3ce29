"""One result, one line, at every width down to 60: the status never wraps or clips, titles are cut by cell width."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input

from hkqh_tui.ui.widgets.results import ResultRow, ResultsList, render_row
from tests.ui.test_first_frame import SIZES


def _row(title: str, status_label: str = "運作中") -> ResultRow:
    return ResultRow("x", title, [(0, 2)], "醫療健康", "operating", status_label, False)


@pytest.mark.parametrize("width", [20, 40, 58, 78, 98, 200])
@pytest.mark.parametrize("title", ["長者醫療券大灣區試點計劃" * 4, "Elderly Health Care Voucher Greater Bay Area Pilot", "短"])
def test_a_row_is_exactly_its_width_with_the_status_whole(width, title):
    text = render_row(_row(title, "Operating"), width, 10, 9)
    assert cell_len(text.plain) == width
    assert "\n" not in text.plain
    assert text.plain.rstrip().endswith("Operating")


def test_a_long_cjk_title_is_cut_with_an_ellipsis_on_a_character_boundary():
    text = render_row(_row("長者醫療券大灣區試點計劃" * 4), 58, 8, 6).plain
    assert "…" in text and cell_len(text) == 58




def _visible_lines(app) -> list[str]:
    """The results area as the person sees it, one string per terminal line."""
    results = app.screen.query_one(ResultsList)
    return [results.render_line(y).text for y in range(results.size.height)]


BUNDLED = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("script", ["hant", "en"])
@pytest.mark.parametrize("dataset", ["small", "bundled"])
async def test_every_result_takes_one_line_at_every_size(make_app, isolated_user_dirs, script, dataset):
    import json

    from hkqh_tui.core.language.display import show

    config = isolated_user_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"script": script}), encoding="utf-8")
    for size in SIZES:
        app = make_app(BUNDLED if dataset == "bundled" else None)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            statuses = app.dataset.vocabularies.statuses
            status_words = tuple(show(statuses.label(key), script) for key in statuses.keys())
            results = app.screen.query_one(ResultsList)
            lines = [line for line in _visible_lines(app) if line.strip()]
            shown = min(len(results.rows), results.size.height)
            assert len(lines) == shown, (size, lines)
            assert all(line.rstrip().endswith(status_words) for line in lines), (size, lines)
            # A short result list, then cleared: the rows are drawn right again.
            search = app.screen.query_one("#search", Input)
            search.value = "深圳灣"
            await pilot.pause()
            search.value = ""
            await pilot.pause()
            lines = [line for line in _visible_lines(app) if line.strip()]
            assert len(lines) == shown and all(line.rstrip().endswith(status_words) for line in lines), (size, lines)
