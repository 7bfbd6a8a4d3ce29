"""Read files from outside without trusting them: only regular files, never more than a limit, never deeper than
a limit, every failure a clear message.

A path can name a FIFO (reading it waits forever for a writer), a device (``/dev/zero`` never ends, a tape rewinds),
a folder, or a huge file. :func:`read_regular_file` opens without blocking (``O_NONBLOCK``), checks with ``fstat``
that what it opened is a regular file, and reads at most ``limit`` bytes. :func:`parse_json` turns every parser
failure (bad syntax, nesting too deep for the parser, integers over Python's 4,300-digit limit) into
:class:`ParseError`, and :func:`too_deep` checks nesting without recursion, so deep input never reaches code that
recurses over it.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

MAX_NESTING = 32
"""How deeply lists and tables may nest in any file hkqh reads (its own formats need at most 6)."""


class FileReadError(OSError):
    """A file that was not read: not a regular file, or larger than allowed. ``str(error)`` says which."""

    def __init__(self, path: Path, message: str, *, kind: str) -> None:
        super().__init__(errno.EINVAL, message)
        self.path = path
        self.kind = kind

    def __str__(self) -> str:
        return str(self.strerror)


class ParseError(ValueError):
    """Text that could not be parsed; ``str(error)`` says why in words a person understands."""


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a folder", "a named pipe (FIFO)", "a symbolic link"...)."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises FileNotFoundError when there is nothing there, :class:`FileReadError` for anything that is not a
    regular file or is too large, and OSError for other failures (permission, I/O). Never blocks on a FIFO or device.
    """
    target = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(target, f"it is {kind_of(info.st_mode)}, not a regular file", kind="not_regular")
        if info.st_size > limit:
            raise FileReadError(
                target, f"the file is too large ({info.st_size:,} bytes; the limit is {limit:,})", kind="too_large"
            )
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:  # it grew while being read
            raise FileReadError(target, f"the file is too large (over {limit:,} bytes)", kind="too_large")
        return data
    finally:
        os.close(fd)


def too_deep(value: Any, limit: int = MAX_NESTING) -> bool:
    """True when lists and dicts in ``value`` nest more than ``limit`` levels (checked level by level, without
    recursion)."""
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 0
    while level:
        if depth >= limit:
            return True
        below: list[Any] = []
        for item in level:
            for child in item.values() if isinstance(item, dict) else item:
                if isinstance(child, (dict, list)):
                    below.append(child)
        level = below
        depth += 1
    return False


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 text (byte {error.start})") from None


def parse_json(data: bytes, *, max_depth: int = MAX_NESTING) -> Any:
    """Parse UTF-8 JSON; any failure is a :class:`ParseError` with a message for the person."""
    text = _utf8(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise ParseError(f"not readable: lists or objects nest more than {max_depth} levels deep") from None
    except ValueError as error:  # an integer with more than 4,300 digits
        raise ParseError(f"not readable: {error}") from None
    if too_deep(value, max_depth):
        raise ParseError(f"not readable: lists or objects nest more than {max_depth} levels deep")
    return value


def parse_toml(data: bytes, *, max_depth: int = MAX_NESTING) -> dict[str, Any]:
    """Parse UTF-8 TOML; any failure is a :class:`ParseError` with a message for the person."""
    import tomllib

    text = _utf8(data)
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ParseError(f"not valid TOML: {error}") from None
    except RecursionError:
        raise ParseError(f"not readable: arrays or tables nest more than {max_depth} levels deep") from None
    except ValueError as error:  # an integer with more than 4,300 digits, a date out of range
        raise ParseError(f"not readable: {error}") from None
    if too_deep(value, max_depth):
        raise ParseError(f"not readable: arrays or tables nest more than {max_depth} levels deep")
    return value


def short_repr(value: Any, limit: int = 60) -> str:
    """A short, safe ``repr`` for messages: never recursive trouble, never an unbounded line."""
    if isinstance(value, (dict, list)):
        kind = "a table" if isinstance(value, dict) else "a list"
        return f"{kind} of {len(value)} item(s)"
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # an int over the digit limit
        text = "a very long number" if isinstance(value, int) else f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 1] + "…"
