"""What every subcommand shares: the chosen dataset, consoles for output and errors, JSON printing."""

from __future__ import annotations

import errno
import json
import os
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from hkqh_tui.core.dataset.model import Dataset


PIPED_WIDTH_LIMIT = 10_000
"""The widest line printed into a pipe or a file (without ``COLUMNS``); output narrower than that is never cut."""


def _console(*, fit_content: bool = False, **options: Any) -> Console:
    """A rich console that lets a closed pipe surface as BrokenPipeError (rich would exit silently).

    ``fit_content``: each print is as wide as what it prints (at least 80 columns), instead of the 80 columns rich
    falls back to when the output is not a terminal, so that rows written into a pipe or a file are whole.
    rich is imported here, on first output, so that commands printing JSON never load it.
    """
    from rich.console import Console
    from rich.measure import Measurement
    from rich.text import Text

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def print(self, *objects: Any, **print_options: Any) -> None:
            if fit_content and objects and print_options.get("width") is None and not self._unwrapped_text(
                    objects, print_options.get("soft_wrap")):
                print_options["width"] = self._content_width(objects, print_options.get("sep", " "))
            super().print(*objects, **print_options)

        def _unwrapped_text(self, objects: tuple[Any, ...], soft_wrap: bool | None) -> bool:
            """Text printed with soft wrapping is never cut, whatever the width: nothing to measure."""
            return bool(self.soft_wrap if soft_wrap is None else soft_wrap) and all(
                isinstance(item, (str, Text)) for item in objects)

        def _content_width(self, objects: tuple[Any, ...], sep: str) -> int:
            measuring = self.options.update_width(PIPED_WIDTH_LIMIT)
            widest = sum(Measurement.get(self, measuring, item).maximum for item in objects)
            return min(PIPED_WIDTH_LIMIT, max(80, widest + len(sep) * (len(objects) - 1)))

    if fit_content:
        # The console's own width is the limit: rich never prints wider than it, whatever a print asks for.
        options.setdefault("width", PIPED_WIDTH_LIMIT)
    return _Console(**options)


def fits_content(stream: Any) -> bool:
    """True when output to ``stream`` should be as wide as its content: it is not a terminal and ``COLUMNS`` does
    not set a width."""
    isatty = getattr(stream, "isatty", None)
    try:
        terminal = bool(isatty()) if isatty is not None else False
    except ValueError:  # a closed stream
        terminal = False
    return not terminal and not os.environ.get("COLUMNS", "").isdigit()


class CommandError(Exception):
    """A failure to report to the user as a clear message (never a traceback)."""

    def __init__(self, message: str, *, hint: str = "", status: int = 1) -> None:
        super().__init__(message)
        self.hint = hint
        self.status = status


class CommandContext:
    """Lazily loads the dataset and holds the consoles a command writes to."""

    def __init__(self, data_path: str | None = None) -> None:
        self.data_path = data_path

    @cached_property
    def out(self) -> Console:
        """Console for results (stdout): as wide as the terminal, or ``COLUMNS``, or (into a pipe or a file) as wide
        as each thing it prints, so that no row is cut."""
        return _console(highlight=False, soft_wrap=False, fit_content=fits_content(sys.stdout))

    @cached_property
    def err(self) -> Console:
        """Console for messages (stderr)."""
        return _console(stderr=True, highlight=False)

    @cached_property
    def dataset(self) -> Dataset:
        """The dataset chosen by --data / $HKQH_DATA / the bundled one; a CommandError lists its problems."""
        from hkqh_tui.core.dataset.loading import read_dataset

        result = read_dataset(self.data_path)
        if result.dataset is None:
            lines = [str(p) for p in result.problems[:20]]
            if result.problem_count > 20 or result.unchecked:
                lines.append(f"... {result.summary()} in all")
            raise CommandError(
                "the dataset could not be loaded:\n  " + "\n  ".join(lines),
                hint="Run 'hkqh data validate' on it for the full list, or drop --data to use the bundled dataset.",
            )
        return result.dataset

    def error(self, message: str, *, hint: str = "") -> None:
        """Print an error message (and a hint on what to do) to stderr."""
        from hkqh_tui.presentation.literal import markup_safe

        self.err.print(f"[bold red]hkqh: error:[/] {markup_safe(message, multiline=True)}", soft_wrap=True)
        if hint:
            self.err.print(markup_safe(hint, multiline=True), soft_wrap=True)

    def print_json(self, data: Any) -> None:
        """Print JSON for programs: UTF-8, indented, no colour."""
        self.print_text(json_text(data))

    def print_text(self, text: str) -> None:
        """Print text made for programs (such as :func:`json_text` gives) as it is, and make sure it arrived."""
        sys.stdout.write(text)
        sys.stdout.flush()


def json_text(data: Any) -> str:
    """``data`` as :meth:`CommandContext.print_json` prints it: indented JSON, one line break at the end."""
    from hkqh_tui.core.language.visible import ACTIVE_CHARACTERS

    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 controls; C1 controls, direction overrides, separators and lone surrogates are escaped
    # here too (they only occur inside strings, where \uXXXX means the same), so a terminal never acts on them.
    text = ACTIVE_CHARACTERS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text + "\n"
