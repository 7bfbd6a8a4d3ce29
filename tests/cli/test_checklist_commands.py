"""`hkqh checklist add/remove/show/list`, `hkqh export` and `hkqh paths`, in-process and as real subprocesses."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from hkqh_tui.cli import main
from hkqh_tui.core.checklists.store import DEFAULT_CHECKLIST_NAME, ChecklistStore
from hkqh_tui.core.storage import atomic
from hkqh_tui.core.storage.paths import cache_dir, checklists_dir, settings_file
from tests.cli.process import run_hkqh
from tests.factories import default_records, write_dataset


def hkqh(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m hkqh_tui ARGS` as a user would (the environment carries the isolated user folders)."""
    return run_hkqh(*args)

@pytest.fixture
def run(small_dataset, capsys):
    """Run hkqh in-process on the small dataset; returns (exit status, stdout, stderr)."""

    def run_hkqh(*args: str, data=small_dataset):
        status = main(["--data", str(data), *args])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return status, captured.out, captured.err

    return run_hkqh


def saved_ids(name: str = DEFAULT_CHECKLIST_NAME) -> list[str]:
    return ChecklistStore().load(name).checklist.service_ids()


def test_add_creates_the_default_checklist_in_the_user_data_dir(run, isolated_user_dirs):
    status, out, _ = run("checklist", "add", "ehcv-test", "port-test")
    assert status == 0
    assert "Added to 我 (a new checklist)" in out and "ehcv-test" in out and "2 services in 我" in out
    assert saved_ids() == ["ehcv-test", "port-test"]
    files = list((isolated_user_dirs["data"] / "checklists").glob("*.json"))
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_add_to_a_named_checklist_and_again(run):
    assert run("checklist", "add", "ehcv-test", "--to", "阿媽")[0] == 0
    status, out, _ = run("checklist", "add", "ehcv-test", "voucher-test", "ehcv-test", "--to", " 阿媽 ")
    assert status == 0
    assert "Already in 阿媽: ehcv-test" in out and "voucher-test" in out
    assert saved_ids("阿媽") == ["ehcv-test", "voucher-test"]


def test_add_unknown_ids_adds_nothing_and_suggests(run):
    status, _, err = run("checklist", "add", "port-test", "ehcv-tset", "nothing-like-it")
    assert status == 1
    assert "no service has the id 'ehcv-tset'" in err and "'nothing-like-it'" in err
    assert "nothing was added" in err and "Did you mean: ehcv-test" in err
    assert not ChecklistStore().exists(DEFAULT_CHECKLIST_NAME)


@pytest.mark.parametrize(("name", "words"), [("   ", "cannot be empty"), ("a\tb", "control characters")])
def test_unusable_checklist_names(run, name, words):
    status, _, err = run("checklist", "add", "ehcv-test", "--to", name)
    assert status == 1 and words in err


def test_remove(run):
    run("checklist", "add", "ehcv-test", "port-test", "--to", "Mum")
    status, out, _ = run("checklist", "remove", "ehcv-test", "--from", "Mum")
    assert status == 0 and "Removed ehcv-test from Mum (1 service left)" in out
    assert saved_ids("Mum") == ["port-test"]
    status, _, err = run("checklist", "remove", "ehcv-test", "--from", "Mum")
    assert status == 1 and "'ehcv-test' is not in the checklist 'Mum'" in err and "port-test" in err
    status, _, err = run("checklist", "remove", "port-test", "--from", "nobody")
    assert status == 1 and "there is no checklist called 'nobody'" in err and "Mum" in err
    assert saved_ids("Mum") == ["port-test"]


