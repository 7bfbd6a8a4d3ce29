"""Reading outside files: only regular files, bounded in size and nesting, every failure a clear message."""

from __future__ import annotations

import os

import pytest

from hkqh_tui.core.storage.reading import (
    MAX_NESTING,
    FileReadError,
    ParseError,
    parse_json,
    parse_toml,
    read_regular_file,
    short_repr,
    too_deep,
)


def test_reads_a_regular_file(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"[1]")
    assert read_regular_file(path, 10) == b"[1]"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileReadError, match="FIFO"):
        read_regular_file(fifo, 1000)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_directly_and_through_a_symlink(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    link = tmp_path / "data.json"
    link.symlink_to(device)
    for path in (device, link):
        with pytest.raises(FileReadError, match="device"):
            read_regular_file(path, 1000)


def test_folder_missing_and_too_large(tmp_path):
    with pytest.raises(FileReadError, match="folder"):
        read_regular_file(tmp_path, 1000)
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "nothing", 1000)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileReadError, match="too large"):
        read_regular_file(big, 100)


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 5_000, 200_000])
def test_deep_json_is_a_parse_error(depth):
    with pytest.raises(ParseError, match="nest"):
        parse_json(b"[" * depth + b"]" * depth)
    with pytest.raises(ParseError, match="nest"):
        parse_json(b'{"a":' * depth + b"1" + b"}" * depth)


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5_000 + "]" * 5_000,
        "a = " + "{b = " * 3_000 + "1" + "}" * 3_000,
        "a" + ".a" * 5_000 + " = 1",
        "[" + ".".join(["t"] * 1_000) + "]\nk = 1",
    ],
)
def test_deep_toml_is_a_parse_error(text):
    with pytest.raises(ParseError, match="nest"):
        parse_toml(text.encode())


def test_integers_over_the_digit_limit_are_parse_errors():
    with pytest.raises(ParseError, match="not readable"):
        parse_json(b"[" + b"9" * 5_000 + b"]")
    with pytest.raises(ParseError, match="not readable"):
        parse_toml(b"a = " + b"9" * 5_000)


def test_bad_encodings_and_syntax():
    with pytest.raises(ParseError, match="UTF-8"):
        parse_json(b"\xff")
    with pytest.raises(ParseError, match="JSON"):
        parse_json(b"{")
    with pytest.raises(ParseError, match="TOML"):
        parse_toml(b"a = ")


def test_too_deep_does_not_recurse():
    value: list = []
    for _ in range(100_000):
        value = [value]
    assert too_deep(value) and not too_deep([[1]], 2) and too_deep([[[1]]], 2)


def test_short_repr_is_bounded_and_safe():
    assert short_repr({"a": 1}) == "a table of 1 item(s)"
    assert len(short_repr("x" * 1000)) == 60
    assert short_repr(int("9" * 4000) * 10**1000) == "a very long number"
