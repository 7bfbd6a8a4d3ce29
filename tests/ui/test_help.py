"""The help lists every live binding, with keys as people write them, grouped by screen, in the chosen language."""

from __future__ import annotations

import json

import pytest
from textual.binding import Binding

from hkqh_tui.ui.bindings import describe_keys
from hkqh_tui.ui.screens.help import HelpScreen, _ui_classes, binding_groups
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.strings import binding_words, tr
from tests.ui.conftest import rendered_text


def _help_text(app) -> str:
    return "\n".join(rendered_text(w, 160) for w in app.screen.query("Static"))


def _every_binding():
    for cls in _ui_classes():
        for binding in cls.BINDINGS:
            yield cls, binding


def test_every_binding_of_every_screen_has_an_id():
    missing = [f"{cls.__name__}: {b.key}" for cls, b in _every_binding() if not (isinstance(b, Binding) and b.id)]
    assert not missing


def test_every_binding_id_has_words_in_every_language():
    for _, binding in _every_binding():
        for script in ("hant", "hans", "en"):
            assert binding_words(binding.id, script, "") != "", (binding.id, script)


@pytest.mark.parametrize(
    "keys,shown",
    [("f1", "F1"), ("question_mark", "?"), ("ctrl+p", "Ctrl+P"), ("space", "Space"), ("enter", "Enter"),
     ("ctrl+l,f2", "Ctrl+L / F2"), ("escape,q", "Esc / q"), ("d,delete", "d / Delete"), ("slash", "/")],
)
def test_keys_are_written_as_people_know_them(keys, shown):
    assert describe_keys(keys) == shown


@pytest.mark.parametrize("script", ["hant", "hans", "en"])
async def test_help_shows_every_live_binding_with_its_keys_and_group(make_app, isolated_user_dirs, script):
    config = isolated_user_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"script": script}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        live_ids = {binding.id for _, binding in app._bindings if binding.id}
        assert {"help", "command_palette", "quit", "export"} <= live_ids
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = _help_text(app)
        for context, bindings in binding_groups():
            assert tr(f"context_{context}", script) in text
            for binding in bindings:
                assert binding.id in text
                assert describe_keys(binding.key) in text, binding.key
        for binding_id in live_ids:
            assert binding_id in text
        key_column = [line.split()[0] for line in text.splitlines() if line.split()]
        assert not {"question_mark", "f1,question_mark", "ctrl+p", "escape"} & set(key_column)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_follows_the_keymap(make_app, isolated_user_dirs):
    config = isolated_user_dirs["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"keymap": {"checklists": "ctrl+k"}}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert "Ctrl+K" in _help_text(app)


async def test_simplified_interface_has_its_own_words(make_app):
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        app.set_script("hans")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "清单：导出为 Markdown" in titles and not any("汇出" in t or "清單" in t for t in titles)
        assert any(t.startswith("打开：") for t in titles) and any(t.startswith("语言：") for t in titles)
        assert {"外观主题", "退出", "按键帮助", "截图"} <= set(titles) and not {"Theme", "Quit", "Keys"} & set(titles)
        await pilot.press("f1")
        await pilot.pause()
        text = _help_text(app)
        assert "按键帮助" in text and "任何界面" in text and "搜索框" in text and "导出" in text
        assert "匯出" not in text and "汇出" not in text and "說明" not in text
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
