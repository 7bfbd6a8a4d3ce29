"""The footer rebuilds its keys only when what it shows changes, and then shows the new keys."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from hkqh_tui.ui.widgets.key_footer import KeyFooter


def footer_descriptions(app) -> list[str]:
    return [key.description for key in app.screen.query_one(KeyFooter).query(FooterKey)]


async def test_footer_is_built_once_at_start_and_again_for_a_new_language(make_app, monkeypatch):
    rebuilds: list[tuple] = []
    recompose = KeyFooter.recompose

    async def counting_recompose(self):
        rebuilds.append(self.shown_keys())
        await recompose(self)

    monkeypatch.setattr(KeyFooter, "recompose", counting_recompose)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        assert len(rebuilds) == 1, "the bindings change several times at start; the keys shown do not"
        before = footer_descriptions(app)
        assert before, "the footer shows keys"
        await pilot.press("ctrl+l")
        await pilot.pause(0.3)
        after = footer_descriptions(app)
        assert len(rebuilds) == 2
        assert after != before and len(after) == len(before), "the same keys, described in the new language"


async def test_footer_follows_the_focus(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        in_search_box = footer_descriptions(app)
        await pilot.press("down")  # from the search box into the results
        await pilot.pause(0.3)
        assert footer_descriptions(app) != in_search_box, "the results have keys of their own"
