"""atomic_write_text: old or new file, never a broken one; clear errors; no temporary files left behind."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hkqh_tui.core.storage import atomic
from hkqh_tui.core.storage.atomic import TEMP_SUFFIX, AtomicWriteError, atomic_write_text, error_reason

REPO_ROOT = Path(__file__).resolve().parents[3]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def test_writes_utf8_text_with_owner_only_permissions(tmp_path):
    target = tmp_path / "阿媽.json"
    atomic_write_text(target, "香港身份證\n🏠\n")
    assert target.read_bytes() == "香港身份證\n🏠\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_replaces_existing_file_and_applies_requested_mode(tmp_path):
    target = tmp_path / "export.md"
    target.write_text("old")
    os.chmod(target, 0o600)
    atomic_write_text(target, "new", mode=0o644)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_newlines_are_written_as_given(tmp_path):
    target = tmp_path / "x.txt"
    atomic_write_text(target, "a\nb\r\nc")
    assert target.read_bytes() == b"a\nb\r\nc"


def test_disk_full_while_writing_keeps_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "list.json"
    target.write_text("old contents")
    real_write = os.write
    calls = []

    def write_then_fill(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[:10]))  # a partial write, then the disk fills up
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", write_then_fill)
    with pytest.raises(AtomicWriteError) as caught:
        atomic_write_text(target, "x" * 1000)
    assert caught.value.reason == "disk_full"
    assert "disk is full" in str(caught.value) and str(target) in str(caught.value)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_text() == "old contents"
    assert leftovers(tmp_path) == []


def test_partial_writes_are_completed(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(atomic.os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    target = tmp_path / "x.txt"
    atomic_write_text(target, "0123456789" * 50)
    assert target.read_text() == "0123456789" * 50


def test_fsync_failure_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "list.json"
    target.write_text("old")

    def failing_fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(AtomicWriteError) as caught:
        atomic_write_text(target, "new")
    assert caught.value.reason == "other"
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_read_only_file_system_simulated(tmp_path, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    with pytest.raises(AtomicWriteError) as caught:
        atomic_write_text(tmp_path / "x.json", "{}")
    assert caught.value.reason == "read_only"
    assert "read-only" in str(caught.value)


def test_read_only_folder_with_chmod(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        probe = folder / "probe"
        try:
            probe.write_text("")
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("running with privileges that ignore folder permissions (root); see the tmpfs and simulated tests")
        with pytest.raises(AtomicWriteError) as caught:
            atomic_write_text(folder / "x.json", "{}")
        assert caught.value.reason == "permission"
        assert list(folder.iterdir()) == []
    finally:
        os.chmod(folder, 0o700)


def test_real_full_disk(tiny_filesystem):
    target = tiny_filesystem.path / "list.json"
    atomic_write_text(target, "old")
    filler = tiny_filesystem.fill()
    with pytest.raises(AtomicWriteError) as caught:
        atomic_write_text(target, "n" * 20_000)
    assert caught.value.reason == "disk_full"
    assert target.read_text() == "old"
    assert leftovers(tiny_filesystem.path) == []
    filler.unlink()
    atomic_write_text(target, "n" * 20_000)
    assert target.read_text() == "n" * 20_000


def test_real_read_only_file_system(tiny_filesystem):
    target = tiny_filesystem.path / "list.json"
    atomic_write_text(target, "old")
    tiny_filesystem.make_read_only()
    with pytest.raises(AtomicWriteError) as caught:
        atomic_write_text(target, "new")
    assert caught.value.reason == "read_only"
    assert target.read_text() == "old"


def test_target_that_is_a_folder_is_refused_and_cleaned_up(tmp_path):
    (tmp_path / "out.md").mkdir()
    with pytest.raises(AtomicWriteError):
        atomic_write_text(tmp_path / "out.md", "text")
    assert leftovers(tmp_path) == []
    assert (tmp_path / "out.md").is_dir()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(AtomicWriteError) as caught:
        atomic_write_text(tmp_path / "nowhere" / "x.md", "text")
    assert "folder does not exist" in str(caught.value)


def test_error_reason_words():
    assert error_reason(OSError(errno.ENOSPC, "No space")) == ("disk_full", "the disk is full")
    assert error_reason(OSError(errno.EACCES, "Permission denied"))[0] == "permission"
    assert error_reason(OSError(errno.EIO, "I/O error")) == ("other", "I/O error")


WRITER = textwrap.dedent(
    """
    import sys
    from hkqh_tui.core.storage.atomic import atomic_write_text
    target, a, b = sys.argv[1], "A" * 300_000 + "\\n", "B" * 200_000 + "\\n"
    atomic_write_text(target, a)
    print("ready", flush=True)
    while True:
        atomic_write_text(target, b)
        atomic_write_text(target, a)
    """
)


def test_killing_the_writer_at_random_moments_never_leaves_a_broken_file(tmp_path):
    """SIGKILL a process that rewrites a file in a loop, 25 times: the file is always exactly one version."""
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    target = tmp_path / "target.txt"
    versions = {"A" * 300_000 + "\n", "B" * 200_000 + "\n"}
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    for attempt in range(25):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        content = target.read_text()
        assert content in versions, f"broken file after kill {attempt} (seed {seed}): {len(content)} characters"
    # A kill between creating and renaming a temporary file leaves it behind: hidden, and never read as the file.
    # At least one is expected, which shows that the kills did land in the middle of writes.
    left = leftovers(tmp_path)
    assert left and all(name.startswith(".target.txt.") for name in left), f"seed {seed}"


def test_keep_aside_never_overwrites(tmp_path):
    from hkqh_tui.core.storage.atomic import keep_aside

    first = tmp_path / "x.json"
    first.write_text("one", encoding="utf-8")
    kept_one = keep_aside(first)
    first.write_text("two", encoding="utf-8")
    kept_two = keep_aside(first)
    assert kept_one != kept_two and not first.exists()
    assert {kept_one.read_text(encoding="utf-8"), kept_two.read_text(encoding="utf-8")} == {"one", "two"}
    assert kept_one.name.startswith("x.corrupt-") and kept_one.suffix == ".json"
