"""Shared fixtures: every test runs with its own user directories, never the developer's real ones."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import write_dataset


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point settings and saved work at fresh temporary folders, and forget any HKQH_DATA override."""
    root = tmp_path_factory.mktemp("user")
    config = root / "config"
    data = root / "data"
    monkeypatch.setenv("HKQH_CONFIG_DIR", str(config))
    monkeypatch.setenv("HKQH_DATA_DIR", str(data))
    monkeypatch.setenv("HKQH_CACHE_DIR", str(root / "cache"))
    monkeypatch.delenv("HKQH_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return {"config": config, "data": data}


@pytest.fixture
def small_dataset(tmp_path: Path) -> Path:
    """A valid three-service dataset in the curated folder layout."""
    return write_dataset(tmp_path / "data")


class TinyFileSystem:
    """A real, tiny tmpfs: fill it to get a real "disk full", remount it to get a real read-only folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fill(self) -> Path:
        """Write a filler file until the file system is full; returns the filler (delete it to free the space)."""
        filler = self.path / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC, error
        finally:
            os.close(fd)
        return filler

    def make_read_only(self) -> None:
        """Remount read-only: every write fails with EROFS, even for root."""
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True, capture_output=True)


@pytest.fixture
def tiny_filesystem(tmp_path: Path) -> Iterator[TinyFileSystem]:
    """A 64 KiB tmpfs mounted for this test; skipped where mounting is not allowed (not root, or a sandbox)."""
    mount_point = tmp_path / "tiny-fs"
    mount_point.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real tiny file system needs root to mount a tmpfs; the simulated tests cover this case")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}); the simulated tests cover this case")
    try:
        yield TinyFileSystem(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)
