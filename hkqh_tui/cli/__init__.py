"""The ``hkqh`` subcommands for scripts.

The CLI never imports the TUI: when a command line asks for the app, :func:`main` calls the ``run_tui`` callable
that :mod:`hkqh_tui.launcher` (the layer above both) passes in.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from hkqh_tui import __version__
from hkqh_tui.cli.context import CommandContext, CommandError
from hkqh_tui.core.dataset.location import DATA_ENV_VAR

COMMAND_MODULES: tuple[str, ...] = (
    "hkqh_tui.cli.data_commands",
    "hkqh_tui.cli.search_command",
    "hkqh_tui.cli.checklist_commands",
    "hkqh_tui.cli.profile_commands",
    "hkqh_tui.cli.plan_command",
)
"""Modules that each add subcommands through a ``register(subparsers)`` function."""

COMMANDS: dict[str, str] = {
    "list": "hkqh_tui.cli.data_commands",
    "show": "hkqh_tui.cli.data_commands",
    "data": "hkqh_tui.cli.data_commands",
    "search": "hkqh_tui.cli.search_command",
    "checklist": "hkqh_tui.cli.checklist_commands",
    "export": "hkqh_tui.cli.checklist_commands",
    "paths": "hkqh_tui.cli.checklist_commands",
    "profile": "hkqh_tui.cli.profile_commands",
    "for-me": "hkqh_tui.cli.profile_commands",
    "plan": "hkqh_tui.cli.plan_command",
}
"""Which module registers each subcommand, so that running one imports only its module (``tests/cli`` checks that
this table and what the modules register agree)."""


def requested_command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (the first word that is not an option or --data's value), if any."""
    words = iter(argv)
    for word in words:
        if word == "--data":
            next(words, None)
        elif word == "--":
            return next(words, None)
        elif not word.startswith("-"):
            return word
    return None


COMMAND_GC_THRESHOLD = 50_000
"""Allocations between two runs of the cyclic garbage collector while a command runs (Python's default: 700)."""


def _terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` finds it ($COLUMNS, then stdout's size, else 80),
    without importing :mod:`shutil`, which loads the bz2 and lzma modules: a few milliseconds of every command."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the width found without :mod:`shutil` (as argparse does, two columns less)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a one-line hint instead of a usage dump on errors."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def _print_message(self, message: str, file=None) -> None:
        # argparse ignores failed writes; a full disk or a closed pipe must be reported like any other output.
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\nTry '{self.prog} --help' for more information.\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: with only ``command``'s module when it names a known subcommand, else every module."""
    parser = _Parser(
        prog="hkqh",
        description=(
            "Find services for Hong Kong residents in Qianhai (前海), Shenzhen. "
            "Without a command, opens the interactive app."
        ),
        epilog=f"The dataset can also be chosen with the {DATA_ENV_VAR} environment variable.",
    )
    parser.add_argument("--version", action="version", version=f"hkqh {__version__}")
    parser.add_argument(
        "--data",
        metavar="PATH",
        help=f"use the dataset at PATH (a data folder or a JSON file from 'hkqh list --json') "
        f"instead of the bundled one (default: ${DATA_ENV_VAR} if set)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, run_tui: Callable[[str | None], int] | None = None) -> int:
    """Run the subcommand ``argv`` asks for; return the exit status.

    A command line without a subcommand asks for the app: ``run_tui(data_path)`` starts it (without it, the usage is
    printed).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    # A command is short-lived and makes many objects that form no cycles: the collector still runs, but rarely.
    # Measured on a cached `hkqh search --json`: 200 ms against 207 ms before loading a dataset paused the collector
    # (core/gc_pause.py); since then, about 1% (220.7 ms against 223.0 ms, medians of 21).
    thresholds = gc.get_threshold()
    gc.set_threshold(COMMAND_GC_THRESHOLD, *thresholds[1:])
    try:
        return _run(arguments, run_tui, thresholds)
    finally:
        gc.set_threshold(*thresholds)


def _run(
    arguments: list[str], run_tui: Callable[[str | None], int] | None, thresholds: tuple[int, int, int]
) -> int:
    try:
        parser = build_parser(requested_command(arguments))
        try:
            args = parser.parse_args(arguments)
        except SystemExit as done:  # --help, --version or a usage error: printed, now make sure it arrived
            sys.stdout.flush()
            return done.code if isinstance(done.code, int) else 2
    except OSError as error:  # --help or a usage message into a closed or full stdout
        return _output_failed(error)
    context = CommandContext(data_path=args.data)
    try:
        if args.command is None:
            if run_tui is None:
                parser.print_usage(sys.stderr)
                return 2
            gc.set_threshold(*thresholds)  # the app is long-lived: the usual thresholds
            return run_tui(context.data_path)
        status = args.func(args, context)
        sys.stdout.flush()  # a full disk or a closed pipe shows up here at the latest, not at exit
        return status
    except CommandError as error:
        context.error(str(error), hint=error.hint)
        return error.status
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        return _output_failed(error)


BROKEN_PIPE_STATUS = 141
"""The exit status when the program reading the output stops early (``hkqh plan | head``): 128 + SIGPIPE, what a
shell reports for ``cat`` or ``git`` in the same place. hkqh says nothing then: the reader stopping is not an error."""


def _output_failed(error: OSError) -> int:
    """Writing the output failed. A closed pipe ends quietly with :data:`BROKEN_PIPE_STATUS`; anything else (a full
    disk) is one line on stderr and exit status 1.

    Standard output is pointed at the null device so that Python's final flush at exit does not fail again.
    """
    from hkqh_tui.core.storage.atomic import error_reason

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    if isinstance(error, BrokenPipeError):
        return BROKEN_PIPE_STATUS
    try:
        sys.stderr.write(f"hkqh: error: could not write the output: {error_reason(error)[1]}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return 1
