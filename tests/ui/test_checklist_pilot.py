"""Checklists in the app: mark with space, tick, note, switch and create, export with ctrl+e."""

from __future__ import annotations

import json

from textual.widgets import Input, OptionList, TextArea

from hkqh_tui.core.checklists.store import ChecklistStore
from hkqh_tui.ui.screens.checklist import ChecklistScreen
from hkqh_tui.ui.screens.dialogs import ConfirmDialog, NoteEditor, PickDialog, TextPrompt
from hkqh_tui.ui.screens.main import MainScreen
from hkqh_tui.ui.widgets.results import ResultsList
from tests.ui.conftest import rendered_text


def saved(name: str = "我"):
    return ChecklistStore().load(name).checklist


async def test_space_marks_and_unmarks_and_saves_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "j", "j", "space")  # ehcv-test
        await pilot.pause()
        assert saved().service_ids() == ["ehcv-test"]
        assert app.screen.query_one(ResultsList).rows[2].marked
        await pilot.press("space")
        await pilot.pause()
        assert saved().service_ids() == []


async def test_checklist_screen_ticks_items_and_edits_note(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "j", "j", "space", "c")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        title = rendered_text(app.screen.query_one("#title-bar"))
        assert "0/2" in title
        await pilot.press("j", "space")  # the document line
        await pilot.pause()
        entry = saved().entry("ehcv-test")
        assert entry.ticked_documents and not entry.ticked_steps
        assert "1/2" in rendered_text(app.screen.query_one("#title-bar"))
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert("帶身份證\n# not a heading")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved().entry("ehcv-test").note == "帶身份證\n# not a heading"
        await pilot.press("a")
        await pilot.pause()
        documents = rendered_text(app.screen.query_one("#combined-body"))
        assert "香港身份證" in documents and "長者醫療券測試" in documents
        await pilot.press("a", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_remove_asks_first(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "space", "c", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert saved().service_ids() == ["voucher-test"]
        await pilot.press("d", "y")
        await pilot.pause()
        assert saved().service_ids() == []
        assert app.screen.query_one("#checklist-empty").display


async def test_create_and_switch_checklists(make_app, isolated_user_dirs):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "c", "n")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"阿媽", "enter")
        await pilot.pause()
        assert app.checklist.name == "阿媽"
        await pilot.press("escape", "j", "space")
        await pilot.pause()
        assert saved("阿媽").service_ids() == ["port-test"]
        assert saved("我").service_ids() == []
        await pilot.press("c", "s")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        labels = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(3)]
        assert labels[0].startswith("我") and any(label.startswith("阿媽") for label in labels)
        await pilot.press("enter")  # the highlighted one is the current checklist
        await pilot.pause()
    settings = json.loads((isolated_user_dirs["config"] / "settings.json").read_text(encoding="utf-8"))
    assert settings["checklist"] == "阿媽"
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.checklist.name == "阿媽" and again.marked_ids() == {"port-test"}


async def test_export_writes_markdown_and_confirms_overwrite(make_app, tmp_path):
    target = tmp_path / "out.md"
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "space", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        prompt = app.screen.query_one(Input)
        assert prompt.value.endswith(".md") and "hkqh-我-" in prompt.value
        prompt.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# ")
        assert "深港72小時體驗券" in target.read_text(encoding="utf-8")
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# ")
        assert any(str(target) in n.message for n in app._notifications)


async def test_export_to_missing_folder_says_so(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "no-such-folder" / "x.md")
        await pilot.press("enter")
        await pilot.pause()
        assert any("does not exist" in n.message for n in app._notifications)
        assert isinstance(app.screen, MainScreen)


async def test_unwritable_checklists_folder_keeps_changes_in_memory(make_app, isolated_user_dirs):
    data = isolated_user_dirs["data"]
    data.mkdir(parents=True, exist_ok=True)
    (data / "checklists").write_text("a file where the folder should be", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "space")
        await pilot.pause()
        assert app.marked_ids() == {"voucher-test"}
        assert any(n.severity == "error" for n in app._notifications)


async def test_service_that_left_the_dataset_is_kept_and_shown(make_app):
    from hkqh_tui.core.language.text import Text

    store = ChecklistStore()
    store.update("我", lambda c: c.with_service("gone-service", Text("已取消的服務", "A withdrawn service")))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "c")
        await pilot.pause()
        lines = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(2)]
        assert lines[0].startswith("已取消的服務") and "不在資料集內" in lines[0]
    assert saved().service_ids() == ["gone-service"]


async def test_long_steps_wrap_under_their_own_text_at_60x20(make_app):
    from pathlib import Path

    from textual.widgets import OptionList

    bundled = Path(__file__).resolve().parents[2] / "data"
    app = make_app(bundled)
    async with app.run_test(size=(60, 20)) as pilot:
        app.toggle_mark("ehcv-gba-pilot")
        await pilot.press("escape", "c")
        await pilot.pause()
        items = app.screen.query_one("#checklist-items", OptionList)
        lines = [items.render_line(y).text.rstrip() for y in range(items.size.height)]
        boxes = [i for i, line in enumerate(lines) if "[ ]" in line]
        assert boxes, lines
        for i in boxes:
            box_line = lines[i]
            assert box_line.split("[ ]", 1)[1].strip(" ：:文件步驟"), f"an empty tick line: {box_line!r}"
        text_column = lines[boxes[0]].index("[ ]") + 4
        continuation = [line for line in lines if line.strip() and not line.lstrip().startswith(("[", "✎"))
                        and line.startswith(" " * text_column)]
        assert continuation, "a long step continues on the next line, aligned with its text"


async def test_export_a_page_to_print_from_the_app(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "space", "ctrl+e")
        await pilot.pause()
        prompt = app.screen.query_one(Input)
        assert prompt.value.endswith(".md")
        target = tmp_path / "print.html"
        prompt.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        page = target.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "深港72小時體驗券" in page
        app.action_export_html()
        await pilot.pause()
        assert app.screen.query_one(Input).value.endswith(".html")


async def test_delete_a_checklist_asks_first(make_app):
    from hkqh_tui.core.checklists.store import ChecklistStore

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "c", "n")
        await pilot.pause()
        await pilot.press(*"阿媽", "enter")
        await pilot.pause()
        assert app.checklist.name == "阿媽"
        app.toggle_mark("port-test")
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("n")  # not yet
        await pilot.pause()
        assert ChecklistStore().exists("阿媽")
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not ChecklistStore().exists("阿媽")
        assert app.checklist.name == app.store.default_name
        assert any("阿媽" in n.message for n in app._notifications)


async def test_ctrl_e_in_a_dialog_moves_to_the_end_of_its_text(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        prompt = app.screen.query_one(Input)
        prompt.cursor_position = 0
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert prompt.cursor_position == len(prompt.value)
        assert len(app.screen_stack) == 2, "no second export dialog"
