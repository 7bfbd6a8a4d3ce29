"""Start the TUI from the command line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


def run_app(data_path: str | None = None) -> int:
    """Run the app until the person quits; return the exit status."""
    with keys_not_echoed(sys.stdin):
        from hkqh_tui.ui.app import HkqhApp

        app = HkqhApp(data_path)
        app.run()
    return app.return_code or 0


@contextmanager
def keys_not_echoed(stream) -> Iterator[None]:
    """While the app starts, keys typed at once are kept for it but not echoed by the terminal.

    Before Textual takes the terminal, the terminal itself echoes what is typed, and that text stayed on the shell's
    screen after quitting. The terminal's settings are put back as they were when the block ends, however it ends.
    Nothing happens when ``stream`` is not a terminal, or on a system without termios (Windows).
    """
    try:
        import termios
    except ImportError:
        yield
        return
    try:
        fd = stream.fileno()
        if not stream.isatty():
            raise OSError("not a terminal")
        before = termios.tcgetattr(fd)
        quiet = list(before)
        quiet[3] = before[3] & ~termios.ECHO  # the local modes, without echo (line editing and signals stay)
        termios.tcsetattr(fd, termios.TCSANOW, quiet)  # TCSANOW: what was already typed stays to be read
    except (OSError, ValueError, AttributeError, termios.error):
        yield
        return
    try:
        yield
    finally:
        try:
            termios.tcsetattr(fd, termios.TCSANOW, before)
        except (OSError, termios.error):
            pass
