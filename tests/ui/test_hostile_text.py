"""Hostile text in the app: markup and escapes from the dataset, checklist files and settings reach the screen
literally (never crash, never act), and unsaved checklist changes are never lost silently on quit."""

from __future__ import annotations

import json
import os

from rich.console import Console

from hkqh_tui.core.checklists.store import ChecklistStore
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.ui.app import HkqhApp
from hkqh_tui.ui.screens.dataset_error import DatasetErrorScreen
from hkqh_tui.ui.screens.detail import DetailScreen
from hkqh_tui.ui.screens.links import LinksScreen
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.screens.unsaved import UnsavedChangesDialog
from tests.factories import default_records, service_record, write_dataset, write_json_dataset
from tests.ui.conftest import rendered_text

STEPS = ["[/]", "[x]", "[link=file:///etc/passwd]passwd[/link]", "[@click=app.screenshot('/tmp/owned')]shot[/]"]


def markup_dataset(tmp_path):
    records = default_records()
    ehcv = next(r for r in records if r["id"] == "ehcv-test")
    ehcv["title"] = {"zh-Hant": "標題 [/] [x]", "en": "Title [/] [x]"}
    ehcv["steps"] = [{"zh-Hant": text, "en": text} for text in STEPS]
    ehcv["documents"] = [{"zh-Hant": "[bold]文件", "en": "[bold]doc"}]
    ehcv["sources"][0]["title"] = "Source [/] [@click=app.quit]"
    return write_dataset(tmp_path / "markup", records)


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]



def prompt_text(prompt) -> str:
    """The plain text an option prompt (a string, rich Text or a table) shows."""
    with open(os.devnull, "w") as sink:
        console = Console(width=100, record=True, color_system=None, file=sink)
        console.print(prompt)
        return console.export_text()


async def test_detail_shows_markup_literally_and_makes_no_file_link(tmp_path):
    app = HkqhApp(str(markup_dataset(tmp_path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_service("ehcv-test")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        body = app.screen.query_one("#detail-body")
        text = rendered_text(body)
        for step in STEPS:
            assert step in text
        assert "Source [/] [@click=app.quit]" in text and "標題 [/] [x]" in text
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen)
        assert all(url.startswith("https://") for _, url in app.screen.links)


async def test_marking_notifies_literally_in_a_checklist_named_like_markup(tmp_path, isolated_user_dirs):
    data = markup_dataset(tmp_path)
    store = ChecklistStore()
    store.create("[Mum]")
    settings = isolated_user_dirs["config"] / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"version": 1, "script": "en", "checklist": "[Mum]"}), encoding="utf-8")
    app = HkqhApp(str(data))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.checklist.name == "[Mum]"
        assert "[Mum]" in rendered_text(app.screen.query_one("#status-line"))
        app.toggle_mark("ehcv-test")
        await pilot.pause()
        assert any("[Mum]" in m and "Title [/] [x]" in m for m in notifications(app))
        await pilot.pause()
        assert store.load("[Mum]").checklist.service_ids() == ["ehcv-test"]
        await pilot.press("escape", "c")
        await pilot.pause()
        options = app.screen.query_one("#checklist-items")
        prompts = [prompt_text(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[bold]doc" in p for p in prompts) and any("[/]" in p for p in prompts)


async def test_a_checklist_named_with_a_closing_tag_and_escapes_in_notes_starts_fine(small_dataset, isolated_user_dirs):
    store = ChecklistStore()
    service = load_dataset(small_dataset).get("ehcv-test")
    store.add_services("[/x]", [service])
    store.set_note("[/x]", "ehcv-test", "\x1b]0;owned\x07 note [/]")
    settings = isolated_user_dirs["config"] / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"version": 1, "checklist": "[/x]"}), encoding="utf-8")
    app = HkqhApp(str(small_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and "[/x]" in rendered_text(app.screen.query_one("#status-line"))
        await pilot.press("escape", "c")
        await pilot.pause()
        options = app.screen.query_one("#checklist-items")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        note = next(p for p in prompts if "note [/]" in p)
        assert "\\x1b]0;owned\\x07" in note and "\x1b" not in note
        app.ask_switch_checklist()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Checklist")
        await pilot.pause()
        await pilot.press("escape")


async def test_an_invalid_settings_checklist_name_is_not_fatal(small_dataset, isolated_user_dirs):
    settings = isolated_user_dirs["config"] / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"version": 1, "checklist": "x" * 70}), encoding="utf-8")
    app = HkqhApp(str(small_dataset))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.checklist.name == "我"
        assert any("checklist" in m for m in notifications(app))


async def test_dataset_error_screen_shows_ids_keys_and_files_visibly(tmp_path):
    record = service_record("bad\x1b[2Jid")
    record["[/]\x1b]0;owned\x07"] = 1
    path = write_json_dataset(tmp_path / "da[b]ta\x1b.json", [record])
    app = HkqhApp(str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DatasetErrorScreen)
        text = rendered_text(app.screen.query_one("#dataset-error Static"))
        assert "\x1b" not in text and "\x07" not in text
        assert "[/]\\x1b]0;owned\\x07: unknown field" in text and "da[b]ta\\x1b.json" in text


async def test_quitting_with_unsaved_changes_offers_retry(small_dataset, isolated_user_dirs, tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("HKQH_DATA_DIR", str(blocker))
    app = HkqhApp(str(small_dataset))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.toggle_mark("ehcv-test")
        await pilot.pause()
        assert app.store.unsaved_names() == ["我"]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedChangesDialog) and app.is_running
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert not isinstance(app.screen, UnsavedChangesDialog) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("r")  # still blocked: asked again
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, UnsavedChangesDialog)
        blocker.unlink()  # the person frees the way, then retries
        await pilot.press("r")
        await pilot.pause()
    assert ChecklistStore(blocker / "checklists").load("我").checklist.service_ids() == ["ehcv-test"]


async def test_quit_without_saving_is_a_choice(small_dataset, tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("HKQH_DATA_DIR", str(blocker))
    app = HkqhApp(str(small_dataset))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.toggle_mark("ehcv-test")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedChangesDialog)
        text = " ".join(rendered_text(s, 60) for s in app.screen.query("Static"))
        assert "could not be saved" in text or "未能儲存" in text
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_a_note_with_control_characters_is_edited_as_visible_escapes(small_dataset):
    from textual.widgets import TextArea

    from hkqh_tui.ui.screens.dialogs import NoteEditor

    store = ChecklistStore()
    store.add_services("我", [load_dataset(small_dataset).get("ehcv-test")])
    store.set_note("我", "ehcv-test", "bring \x1b[5mID\x1b[0m")
    app = HkqhApp(str(small_dataset))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.edit_note("ehcv-test")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "bring \\x1b[5mID\\x1b[0m"
        await pilot.press("escape")
        await pilot.pause()
    assert ChecklistStore().load("我").checklist.entry("ehcv-test").note == "bring \x1b[5mID\x1b[0m"  # untouched
