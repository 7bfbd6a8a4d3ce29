"""The checklist store: file names, permissions, saving at once, damaged files, full or read-only disks, two
processes at once, and a writer killed at random moments."""

from __future__ import annotations

import errno
import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hkqh_tui.core.checklists.json_format import checklist_from_bytes, checklist_to_text
from hkqh_tui.core.checklists.lock import exclusive_lock
from hkqh_tui.core.checklists.model import Checklist, ChecklistNameError
from hkqh_tui.core.checklists.store import (
    DEFAULT_CHECKLIST_NAME,
    STALE_TEMP_SECONDS,
    ChecklistStore,
    file_stem,
)
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.storage import atomic
from hkqh_tui.core.storage.paths import checklists_dir

REPO_ROOT = Path(__file__).resolve().parents[3]
CORRUPT_NAME = re.compile(r"^.+\.corrupt-\d{8}-\d{6}(-\d+)?\.json$")


@pytest.fixture
def store(tmp_path) -> ChecklistStore:
    return ChecklistStore(tmp_path / "checklists")


@pytest.fixture
def services(small_dataset):
    return load_dataset(small_dataset).services


def saved(store: ChecklistStore, name: str) -> Checklist:
    """What is on disk now, read strictly."""
    return checklist_from_bytes(store.path_for(name).read_bytes())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- names and files ---------------------------------------------------------------------------------------------


def test_default_folder_comes_from_the_user_data_dir(isolated_user_dirs):
    assert ChecklistStore().directory == checklists_dir() == isolated_user_dirs["data"] / "checklists"


@pytest.mark.parametrize(
    ("name", "stem_start"),
    [("阿媽", "阿媽-"), ("搬去 前海", "搬去-前海-"), ("../../etc/passwd", "etc-passwd-"), ("🏠🏠", "checklist-"), ("Mum", "Mum-")],
)
def test_file_names_are_safe_and_keep_a_readable_part(name, stem_start):
    stem = file_stem(name)
    assert stem.startswith(stem_start)
    assert re.fullmatch(r"[^\W.]?[\w-]*-[0-9a-f]{8}", stem), stem
    assert "/" not in stem and "\\" not in stem and not stem.startswith(".")


def test_names_differing_only_in_case_or_symbols_get_different_files():
    stems = {file_stem(n) for n in ("Mum", "mum", "MUM", "a/b", "a-b", "a b", "🏠", "🏡")}
    assert len(stems) == 8


def test_long_names_give_short_file_names():
    assert len(file_stem("長" * 60).encode("utf-8")) < 120


def test_saving_creates_owner_only_folder_and_file(store, services):
    result = store.add_services("阿媽", services[:1])
    assert result.saved and result.notices == ()
    path = store.path_for("阿媽")
    assert path.name.startswith("阿媽-") and path.suffix == ".json"
    assert mode(store.directory) == 0o700
    assert mode(path) == 0o600
    assert saved(store, "阿媽").service_ids() == [services[0].id]


def test_a_folder_the_person_made_keeps_its_permissions(store, services):
    store.directory.mkdir(mode=0o755)
    os.chmod(store.directory, 0o755)
    store.add_services("我", services[:1])
    store.load("我")
    assert mode(store.directory) == 0o755  # never chmod what hkqh did not create
    assert mode(store.path_for("我")) == 0o600  # what hkqh writes is private


def test_folders_hkqh_creates_are_private_even_under_umask_000(tmp_path, services):
    old = os.umask(0)
    try:
        store = ChecklistStore(tmp_path / "new" / "deeper" / "checklists")
        store.add_services("我", services[:1])
    finally:
        os.umask(old)
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper", store.directory):
        assert mode(folder) == 0o700
    assert mode(store.path_for("我")) == 0o600


