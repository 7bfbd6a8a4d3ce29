"""Keys typed while the app starts are not echoed by the terminal, and its settings come back as they were."""

from __future__ import annotations

import io
import os

import pytest

from hkqh_tui.ui.launch import keys_not_echoed

termios = pytest.importorskip("termios")  # a POSIX terminal (Windows has none)
pty = pytest.importorskip("pty")


def test_echo_is_off_while_the_app_starts_and_back_after():
    leader, follower = pty.openpty()
    try:
        with os.fdopen(os.dup(follower), "rb", buffering=0) as terminal:
            before = termios.tcgetattr(follower)
            assert before[3] & termios.ECHO
            with keys_not_echoed(terminal):
                inside = termios.tcgetattr(follower)
                assert not inside[3] & termios.ECHO
                assert inside[3] & termios.ICANON == before[3] & termios.ICANON  # only echo changes
            assert termios.tcgetattr(follower) == before
            with pytest.raises(RuntimeError), keys_not_echoed(terminal):
                raise RuntimeError("the app failed")
            assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


def test_what_is_typed_before_is_still_there_to_read():
    leader, follower = pty.openpty()
    try:
        with os.fdopen(os.dup(follower), "rb", buffering=0) as terminal:
            os.write(leader, b"ylq\n")
            with keys_not_echoed(terminal):
                assert os.read(follower, 100) == b"ylq\n"
    finally:
        os.close(leader)
        os.close(follower)


def test_not_a_terminal_is_left_alone():
    with keys_not_echoed(io.BytesIO(b"")):  # no file descriptor at all
        pass
    read, write = os.pipe()
    try:
        with os.fdopen(read, "rb") as pipe, keys_not_echoed(pipe):
            pass
    finally:
        os.close(write)
