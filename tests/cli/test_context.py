"""Output into a pipe or a file is as wide as its content (or ``COLUMNS``): no row is cut at 80 columns."""

from __future__ import annotations

import io
import os

import pytest
from rich.table import Table

from hkqh_tui.cli.context import PIPED_WIDTH_LIMIT, _console, fits_content
from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.language.display import show
from hkqh_tui.core.plan.loading import read_plan_for
from tests.cli.process import run_hkqh
from tests.factories import default_records, service_record, write_dataset

LONG_TITLE = "A service whose English title is much longer than one terminal line of eighty columns, " \
             "to see whether it is cut"


@pytest.fixture(autouse=True)
def no_columns(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def long_dataset(tmp_path):
    records = [*default_records(), service_record("long-title", title={"zh-Hant": "很長的標題", "en": LONG_TITLE})]
    return write_dataset(tmp_path / "data", records)


def _line_with(text: str, output: str) -> str:
    return next(line for line in output.splitlines() if "long-title" in line or text in line)


def test_list_into_a_pipe_keeps_each_row_on_one_line(long_dataset):
    result = run_hkqh("--data", str(long_dataset), "list", "--script", "en")  # stdout is a pipe
    assert result.returncode == 0, result.stderr
    row = _line_with(LONG_TITLE, result.stdout)
    assert "long-title" in row and LONG_TITLE in row and "Health" in row and "Operating" in row
    assert len(row) > 80


def test_columns_still_sets_the_width_of_piped_output(long_dataset):
    result = run_hkqh("--data", str(long_dataset), "list", "--script", "en", env={"COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    assert LONG_TITLE not in result.stdout  # wrapped inside its cell
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_search_into_a_pipe_keeps_each_row_on_one_line(long_dataset):
    result = run_hkqh("--data", str(long_dataset), "search", "eighty columns", "--script", "en")
    assert result.returncode == 0, result.stderr
    assert LONG_TITLE in _line_with(LONG_TITLE, result.stdout)


def test_plan_into_a_file_has_every_measure_title_whole(tmp_path):
    out = tmp_path / "plan.txt"
    with out.open("w", encoding="utf-8") as file:
        result = run_hkqh("plan", "--script", "en", stdout=file)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    dataset = read_dataset(None).dataset
    assert dataset is not None
    plan = read_plan_for(None, dataset).plan
    assert plan is not None and plan.measures
    titles = [show(measure.title, "en") for measure in plan.measures]
    assert any(len(title) > 60 for title in titles)  # longer than the column 80 columns left for it
    for title in titles:
        assert title in text, title


def test_printed_as_wide_as_the_content_but_at_least_eighty_columns():
    file = io.StringIO()
    console = _console(file=file, fit_content=True, color_system=None)
    table = Table("name", "value")
    table.add_row("x" * 150, "end")
    console.print(table)
    console.print("short")
    lines = file.getvalue().splitlines()
    assert any("x" * 150 in line and "end" in line for line in lines)
    assert lines[-1] == "short"
    narrow = Table("a", "b", expand=True)  # fills its width: at least the 80 columns it always had
    console.print(narrow)
    assert len(file.getvalue().splitlines()[-1]) == 80


def test_an_endless_line_is_cut_at_the_limit():
    file = io.StringIO()
    console = _console(file=file, fit_content=True, color_system=None)
    table = Table("name")
    table.add_row("y" * (PIPED_WIDTH_LIMIT * 2))
    console.print(table)
    assert max(len(line) for line in file.getvalue().splitlines()) <= PIPED_WIDTH_LIMIT


def test_fits_content_only_outside_a_terminal(monkeypatch):
    assert fits_content(io.StringIO())
    monkeypatch.setenv("COLUMNS", "120")
    assert not fits_content(io.StringIO())
    monkeypatch.setenv("COLUMNS", "wide")
    assert fits_content(io.StringIO())


def test_a_terminal_is_never_fitted_to_the_content():
    controller, terminal = os.openpty()
    try:
        with os.fdopen(terminal, "w", closefd=False) as stream:
            assert not fits_content(stream)
    finally:
        os.close(controller)
        os.close(terminal)


def test_soft_wrapped_text_stays_whole_without_being_measured():
    file = io.StringIO()
    console = _console(file=file, fit_content=True, color_system=None)
    console.print("z" * 300, soft_wrap=True)
    console.print("w" * 300)  # measured: as wide as it is
    assert file.getvalue().splitlines() == ["z" * 300, "w" * 300]
