"""The core and the CLI never import Textual: the core stays reusable and subcommands start fast."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