def test_a_symlinked_file_is_not_chmodded_through(store, services, tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    store.add_services("我", services[:1])
    elsewhere.write_bytes(store.path_for("我").read_bytes())
    os.chmod(elsewhere, 0o644)
    store.path_for("我").unlink()
    store.path_for("我").symlink_to(elsewhere)
    store.load("我")
    store.list()
    assert mode(elsewhere) == 0o644


def test_a_fifo_as_checklist_file_or_lock_never_hangs(store, services):
    store.add_services("我", services[:1])
    path = store.path_for("阿媽")
    os.mkfifo(path)
    loaded = store.load("阿媽")
    assert [n.kind for n in loaded.notices] == ["unreadable"] and "FIFO" in loaded.notices[0].message
    result = store.add_services("阿媽", services[:1])
    assert not result.saved and stat.S_ISFIFO(os.lstat(path).st_mode)  # never replaced
    assert "FIFO" in store.list().notices[0].message
    store.lock_path.unlink()
    os.mkfifo(store.lock_path)
    result = store.add_services("我", services[1:2])
    assert not result.saved and "lock file" in result.notices[-1].message


def test_unusable_names_raise_a_clear_error(store):
    with pytest.raises(ChecklistNameError, match="empty"):
        store.update("  ", lambda c: c)
    with pytest.raises(ChecklistNameError, match="line breaks"):
        store.load("a\nb")


def test_same_name_typed_differently_is_the_same_checklist(store, services):
    store.add_services(" 搬去  前海 ", services[:1])
    assert store.load("搬去 前海").exists
    assert store.load("搬去 前海").checklist.service_ids() == [services[0].id]


# -- saving and loading ------------------------------------------------------------------------------------------


def test_every_change_is_saved_at_once(store, services):
    first, second = services[0].id, services[1].id
    store.add_services("我", services[:2])
    assert saved(store, "我").service_ids() == [first, second]
    store.set_tick("我", first, "documents", "香港身份證", True)
    assert saved(store, "我").entry(first).ticked_documents == {"香港身份證"}
    store.set_note("我", first, "帶老花鏡")
    assert saved(store, "我").entry(first).note == "帶老花鏡"
    store.remove_service("我", second)
    assert saved(store, "我").service_ids() == [first]
    # A fresh store (another run of hkqh) reads it back.
    assert ChecklistStore(store.directory).load("我").checklist == saved(store, "我")


def test_missing_checklist_loads_as_empty_and_unsaved(store):
    loaded = store.load("未有")
    assert not loaded.exists and loaded.checklist.entries == () and loaded.checklist.name == "未有"
    assert not store.exists("未有")
    assert not store.directory.exists()  # reading never creates anything


def test_listing_has_the_default_first_even_before_it_is_saved(store, services):
    store.add_services("阿媽", services[:1])
    store.add_services("Bob", services[:2])
    listing = store.list()
    assert listing.names() == [DEFAULT_CHECKLIST_NAME, "Bob", "阿媽"]
    assert listing.checklists[0].entries == ()
    assert not store.exists(DEFAULT_CHECKLIST_NAME)


def test_create_and_delete(store):
    created = store.create("旅行")
    assert created.saved and store.exists("旅行") and created.notices == ()
    again = store.create("旅行")
    assert [n.kind for n in again.notices] == ["exists"]
    deleted = store.delete("旅行")
    assert deleted.saved and not store.exists("旅行") and deleted.checklist.name == "旅行"
    assert [n.kind for n in store.delete("旅行").notices] == ["not_found"]


def test_a_hand_renamed_file_is_still_found_by_its_name(store, services):
    store.add_services("阿媽", services[:1])
    moved = store.directory / "mum.json"
    store.path_for("阿媽").rename(moved)
    assert store.load("阿媽").checklist.service_ids() == [services[0].id]
    store.set_note("阿媽", services[0].id, "n")
    assert checklist_from_bytes(moved.read_bytes()).entry(services[0].id).note == "n"
    assert not store.path_for("阿媽").exists()
    assert store.list().names().count("阿媽") == 1


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(store, services):
    store.add_services("我", services[:1])
    old = store.directory / ".x.json.abc.tmp"
    fresh = store.directory / ".x.json.def.tmp"
    old.write_text("{")
    fresh.write_text("{")
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    assert store.list().notices == ()
    assert not old.exists() and fresh.exists()


# -- damaged files -----------------------------------------------------------------------------------------------

DAMAGE = {
    "empty": b"",
    "truncated": None,  # filled in from a real file
    "not json": b"\x00\x01garbage\xff",
    "wrong version": json.dumps({"format": "hkqh-checklist", "version": 99, "name": "阿媽", "services": []}).encode(),
    "not a checklist": b'{"hello": "world"}',
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_moved_aside_reported_and_never_overwritten(store, services, damage):
    store.add_services("阿媽", services[:2])
    path = store.path_for("阿媽")
    good = path.read_bytes()
    bad = good[: len(good) // 2] if DAMAGE[damage] is None else DAMAGE[damage]
    path.write_bytes(bad)

    loaded = ChecklistStore(store.directory).load("阿媽")  # a new run of hkqh
    assert [n.kind for n in loaded.notices] == ["moved_aside"]
    notice = loaded.notices[0]
    assert CORRUPT_NAME.match(notice.path.name) and notice.path.parent == store.directory
    assert notice.path.read_bytes() == bad  # kept exactly as it was
    assert str(notice.path) in notice.message
    assert not path.exists() and not loaded.exists and loaded.checklist.entries == ()
    # The app goes on: the next change makes a new, good file; the damaged one stays aside.
    assert store.list().names().count("阿媽") == 0
    result = ChecklistStore(store.directory).add_services("阿媽", services[:1])
    assert result.saved and saved(store, "阿媽").service_ids() == [services[0].id]
    assert notice.path.read_bytes() == bad


def test_damage_found_while_saving_keeps_the_last_good_version(store, services):
    store.add_services("阿媽", services[:2])
    store.path_for("阿媽").write_text("{ truncated")
    result = store.set_note("阿媽", services[0].id, "still here")
    assert result.saved
    assert [n.kind for n in result.notices] == ["moved_aside"]
    on_disk = saved(store, "阿媽")
    assert on_disk.service_ids() == [services[0].id, services[1].id]
    assert on_disk.entry(services[0].id).note == "still here"
    assert len([p for p in store.directory.iterdir() if ".corrupt-" in p.name]) == 1


def test_listing_moves_damaged_files_aside_and_goes_on(store, services):
    store.add_services("好", services[:1])
    store.add_services("壞", services[:1])
    store.path_for("壞").write_bytes(b"")
    listing = ChecklistStore(store.directory).list()
    assert "好" in listing.names() and "壞" not in listing.names()
    assert [n.kind for n in listing.notices] == ["moved_aside"]


def test_two_damaged_files_in_the_same_second_get_distinct_names(store, services):
    for _ in range(3):
        store.add_services("阿媽", services[:1])
        store.path_for("阿媽").write_bytes(b"")
        store.load("阿媽")
    aside = [p.name for p in store.directory.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 3 and all(CORRUPT_NAME.match(n) for n in aside)


def test_damaged_file_that_cannot_be_moved_aside_is_left_untouched(store, services, monkeypatch):
    store.add_services("阿媽", services[:1])
    path = store.path_for("阿媽")
    path.write_bytes(b"{broken")

    def refuse(*args):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "rename", refuse)
    loaded = store.load("阿媽")
    assert [n.kind for n in loaded.notices] == ["damaged"]
    result = store.set_note("阿媽", services[0].id, "x")
    assert not result.saved and "not_saved" in [n.kind for n in result.notices]
    assert path.read_bytes() == b"{broken"


def test_unreadable_file_is_reported_and_not_overwritten(store, services):
    store.directory.mkdir(parents=True)
    store.path_for("阿媽").mkdir()  # a folder where the file should be: reading fails, and not as damage
    loaded = store.load("阿媽")
    assert [n.kind for n in loaded.notices] == ["unreadable"]
    result = store.add_services("阿媽", services[:1])
    assert not result.saved and "could not be read" in result.notices[-1].message
    assert store.path_for("阿媽").is_dir()


# -- full disk, read-only folder, busy lock: the change is kept in memory --------------------------------------


def fail_writes_with(patch: pytest.MonkeyPatch, code: int) -> None:
    def failing_write(fd, data):
        raise OSError(code, os.strerror(code))

    patch.setattr(atomic.os, "write", failing_write)


def test_full_disk_keeps_the_change_in_memory_and_saves_it_later(store, services, monkeypatch):
    first = services[0].id
    store.add_services("我", services[:1])
    before = store.path_for("我").read_bytes()
    with monkeypatch.context() as patch:
        fail_writes_with(patch, errno.ENOSPC)
        result = store.set_tick("我", first, "steps", "到服務點登記", True)
        assert not result.saved and result.unsaved_changes == 1
        assert result.checklist.entry(first).ticked_steps == {"到服務點登記"}  # shown as ticked
        [notice] = result.notices
        assert notice.kind == "not_saved" and "disk is full" in notice.message and "kept" in notice.message
        assert store.path_for("我").read_bytes() == before  # the file is untouched
        assert [p.name for p in store.directory.iterdir() if p.name.endswith(".tmp")] == []

        second = store.set_note("我", first, "記得帶相")
        assert not second.saved and second.unsaved_changes == 2
        assert store.load("我").checklist.entry(first).note == "記得帶相"  # loading shows unsaved changes too
        assert store.unsaved_changes("我") == 2

    retried = store.retry("我")
    assert retried.saved and retried.unsaved_changes == 0 and store.unsaved_changes("我") == 0
    on_disk = saved(store, "我").entry(first)
    assert on_disk.ticked_steps == {"到服務點登記"} and on_disk.note == "記得帶相"


def test_read_only_folder_simulated(store, services, monkeypatch):
    store.add_services("我", services[:1])

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    result = store.add_services("我", services[1:2])
    assert not result.saved and "read-only" in result.notices[-1].message
    assert result.checklist.service_ids() == [services[0].id, services[1].id]
    assert saved(store, "我").service_ids() == [services[0].id]


def test_read_only_folder_with_chmod(store, services):
    store.add_services("我", services[:1])
    os.chmod(store.directory, 0o500)
    try:
        probe = store.directory / "probe"
        try:
            probe.write_text("")
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("running with privileges that ignore folder permissions (root); see the tmpfs and simulated tests")
        result = store.add_services("我", services[1:2])
        assert not result.saved and "permission denied" in result.notices[-1].message
        assert len(result.checklist.entries) == 2
    finally:
        os.chmod(store.directory, 0o700)


def test_real_full_disk(tiny_filesystem, services):
    store = ChecklistStore(tiny_filesystem.path / "checklists")
    assert store.add_services("我", services[:1]).saved
    filler = tiny_filesystem.fill()
    result = store.set_note("我", services[0].id, "長" * 20_000)
    assert not result.saved and "disk is full" in result.notices[-1].message
    assert result.checklist.entry(services[0].id).note == "長" * 20_000
    assert saved(store, "我").entry(services[0].id).note == ""
    filler.unlink()
    assert store.retry("我").saved
    assert saved(store, "我").entry(services[0].id).note == "長" * 20_000


def test_real_read_only_file_system(tiny_filesystem, services):
    store = ChecklistStore(tiny_filesystem.path / "checklists")
    assert store.add_services("我", services[:1]).saved
    tiny_filesystem.make_read_only()
    result = store.add_services("我", services[1:2])
    assert not result.saved and "read-only" in result.notices[-1].message
    assert len(result.checklist.entries) == 2
    assert saved(store, "我").service_ids() == [services[0].id]
    assert store.load("我").checklist.service_ids() == [services[0].id, services[1].id]


def test_busy_lock_keeps_the_change_in_memory(tmp_path, services):
    store = ChecklistStore(tmp_path / "checklists", lock_timeout=0.2)
    store.add_services("我", services[:1])
    with exclusive_lock(store.lock_path):
        result = store.add_services("我", services[1:2])
    assert not result.saved and "another copy of hkqh" in result.notices[-1].message
    assert store.retry("我").saved
    assert len(saved(store, "我").entries) == 2


# -- real processes ----------------------------------------------------------------------------------------------

CONCURRENT_WRITER = textwrap.dedent(
    """
    import random, sys, time
    from hkqh_tui.core.checklists.store import ChecklistStore
    folder, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = ChecklistStore(folder, lock_timeout=30)
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for i in range(count):
        result = store.update("共用", lambda c, i=i: c.with_service(f"{who}-{i}").with_tick("shared", "steps", f"{who}-{i}"))
        assert result.saved, result.notices
        time.sleep(random.uniform(0, 0.004))  # like a person typing: changes come in separately
    """
)


def test_two_processes_at_once_lose_no_change(tmp_path):
    folder = tmp_path / "checklists"
    assert ChecklistStore(folder).update("共用", lambda c: c.with_service("shared")).saved
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    count = 60
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_WRITER, str(folder), who, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for who in ("left", "right")
    ]
    for child in children:
        assert child.stdout.readline() == b"ready\n"
    for child in children:
        child.stdin.write(b"go\n")
        child.stdin.flush()
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
    final = ChecklistStore(folder).load("共用").checklist
    expected = {f"{who}-{i}" for who in ("left", "right") for i in range(count)}
    assert set(final.service_ids()) == expected | {"shared"}
    assert final.entry("shared").ticked_steps == expected
    # The two processes really interleaved (neither ran all its changes before the other started).
    order = [sid.split("-")[0] for sid in final.service_ids()[1:]]
    switches = sum(1 for a, b in zip(order, order[1:]) if a != b)
    assert switches >= 2, order


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from hkqh_tui.core.checklists.store import ChecklistStore
    store = ChecklistStore(sys.argv[1])
    start = store.load("長") .checklist
    n = int(start.entry("s").note.split(":")[0]) if start.entry("s") else 0
    store.update("長", lambda c: c.with_service("s"))
    print("ready", flush=True)
    while True:
        n += 1
        note = f"{n}:" + "記" * (n % 3000)
        result = store.set_note("長", "s", note)
        assert result.saved, result.notices
        store.set_tick("長", "s", "steps", f"step-{n % 50}", n % 2 == 0)
    """
)


def test_killing_a_writer_at_random_moments_leaves_every_file_whole(tmp_path):
    """SIGKILL a process that saves a checklist in a loop, 25 times; after each kill every file reads strictly."""
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    folder = tmp_path / "checklists"
    ChecklistStore(folder).create("其他")  # a file no one writes; it must stay intact too
    other = (folder / (file_stem("其他") + ".json")).read_bytes()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    last_counter = 0
    for attempt in range(25):
        child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(folder)], stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        files = sorted(p for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith("."))
        assert [p.name for p in files] == sorted([file_stem("長") + ".json", file_stem("其他") + ".json"]), seed
        checklist = checklist_from_bytes((folder / (file_stem("長") + ".json")).read_bytes())  # strict: raises if broken
        note = checklist.entry("s").note
        if not note:  # killed before the first note was saved: only possible before any note was
            assert last_counter == 0, f"a saved note was lost (seed {seed}, kill {attempt})"
            continue
        counter, _, body = note.partition(":")
        assert body == "記" * (int(counter) % 3000), f"note does not match its counter (seed {seed}, kill {attempt})"
        assert int(counter) >= last_counter, f"an older version came back (seed {seed}, kill {attempt})"
        last_counter = int(counter)
    assert (folder / (file_stem("其他") + ".json")).read_bytes() == other
    assert last_counter > 25, "the writer never got going"
    # Temporary files left by kills in the middle of a write show that the kills did land there.
    assert any(p.name.endswith(".tmp") for p in folder.iterdir()), f"no kill landed during a write (seed {seed})"
    listing = ChecklistStore(folder).list()
    assert listing.notices == () and set(listing.names()) == {DEFAULT_CHECKLIST_NAME, "長", "其他"}


def test_a_killed_process_does_not_leave_the_lock_held(tmp_path):
    folder = tmp_path / "checklists"
    folder.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from hkqh_tui.core.checklists.lock import exclusive_lock\n"
            "with exclusive_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(folder / ".lock"),
        ],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert holder.stdout.readline() == b"held\n"
    store = ChecklistStore(folder, lock_timeout=0.2)
    assert not store.create("我").saved  # held by the other process
    holder.kill()
    holder.wait()
    holder.stdout.close()
    assert store.retry("我").saved


def test_saved_text_is_exactly_the_serialised_checklist(store, services):
    result = store.add_services("我", services)
    assert store.path_for("我").read_text(encoding="utf-8") == checklist_to_text(result.checklist)
