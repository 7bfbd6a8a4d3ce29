"""Replace a file's contents atomically: a crash or a kill at any moment leaves the old file or the new one.

The new text goes to a temporary file in the same folder (same file system, so the final rename is atomic), is
flushed and fsynced, then renamed over the target with :func:`os.replace`; the folder is fsynced last so the rename
itself survives a power cut. On failure the temporary file is removed and :class:`AtomicWriteError` says why in words
a person understands (disk full, read-only, no permission).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"
"""Temporary files are named ``.<target name>.<random>.tmp`` next to the target."""

_REASONS: dict[int, tuple[str, str]] = {
    getattr(errno, "EDQUOT", errno.ENOSPC): ("disk_full", "the disk quota is used up"),
    errno.ENOSPC: ("disk_full", "the disk is full"),
    errno.EROFS: ("read_only", "the file system is read-only"),
    errno.EACCES: ("permission", "permission denied"),
    errno.EPERM: ("permission", "operation not permitted"),
    errno.ENOENT: ("other", "the folder does not exist"),
    errno.EISDIR: ("other", "it is a folder"),
}
# fsync on a folder is not supported everywhere (some network and FUSE file systems); the rename already happened.
_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EACCES, errno.EPERM}


def error_reason(error: OSError) -> tuple[str, str]:
    """``(reason, words)`` for an OSError: reason is ``"disk_full"``, ``"read_only"``, ``"permission"`` or
    ``"other"``; words say what happened in plain English (``"the disk is full"``)."""
    return _REASONS.get(error.errno or 0, ("other", error.strerror or str(error)))


class AtomicWriteError(OSError):
    """A file could not be written; the old file, if any, is untouched.

    ``reason`` is ``"disk_full"``, ``"read_only"``, ``"permission"`` or ``"other"``; ``path`` is the target file;
    ``str(error)`` is a complete sentence for the user.
    """

    def __init__(self, path: Path, cause: OSError) -> None:
        reason, words = error_reason(cause)
        super().__init__(cause.errno, f"could not save {path}: {words}")
        self.path = path
        self.reason = reason
        self.cause = cause

    def __str__(self) -> str:
        return str(self.strerror)


def temp_file_prefix(path: Path) -> str:
    """The name prefix of the temporary files written for ``path`` (hidden: it starts with a dot)."""
    return f".{path.name}."


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: folders cannot be opened for fsync
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        if error.errno in _DIR_FSYNC_UNSUPPORTED:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _link_new(temp_name: str, target: Path) -> None:
    """Give the finished temporary file the target's name only if nothing has that name (FileExistsError else)."""
    try:
        os.link(temp_name, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # No hard links on this file system: check, then rename (a small window instead of none).
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temp_name, target)
        return
    os.unlink(temp_name)


def atomic_write_bytes(
    path: str | os.PathLike[str], data: bytes, *, mode: int = 0o600, exclusive: bool = False
) -> None:
    """Replace ``path`` with ``data`` atomically, with permissions ``mode``; raise :class:`AtomicWriteError`.

    With ``exclusive`` the file is only created, never replaced: if anything has that name (even a FIFO, a device
    or a dangling symbolic link) FileExistsError is raised and nothing is written.
    """
    target = Path(path)
    folder = target.parent
    temp_name: str | None = None
    fd: int | None = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=temp_file_prefix(target), suffix=TEMP_SUFFIX)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        _write_all(fd, data)
        os.fsync(fd)
        open_fd, fd = fd, None
        os.close(open_fd)
        if exclusive:
            _link_new(temp_name, target)
        else:
            os.replace(temp_name, target)
        temp_name = None
        _fsync_folder(folder)
    except FileExistsError:
        raise
    except OSError as error:
        raise AtomicWriteError(target, error) from error
    finally:
        if fd is not None:
            os.close(fd)
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def atomic_write_text(path: str | os.PathLike[str], text: str, *, mode: int = 0o600, exclusive: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8, newlines as written) atomically; raise :class:`AtomicWriteError`."""
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode, exclusive=exclusive)


def write_cache_file(path: Path, data: bytes) -> bool:
    """Replace a cache file with ``data`` atomically, in a private folder made if missing; False (nothing written)
    when something that is not a regular file (a FIFO, a link, a folder) has its name, which is left alone.

    Raises OSError (:class:`AtomicWriteError` included) when the folder or the file cannot be written.
    """
    import stat

    from hkqh_tui.core.storage.paths import ensure_private_dir

    ensure_private_dir(path.parent)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data)
    return True


def keep_aside(path: Path) -> Path:
    """Rename a damaged file to ``<stem>.corrupt-<date>-<time>[-n]<suffix>`` next to it and return the new path.

    The file is never deleted or overwritten; raises OSError if it cannot be renamed.
    """
    from datetime import datetime

    base = f"{path.stem}.corrupt-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    target = path.with_name(base + path.suffix)
    counter = 2
    while target.exists():
        target = path.with_name(f"{base}-{counter}{path.suffix}")
        counter += 1
    os.rename(path, target)
    return target
