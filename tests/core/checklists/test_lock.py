"""The lock shared by copies of hkqh: exclusive, released on exit, gives up after a timeout."""

from __future__ import annotations

import stat

import pytest

from hkqh_tui.core.checklists.lock import LockTimeout, exclusive_lock


def test_a_second_holder_waits_then_gives_up(tmp_path):
    lock = tmp_path / ".lock"
    with exclusive_lock(lock):
        with pytest.raises(LockTimeout) as caught:
            with exclusive_lock(lock, timeout=0.1):
                pytest.fail("two holders at once")
    assert "another copy of hkqh" in str(caught.value) and caught.value.path == lock


def test_the_lock_is_released_after_the_block_even_on_error(tmp_path):
    lock = tmp_path / ".lock"
    with pytest.raises(RuntimeError):
        with exclusive_lock(lock):
            raise RuntimeError("boom")
    with exclusive_lock(lock, timeout=0.1):
        pass
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        with exclusive_lock(tmp_path / "missing" / ".lock"):
            pass
