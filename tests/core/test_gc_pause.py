"""The collector is off inside the block and back as it was after it, also when the block raises."""

from __future__ import annotations

import gc

import pytest

from hkqh_tui.core.gc_pause import collector_paused


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_turns_it_back_on():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_blocks_that_overlap_on_two_threads_turn_it_back_on_when_the_last_ends():
    import threading

    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            assert leave.wait(10)

    thread = threading.Thread(target=other)
    with collector_paused():  # the first block; the other thread's begins inside it and ends after it
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled(), "the other thread's block has not ended"
    leave.set()
    thread.join(10)
    assert gc.isenabled()