def test_show_and_show_json(run, tmp_path):
    run("checklist", "add", "ehcv-test", "port-test", "--to", "阿媽")
    store = ChecklistStore()
    store.set_tick("阿媽", "ehcv-test", "documents", "香港身份證", True)
    store.set_note("阿媽", "ehcv-test", "帶老花鏡\n第二行")

    status, out, _ = run("checklist", "show", "阿媽")
    assert status == 0
    assert "阿媽  1/4" in out and "[x] 香港身份證" in out and "[ ] 到服務點登記" in out and "第二行" in out
    assert "所需文件總表" in out

    # The dataset changes: port-test is gone. The checklist keeps it and says so.
    smaller = write_dataset(tmp_path / "smaller", [r for r in default_records() if r["id"] != "port-test"])
    status, out, _ = run("checklist", "show", "阿媽", "--json", data=smaller)
    assert status == 0
    data = json.loads(out)
    assert data["name"] == "阿媽" and data["version"] == 1
    assert [(s["id"], s["in_dataset"], s["progress"]) for s in data["services"]] == [
        ("ehcv-test", True, {"done": 1, "total": 2}),
        ("port-test", False, {"done": 0, "total": 0}),
    ]
    assert data["progress"] == {"done": 1, "total": 2}
    assert data["combined_documents"] == [
        {"text": {"zh-Hant": "香港身份證", "en": "Hong Kong identity card"}, "needed_by": ["ehcv-test"], "ticked_for": ["ehcv-test"]}
    ]
    status, out, _ = run("checklist", "show", "阿媽", "--script", "en", data=smaller)
    assert "Shenzhen Bay Port [port-test]" in out and "no longer in the dataset" in out


def test_show_default_before_anything_is_added(run):
    status, out, _ = run("checklist", "show")
    assert status == 0 and "我  0/0" in out and "hkqh checklist add ID" in out


def test_show_unknown_checklist(run):
    status, _, err = run("checklist", "show", "nobody")
    assert status == 1 and "there is no checklist called 'nobody'" in err


def test_list(run):
    run("checklist", "add", "ehcv-test", "--to", "阿媽")
    run("checklist", "add", "port-test", "voucher-test", "--to", "Bob")
    status, out, _ = run("checklist", "list", "--json")
    assert status == 0
    rows = json.loads(out)
    assert [(r["name"], r["default"], r["saved"], r["services"]) for r in rows] == [
        ("我", True, False, 0),
        ("Bob", False, True, 2),
        ("阿媽", False, True, 1),
    ]
    assert rows[1]["progress"] == {"done": 0, "total": 2}
    status, out, _ = run("checklist", "list")
    assert status == 0 and "(default)" in out and "阿媽" in out and "Bob" in out


