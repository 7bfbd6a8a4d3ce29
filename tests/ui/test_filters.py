"""Filters never hide what fits: a service for everyone fits every audience; "any audience" reads apart from "everyone"."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from hkqh_tui.ui.widgets.filter_bar import FilterBar
from hkqh_tui.ui.widgets.results import ResultsList
from tests.ui.test_first_frame import SIZES


def _ids(app) -> list[str]:
    return [row.service_id for row in app.screen.query_one(ResultsList).rows]


async def test_transport_for_the_elderly_shows_the_port_for_everyone(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.set_filter("category", "transport")
        app.set_filter("audience", "elderly")
        await pilot.pause()
        assert _ids(app) == ["port-test"]
        app.set_filter("category", None)
        await pilot.pause()
        assert set(_ids(app)) == {"port-test", "ehcv-test"}


@pytest.mark.parametrize("script", ["hant", "hans", "en"])
async def test_any_audience_and_everyone_read_differently(make_app, script):
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        app.set_script(script)
        await pilot.pause()
        select = app.screen.query_one(FilterBar).select("audience")
        labels = {str(prompt) for prompt, _ in select._options}
        everyone = next(str(prompt) for prompt, value in select._options if value == "everyone")
        blank = select.prompt
        assert everyone != blank and everyone in labels
        assert blank not in (labels - {blank}) and everyone.strip() and blank.strip()
        assert isinstance(select, Select)
