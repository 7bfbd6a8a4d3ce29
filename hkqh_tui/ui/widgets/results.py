"""The results list: one row per service with title (matches highlighted), category and status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text as RichText
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hkqh_tui.core.language.ui_text import STATUS_STYLES

MARK = "✓"


@dataclass(frozen=True)
class ResultRow:
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
    """One results row laid out in ``width`` cells; columns stay aligned whatever the script. A related (weak)
    result is drawn dim and italic, after the answers."""
    show_category = width >= 48
    fixed = 2 + status_width + 1 + ((category_width + 1) if show_category else 0)
    title_width = max(8, width - fixed)
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
    if row.related:
        text.stylize("dim italic")
    return text


class ResultsList(OptionList):
    """An option list of services with j/k movement and space to mark."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("g", "first", "First", show=False, id="first"),
        Binding("G", "last", "Last", show=False, id="last"),
        Binding("space", "toggle_mark", "Mark", id="toggle_mark"),
        Binding("enter", "select", "Details", id="open_detail"),
    ]

    class ToggleMark(Message):
        """The person pressed space on a service."""

        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[ResultRow] = []
        self._column_widths = (10, 8)

    def show_rows(self, rows: list[ResultRow], category_width: int, status_width: int, *, from_top: bool = False) -> None:
        """Replace the rows, keeping the highlighted service where it is still listed (unless ``from_top``)."""
        previous = None if from_top else self.highlighted_service_id
        self.rows = rows
        self._column_widths = (category_width, status_width)
        if not self.size.width:
            return  # not laid out yet: the first resize draws the rows at the real width
        self._draw(previous)

    def _draw(self, keep: str | None) -> None:
        self.set_options(self._options_for(self.rows))
        if self.rows:
            ids = [row.service_id for row in self.rows]
            self.highlighted = ids.index(keep) if keep in ids else 0

    def _options_for(self, rows: list[ResultRow]) -> list[Option]:
        width = max(20, self.scrollable_content_region.width or self.size.width or 80)
        category_width, status_width = self._column_widths
        return [Option(render_row(row, width, category_width, status_width), id=row.service_id) for row in rows]

    def on_resize(self) -> None:
        self._draw(self.highlighted_service_id)

    @property
    def highlighted_service_id(self) -> str | None:
        """The id of the highlighted service, if any."""
        if self.highlighted is None or not self.rows or self.highlighted >= len(self.rows) or not self.option_count:
            return None
        return self.rows[self.highlighted].service_id

    def action_toggle_mark(self) -> None:
        service_id = self.highlighted_service_id
        if service_id:
            self.post_message(self.ToggleMark(service_id))
