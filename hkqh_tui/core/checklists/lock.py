"""A lock shared by every copy of hkqh on the machine, so that saving a checklist is read-change-write as one step.

The lock is an advisory lock (``fcntl.flock``; ``msvcrt.locking`` on Windows) on a small lock file. It is released
when the file is closed, which the operating system also does when a process dies, so a killed copy never leaves the
lock held.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class LockTimeout(Exception):
    """The lock stayed held by another process for longer than the timeout."""

    def __init__(self, path: Path, timeout: float) -> None:
        super().__init__(f"another copy of hkqh kept {path} locked for more than {timeout:g} s; try again")
        self.path = path


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError:
        if fcntl is None:  # msvcrt reports a held lock as a plain OSError (EDEADLOCK)
            return False
        raise
    return True


@contextmanager
def exclusive_lock(path: Path, *, timeout: float = 5.0, poll_interval: float = 0.01) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created with mode 0600 if needed) for the ``with`` block.

    Waits up to ``timeout`` seconds, then raises :class:`LockTimeout`. OSError (read-only folder, no permission, a
    lock file that is a symbolic link, FIFO or device) propagates.
    """
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or device planted as the lock file: never wait on it
            raise OSError(errno.EINVAL, f"the lock file {path} is not a regular file; remove it")
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(path, timeout)
            time.sleep(poll_interval)
        yield
    finally:
        os.close(fd)
