"""The results list: one row per service with title (matches highlighted), category and status.

Only a window of rows is built as options (a few screens' worth); it grows as the cursor nears its end, so a broad
query over 100,000 services costs what one screen of rows costs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, overload

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text as RichText
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hkqh_tui.core.language.ui_text import STATUS_STYLES

MARK = "✓"
MIN_TITLE_CELLS_WITH_CATEGORY = 16
"""The category column is shown only when the title keeps at least this many cells."""


class ResultRow(NamedTuple):
    """What one row shows; built by the screen from a search result."""

    service_id: str
    title: str
    spans: Sequence[tuple[int, int]]
    category: str
    status: str
    status_label: str
    marked: bool
    related: bool = False
    """True for a weak result: it shares part of the query but may not answer it (drawn dim)."""


class LazyRows(Sequence[ResultRow]):
    """Rows made on first access from ``items`` by ``make``, so rows nobody scrolls to are never built."""

    def __init__(self, items: Sequence, make: Callable[[object], ResultRow], ids: Sequence[str]) -> None:
        self._items = items
        self._make = make
        self._rows: dict[int, ResultRow] = {}
        self.ids: Sequence[str] = ids
        """The service id of every row, in order (cheap: no row is built for it)."""

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> ResultRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[ResultRow]: ...

    def __getitem__(self, index: int | slice) -> ResultRow | list[ResultRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = self._make(self._items[index])
        return row


def row_ids(rows: Sequence[ResultRow]) -> Sequence[str]:
    """The service ids of ``rows`` in order, without building lazy rows."""
    return rows.ids if isinstance(rows, LazyRows) else [row.service_id for row in rows]


def fit(text: str, width: int) -> tuple[str, int]:
    """Cut ``text`` to at most ``width`` terminal cells (wide CJK characters count 2), adding … when cut.

    Returns the fitted text and the number of characters kept from the original.
    """
    if cell_len(text) <= width:
        return text, len(text)
    if width <= 0:
        return "", 0
    used = 0
    for index, char in enumerate(text):
        size = get_character_cell_size(char)
        if used + size > width - 1:
            return text[:index] + "…", index
        used += size
    return text, len(text)


def pad(text: str, width: int) -> str:
    """Pad ``text`` with spaces to exactly ``width`` cells (after fitting)."""
    fitted, _ = fit(text, width)
    return fitted + " " * max(0, width - cell_len(fitted))


def render_row(row: ResultRow, width: int, category_width: int, status_width: int) -> RichText:
    """One results row laid out in exactly ``width`` cells (never more); columns stay aligned whatever the script.
    A related (weak) result is drawn dim and italic, after the answers.

    The status is always shown whole; the category is dropped on narrow rows; the title takes what is left and is
    cut with an ellipsis by cell width.
    """
    fixed = 2 + status_width + 1
    show_category = width - fixed - (category_width + 1) >= MIN_TITLE_CELLS_WITH_CATEGORY
    if show_category:
        fixed += category_width + 1
    title_width = max(1, width - fixed)
    text = RichText(no_wrap=True, overflow="crop")
    text.append(f"{MARK} " if row.marked else "  ", style="bold green")
    fitted, kept = fit(row.title, title_width)
    title = RichText(fitted)
    for start, end in row.spans:
        if start < kept:
            title.stylize("bold reverse", start, min(end, kept))
    text.append_text(title)
    text.append(" " * max(0, title_width - cell_len(fitted)))
    if show_category:
        text.append(" " + pad(row.category, category_width), style="dim")
    text.append(" " + pad(row.status_label, status_width), style=STATUS_STYLES.get(row.status, ""))
    text.truncate(width)
    if row.related:
        text.stylize("dim italic")
    return text


class RowRenderable:
    """A result row that lays itself out at the width it is given when drawn, so it always fits on one line."""

    def __init__(self, row: ResultRow, category_width: int, status_width: int) -> None:
        self.row = row
        self.category_width = category_width
        self.status_width = status_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield render_row(self.row, options.max_width, self.category_width, self.status_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


SERVICE_LIST_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
    Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
    Binding("g", "first", "First", show=False, id="first"),
    Binding("G", "last", "Last", show=False, id="last"),
    Binding("space", "toggle_mark", "Mark", id="toggle_mark"),
    Binding("enter", "select", "Details", id="open_detail"),
]
"""The keys of a list of services (the results, "For me"): j/k and g/G move, Space marks, Enter opens."""


class ResultsList(OptionList):
    """An option list of services with j/k movement and space to mark."""

    BINDINGS = [*SERVICE_LIST_BINDINGS]

    class ToggleMark(Message):
        """The person pressed space on a service."""

        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    WINDOW_SCREENS = 4
    """How many screens of rows are built ahead of the cursor."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[ResultRow] = []
        self._column_widths = (10, 8)

    def show_rows(
        self, rows: Sequence[ResultRow], category_width: int, status_width: int, *, from_top: bool = False
    ) -> None:
        """Replace the rows, keeping the highlighted service where it is still listed (unless ``from_top``)."""
        previous = None if from_top else self.highlighted_service_id
        self.rows = rows
        self._column_widths = (category_width, status_width)
        self._draw(previous)

    @property
    def _window_step(self) -> int:
        return max(20, (self.size.height or 30) * self.WINDOW_SCREENS)

    def _draw(self, keep: str | None) -> None:
        ids = row_ids(self.rows)
        position = ids.index(keep) if keep is not None and keep in ids else 0
        built = min(len(self.rows), max(self._window_step, position + self._window_step))
        self.set_options(self._options_for(self.rows[:built]))
        if self.rows:
            self.highlighted = position

    def _options_for(self, rows: Sequence[ResultRow]) -> list[Option]:
        category_width, status_width = self._column_widths
        return [Option(RowRenderable(row, category_width, status_width), id=row.service_id) for row in rows]

    def build_through(self, up_to: int) -> None:
        """Build the options of the rows up to index ``up_to`` (and a window beyond) if they are not built yet."""
        built = self.option_count
        if up_to < built - self._window_step // 2 or built >= len(self.rows):
            return
        end = min(len(self.rows), max(up_to + 1, built) + self._window_step)
        self.add_options(self._options_for(self.rows[built:end]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self:
            self.build_through(event.option_index)

    def action_last(self) -> None:
        self.build_through(len(self.rows) - 1)
        super().action_last()

    def action_page_down(self) -> None:
        self.build_through((self.highlighted or 0) + (self.size.height or 30))
        super().action_page_down()

    @property
    def highlighted_service_id(self) -> str | None:
        """The id of the highlighted service, if any."""
        if self.highlighted is None or not self.rows or self.highlighted >= len(self.rows) or not self.option_count:
            return None
        return row_ids(self.rows)[self.highlighted]

    def action_toggle_mark(self) -> None:
        service_id = self.highlighted_service_id
        if service_id:
            self.post_message(self.ToggleMark(service_id))
