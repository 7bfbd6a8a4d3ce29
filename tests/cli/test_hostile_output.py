"""Hostile text through the command line, as real subprocesses: printed literally, never raw escapes, never a
traceback; a closed standard output ends quietly, a full one is one line; export targets that are not regular files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from hkqh_tui.cli import BROKEN_PIPE_STATUS
from hkqh_tui.core.checklists.store import ChecklistStore
from hkqh_tui.core.dataset.loading import load_dataset
from tests.cli.process import run_hkqh
from tests.factories import default_records, service_record, write_dataset, write_json_dataset

MARKUP = ["[/]", "[x]", "[link=file:///etc/passwd]passwd[/link]", "[@click=app.screenshot('/tmp/owned')]shot[/]", "[bold"]


def hkqh(*args: str, env: dict[str, str] | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return run_hkqh(*args, env=env, stdout=stdout, text=False)

@pytest.fixture
def markup_dataset(tmp_path):
    records = default_records()
    records[0]["title"] = {"zh-Hant": "標題 [/] [x]", "en": "Title [/] [x]"}
    records[0]["steps"] = [{"zh-Hant": text, "en": text} for text in MARKUP]
    records[0]["aliases"] = ["[/]", "[red]alias"]
    records[0]["sources"][0]["title"] = "Source [/] [@click=app.quit]"
    records[0]["sources"][0]["publisher"] = "[link=file:///etc/passwd]Publisher"
    return write_dataset(tmp_path / "markup", records)


@pytest.mark.parametrize("script", ["hant", "hans", "en"])
def test_show_and_list_print_markup_literally(markup_dataset, script):
    shown = hkqh("--data", str(markup_dataset), "show", "ehcv-test", "--script", script)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout.decode()
    for text in MARKUP:
        assert text in out
    assert "Source [/] [@click=app.quit]" in out and "[link=file:///etc/passwd]Publisher" in out
    listed = hkqh("--data", str(markup_dataset), "list", "--script", script)
    assert listed.returncode == 0 and "[/] [x]" in listed.stdout.decode()


def test_links_are_only_ever_http(markup_dataset):
    """With colour and hyperlinks forced on, no link to a file is ever emitted."""
    shown = hkqh("--data", str(markup_dataset), "show", "ehcv-test", env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""})
    out = shown.stdout.decode()
    assert shown.returncode == 0 and "\x1b]8;" in out  # real hyperlinks are there...
    links = [part.split("\x1b\\")[0] for part in out.split("\x1b]8;")[1:]]
    assert all(link.split(";", 1)[1].startswith(("https://", "http://")) or link.split(";", 1)[1] == "" for link in links)


@pytest.fixture
def hostile_checklists(small_dataset):
    store = ChecklistStore()
    dataset = load_dataset(small_dataset)
    service = dataset.get("ehcv-test")
    store.add_services("[/x]", [service])
    store.set_note("[/x]", "ehcv-test", "line one \x1b[2J\x1b]0;owned\x07\nsecond \u202eline [bold]")
    store.add_services("[Mum]", [service])
    path = store.path_for("[Mum]")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["updated"] = "2026\x1b[31m"
    data["services"].append({"id": "gone\x1b[5m-id", "title": {"zh-Hant": "走\x1b[1m", "en": "gone\x9b"}, "note": "n\x1b"})
    path.write_text(json.dumps(data), encoding="utf-8")
    return small_dataset


def _no_raw_escapes(data: bytes) -> None:
    text = data.decode()
    for char in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert char not in text


def test_checklist_show_and_list_print_names_notes_and_ids_visibly(hostile_checklists):
    data = str(hostile_checklists)
    shown = hkqh("--data", data, "checklist", "show", "[/x]")
    assert shown.returncode == 0, shown.stderr
    _no_raw_escapes(shown.stdout)
    out = shown.stdout.decode()
    assert "[/x]" in out and "\\x1b[2J" in out and "[bold]" in out and "\\u202eline" in out
    mum = hkqh("--data", data, "checklist", "show", "[Mum]")
    assert mum.returncode == 0, mum.stderr
    _no_raw_escapes(mum.stdout)
    assert "gone\\x1b[5m-id" in mum.stdout.decode()
    listed = hkqh("--data", data, "checklist", "list")
    assert listed.returncode == 0
    _no_raw_escapes(listed.stdout)
    assert "[/x]" in listed.stdout.decode() and "[Mum]" in listed.stdout.decode() and "2026\\x1b[31m" in listed.stdout.decode()
    exported = hkqh("--data", data, "export", "[/x]")
    assert exported.returncode == 0
    _no_raw_escapes(exported.stdout)


def test_validate_echoes_keys_visibly(tmp_path):
    records = default_records()
    records[0]["\x1b]0;owned\x07"] = "x"
    root = write_dataset(tmp_path / "d", records)
    result = hkqh("data", "validate", str(root))
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    _no_raw_escapes(result.stdout + result.stderr)
    assert "\\x1b]0;owned\\x07: unknown field" in result.stdout.decode()


COMMANDS = [["list"], ["list", "--json"], ["show", "ehcv-test"], ["export"], ["checklist", "list"], ["paths"], ["--help"],
            ["search", "voucher"], ["data", "validate"]]


@pytest.mark.parametrize("args", COMMANDS)
def test_full_stdout_is_one_line_and_non_zero(small_dataset, args):
    with open("/dev/full", "wb") as full:
        result = hkqh("--data", str(small_dataset), *args, stdout=full)
    assert result.returncode != 0
    assert result.stderr.decode().splitlines() == ["hkqh: error: could not write the output: the disk is full"]


@pytest.mark.parametrize("args", COMMANDS)
def test_closed_stdout_ends_quietly_with_status_141(small_dataset, args):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = hkqh("--data", str(small_dataset), *args, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (BROKEN_PIPE_STATUS, b"")


def test_a_reader_that_stops_after_one_line_ends_hkqh_quietly(tmp_path):
    """``hkqh for-me | head -1`` with more output than a pipe holds: head leaves while hkqh still writes."""
    data = write_json_dataset(tmp_path / "many.json", [service_record(f"service-{i:04d}") for i in range(2500)])
    command = [sys.executable, "-m", "hkqh_tui", "--data", str(data), "for-me", "--script", "en"]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    assert producer.stdout is not None and producer.stderr is not None
    producer.stdout.close()  # head alone holds the read end: when it exits, the pipe is closed
    first_line, _ = head.communicate(timeout=120)
    errors = producer.stderr.read().decode()
    producer.stderr.close()
    assert producer.wait(timeout=120) == BROKEN_PIPE_STATUS
    assert head.returncode == 0 and first_line == b"\n"  # for-me starts with a blank line before its first group
    assert "could not write" not in errors and "Traceback" not in errors
    assert errors.strip().startswith("You have not answered any question")  # the one message it prints anyway


@pytest.mark.parametrize("kind", ["fifo", "devnull", "symlink-to-fifo", "folder"])
def test_export_never_replaces_what_is_not_a_regular_file(small_dataset, tmp_path, kind):
    target = tmp_path / "target.md"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "devnull":
        target = "/dev/null"
    elif kind == "symlink-to-fifo":
        os.mkfifo(tmp_path / "pipe")
        target.symlink_to(tmp_path / "pipe")
    else:
        target.mkdir()
    before = os.lstat(target)
    result = hkqh("--data", str(small_dataset), "export", "-o", str(target), "--force")
    assert result.returncode == 1 and b"not a regular file" in result.stderr and b"Traceback" not in result.stderr
    after = os.lstat(target)
    assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)


def test_a_failed_save_says_it_was_not_saved(small_dataset, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    result = hkqh("--data", str(small_dataset), "checklist", "add", "ehcv-test", env={"HKQH_DATA_DIR": str(blocker)})
    err = result.stderr.decode()
    assert result.returncode == 1 and "not saved" in err and "while hkqh is open" not in err and "Traceback" not in err


def test_checklists_folder_is_created_private_under_umask_000(small_dataset, tmp_path):
    env = {"HKQH_DATA_DIR": str(tmp_path / "new-data")}
    result = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.umask(0); from hkqh_tui.cli import main; sys.exit(main(sys.argv[1:]))",
         "--data", str(small_dataset), "checklist", "add", "ehcv-test"],
        env={**os.environ, **env}, capture_output=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for folder in (tmp_path / "new-data", tmp_path / "new-data" / "checklists"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_json_output_escapes_c1_direction_and_surrogates_but_means_the_same(hostile_checklists):
    store = ChecklistStore()
    store.set_note("[/x]", "ehcv-test", "c1 \x9b2J bidi \u202e sep \u2028 esc \x1b")
    result = hkqh("--data", str(hostile_checklists), "checklist", "show", "[/x]", "--json")
    assert result.returncode == 0, result.stderr
    _no_raw_escapes(result.stdout)
    assert "\u2028" not in result.stdout.decode()
    note = json.loads(result.stdout)["services"][0]["note"]
    assert note == "c1 \x9b2J bidi \u202e sep \u2028 esc \x1b"
