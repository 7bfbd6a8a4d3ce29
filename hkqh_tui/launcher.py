"""The ``hkqh`` console script: the app without arguments, a subcommand otherwise.

This module sits above both the TUI (:mod:`hkqh_tui.ui`) and the command line (:mod:`hkqh_tui.cli`), which never
import each other. It imports as little as it can before it knows which one is wanted, so ``hkqh --version`` and the
subcommands start fast and a subcommand never loads Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def tui_arguments(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, data path) when ``argv`` only asks for the app (nothing, or just ``--data PATH``)."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data="):
        return True, argv[0].removeprefix("--data=")
    return False, None


def run_tui(data_path: str | None) -> int:
    """Start the app on the dataset at ``data_path`` (None: the default one); return its exit status."""
    from hkqh_tui.ui.launch import run_app

    return run_app(data_path)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app or run a subcommand, as ``argv`` (default: the command line) asks; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments.count("--version") == 1 and tui_arguments([a for a in arguments if a != "--version"])[0]:
        # ``hkqh --version``, also with ``--data PATH``: the version does not depend on the dataset.
        from hkqh_tui import __version__

        sys.stdout.write(f"hkqh {__version__}\n")
        return 0
    wants_app, data_path = tui_arguments(arguments)
    if wants_app:
        # Building the full parser imports every subcommand; the app needs none of them.
        return run_tui(data_path)
    from hkqh_tui.cli import main as cli_main

    return cli_main(arguments, run_tui=run_tui)


def entry_point() -> None:
    """Console-script wrapper around :func:`main`."""
    sys.exit(main())
