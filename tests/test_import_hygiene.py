"""The core and the CLI never import Textual: the core stays reusable and subcommands start fast."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import hkqh_tui.cli
import hkqh_tui.core


def modules_under(package) -> list[str]:
    return [info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def test_core_and_cli_do_not_import_textual():
    names = modules_under(hkqh_tui.core) + modules_under(hkqh_tui.cli)
    assert "hkqh_tui.core.dataset.loading" in names and "hkqh_tui.cli.data_commands" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Textual imported by core/CLI: {result.stdout}"


def test_a_subcommand_run_does_not_import_textual(small_dataset):
    code = (
        "import sys\n"
        "from hkqh_tui.cli import main\n"
        f"main(['--data', {str(small_dataset)!r}, 'list', '--json'])\n"
        "assert not any(m.startswith('textual') for m in sys.modules), 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(','.join(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.strip().split(","))


def test_the_launcher_defers_everything_until_it_knows_what_is_wanted():
    loaded = _modules_after("import hkqh_tui.launcher")
    heavy = {"textual", "rich", "argparse", "opencc", "rapidfuzz", "hkqh_tui.cli", "hkqh_tui.ui", "hkqh_tui.core"}
    assert not loaded & heavy, loaded & heavy


@pytest.mark.parametrize(
    "argv", [["--version"], ["--data", "elsewhere", "--version"], ["--version", "--data=elsewhere"]]
)
def test_version_loads_neither_the_command_line_nor_the_app(argv):
    code = (
        "import contextlib, io\nfrom hkqh_tui.launcher import main\nout = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out):\n    assert main({argv!r}) == 0\n"
        "assert out.getvalue().startswith('hkqh '), out.getvalue()"
    )
    loaded = _modules_after(code)
    assert not any(m.split(".")[0] in {"textual", "rich"} or m.startswith("hkqh_tui.cli") for m in loaded)


def test_every_subcommand_is_registered_by_the_module_the_table_names():
    import argparse
    import importlib

    from hkqh_tui.cli import COMMAND_MODULES, COMMANDS

    registered: dict[str, str] = {}
    for module_name in COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module_name).register(subparsers)
        registered.update({name: module_name for name in subparsers.choices})
    assert registered == COMMANDS


def test_a_json_listing_loads_neither_rich_nor_other_commands(small_dataset):
    loaded = _modules_after(
        "import contextlib, io\nfrom hkqh_tui.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--data', {str(small_dataset)!r}, 'list', '--json'])"
    )
    assert not any(m == "rich" or m.startswith("rich.") for m in loaded)
    assert "hkqh_tui.cli.search_command" not in loaded and "hkqh_tui.cli.checklist_commands" not in loaded


def _run_quietly(argv: list[str]) -> str:
    """Code that runs ``hkqh ARGV`` in-process with its output discarded."""
    return (
        "import contextlib, io\nfrom hkqh_tui.launcher import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main({argv!r}) == 0"
    )


def test_a_cached_json_listing_loads_neither_the_model_nor_the_loader():
    first = _modules_after(_run_quietly(["list", "--json"]))  # fills the cache
    assert "hkqh_tui.core.dataset.loading" in first
    loaded = _modules_after(_run_quietly(["list", "--json"]))
    deferred = {"hkqh_tui.core.dataset.loading", "hkqh_tui.core.dataset.model", "hkqh_tui.core.dataset.validation",
                "tomllib", "difflib", "hkqh_tui.core.dataset.report"}
    assert not loaded & deferred, loaded & deferred


def test_a_json_search_loads_no_rich():
    loaded = _modules_after(_run_quietly(["search", "醫療券", "--json"]))
    assert not any(m == "rich" or m.startswith("rich.") for m in loaded)


def test_a_search_with_warm_caches_loads_no_converter_and_no_toml_parser():
    first = _modules_after(_run_quietly(["search", "medical voucher", "--json"]))  # fills the caches
    assert "opencc" in first
    for query in ("medical voucher", "醫療券", "医疗券"):
        # Chinese is folded to Simplified one character at a time, from a table: no converter either
        loaded = _modules_after(_run_quietly(["search", query, "--json"]))
        assert not loaded & {"opencc", "tomllib", "rich"}, (query, loaded & {"opencc", "tomllib", "rich"})
    phrase = _modules_after(_run_quietly(["search", "批覆", "--json"]))
    assert "opencc" in phrase  # a phrase OpenCC converts otherwise than character by character is converted whole


def test_a_command_does_not_load_shutil_for_argparse():
    # argparse imports shutil (and with it bz2 and lzma) only to ask for the terminal's width; the CLI asks itself.
    _modules_after(_run_quietly(["search", "醫療券", "--json"]))  # fills the caches (building may need more)
    loaded = _modules_after(_run_quietly(["search", "醫療券", "--json"]))
    assert "shutil" not in loaded
    helped = _modules_after(
        "import contextlib, io\nfrom hkqh_tui.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['search', '--help'])"
    )
    assert "shutil" not in helped and "argparse" in helped


def test_a_search_with_warm_caches_loads_neither_openssl_nor_dataclasses():
    # OpenSSL (through hashlib) and dataclasses (with inspect, ast and dis) cost a warm search about 20 ms of some 50:
    # cache keys use BLAKE2 from Python itself, and the classes a search makes are named tuples and plain classes.
    _modules_after(_run_quietly(["search", "醫療券", "--json"]))  # fills the caches
    for query in ("醫療券", "medical voucher", "yi liao quan"):
        loaded = _modules_after(_run_quietly(["search", query, "--json"]))
        assert not loaded & {"hashlib", "_hashlib", "dataclasses", "inspect"}, (query, loaded)