def test_damaged_checklist_is_reported_and_the_command_goes_on(run):
    run("checklist", "add", "ehcv-test", "--to", "阿媽")
    path = ChecklistStore().path_for("阿媽")
    path.write_text('{"format": "hkqh-checklist", "ver')
    status, out, err = run("checklist", "list")
    assert status == 0
    assert "warning" in err and ".corrupt-" in err and "kept aside" in err
    aside = list(path.parent.glob("*.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_text() == '{"format": "hkqh-checklist", "ver'


def test_full_disk_is_a_clear_error_and_nothing_changes(run, monkeypatch):
    run("checklist", "add", "ehcv-test")

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "write", full)
        status, _, err = run("checklist", "add", "port-test")
    assert status == 1 and "disk is full" in err
    assert saved_ids() == ["ehcv-test"]


MD = MarkdownIt("commonmark").use(tasklists_plugin)


def test_export_to_standard_output(run):
    run("checklist", "add", "ehcv-test", "port-test", "--to", "阿媽")
    ChecklistStore().set_tick("阿媽", "port-test", "steps", "到服務點登記", True)
    status, out, _ = run("export", "阿媽", "--script", "en")
    assert status == 0
    tokens = MD.parse(out)
    assert tokens[1].content == "Checklist: 阿媽"
    boxes = [t.children[0].content for t in tokens if t.type == "inline" and t.children and t.children[0].type == "html_inline"]
    # the shared document once, then each service's step
    assert len(boxes) == 3 and sum('checked="checked"' in b for b in boxes) == 1


def test_export_as_a_page_to_print(run, tmp_path):
    run("checklist", "add", "ehcv-test", "port-test")
    status, out, _ = run("export", "--format", "html")
    assert status == 0 and out.startswith("<!DOCTYPE html>") and "@media print" in out
    target = tmp_path / "print.html"
    status, _, _ = run("export", "-o", str(target))
    assert status == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    status, _, _ = run("export", "-o", str(tmp_path / "x.md"))
    assert (tmp_path / "x.md").read_text(encoding="utf-8").startswith("# ")


def test_export_to_a_file_refuses_to_overwrite_without_force(run, tmp_path):
    run("checklist", "add", "ehcv-test")
    target = tmp_path / "清單.md"
    status, out, _ = run("export", "-o", str(target))
    assert status == 0 and str(target) in out
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# 清單：我\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # exports hold personal notes

    run("checklist", "add", "port-test")
    status, _, err = run("export", "-o", str(target))
    assert status == 1 and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == first

    os.chmod(target, 0o600)
    status, _, _ = run("export", "-o", str(target), "--force")
    assert status == 0 and "深圳灣口岸" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # the person's own choice of permissions is kept


def test_export_bad_targets(run, tmp_path):
    status, _, err = run("export", "-o", str(tmp_path))
    assert status == 1 and "is a folder" in err
    status, _, err = run("export", "-o", str(tmp_path / "missing" / "x.md"))
    assert status == 1 and "does not exist" in err
    status, _, err = run("export", "nobody")
    assert status == 1 and "there is no checklist called 'nobody'" in err


def test_paths(run, small_dataset, tmp_path):
    status, out, _ = run("paths", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["settings"] == str(settings_file()) and data["checklists"] == str(checklists_dir())
    assert data["cache"] == str(cache_dir())
    assert data["dataset"]["path"] == str(small_dataset) and data["dataset"]["services"] == 3
    status, out, _ = run("paths")
    assert status == 0 and str(checklists_dir()) in out and "3 services" in out and str(cache_dir()) in out
    broken = tmp_path / "broken"
    broken.mkdir()
    status, out, _ = run("paths", data=broken)
    assert status == 0 and "cannot be loaded" in out


def test_real_processes_share_the_checklists(small_dataset):
    assert hkqh("--data", str(small_dataset), "checklist", "add", "ehcv-test", "--to", "搬去前海 🏠").returncode == 0
    assert hkqh("--data", str(small_dataset), "checklist", "add", "port-test", "--to", "搬去前海 🏠").returncode == 0
    shown = hkqh("--data", str(small_dataset), "checklist", "show", "搬去前海 🏠", "--json")
    assert shown.returncode == 0, shown.stderr
    assert [s["id"] for s in json.loads(shown.stdout)["services"]] == ["ehcv-test", "port-test"]
    exported = hkqh("--data", str(small_dataset), "export", "搬去前海 🏠")
    assert exported.returncode == 0 and exported.stdout.startswith("# 清單：搬去前海 🏠\n")
    missing = hkqh("--data", str(small_dataset), "checklist", "remove", "ehcv-test", "--from", "nobody")
    assert missing.returncode == 1 and "there is no checklist called 'nobody'" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_help_lists_the_commands():
    out = hkqh("--help").stdout
    for command in ("checklist", "export", "paths"):
        assert command in out
    sub = hkqh("checklist", "--help").stdout
    for command in ("add", "remove", "show", "list"):
        assert command in sub


def test_export_says_why_each_service_is_there_for_the_saved_profile():
    """Against the bundled data: a retiree's export of the voucher says it fits because of the age."""
    def hkqh(*args):
        return main(list(args))

    assert hkqh("profile", "set", "--age", "65-69", "--lives-in", "hk") == 0
    assert hkqh("checklist", "add", "ehcv-gba-pilot", "--to", "阿媽") == 0
    for fmt in ("markdown", "html"):
        import contextlib
        from io import StringIO

        out = StringIO()
        with contextlib.redirect_stdout(out):
            assert hkqh("export", "阿媽", "--script", "en", "--format", fmt) == 0
        text = out.getvalue()
        assert "Why this is here" in text, fmt
        assert "65 or over" in text, fmt
