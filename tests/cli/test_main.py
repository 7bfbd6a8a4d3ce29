"""The command line's entry: the help's width and the collector's thresholds while a command runs."""

from __future__ import annotations

import contextlib
import gc
import io

from hkqh_tui.cli import COMMAND_GC_THRESHOLD, build_parser, main


def test_help_is_as_wide_as_columns_says(monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    narrow = build_parser("search").format_help()
    monkeypatch.setenv("COLUMNS", "200")
    wide = build_parser("search").format_help()
    assert max(map(len, narrow.splitlines())) <= 48 < max(map(len, wide.splitlines()))


def test_a_bad_columns_value_falls_back_to_a_usable_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "wide")
    assert "usage: hkqh" in build_parser("search").format_help()


def test_the_app_runs_with_the_usual_collector_thresholds(monkeypatch, tmp_path):
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []

    def run_tui(data_path):
        seen.append(gc.get_threshold())
        return 0

    try:
        assert main(["--data", str(tmp_path), "--data", str(tmp_path)], run_tui=run_tui) == 0
    finally:
        gc.set_threshold(*before)
    assert seen == [before]


def test_a_command_runs_with_a_higher_first_threshold_and_restores_the_usual_one(monkeypatch):
    import hkqh_tui.cli as cli

    before = gc.get_threshold()
    seen: list[int] = []
    real_build_parser = cli.build_parser

    def spying_build_parser(command=None):
        seen.append(gc.get_threshold()[0])
        return real_build_parser(command)

    monkeypatch.setattr(cli, "build_parser", spying_build_parser)
    with contextlib.redirect_stdout(io.StringIO()):
        main(["--version"])
    assert seen == [COMMAND_GC_THRESHOLD]
    assert gc.get_threshold() == before
