"""Search for a screen that lists services, so typing never waits for a slow search or a large index."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from textual.dom import DOMNode
from textual.widgets import Static

from hkqh_tui.core.dataset.filters import Filters
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.strings import getting_ready
from hkqh_tui.ui.typed_app import UsesHkqhApp

__all__ = ["BackgroundSearch", "ScreenSearch", "SearchKey"]

SearchKey = tuple[str, Filters]
"""What a search is for: the query as typed and the app's filters."""


class BackgroundSearch:
    """Runs one search at a time on a worker thread and hands the results to ``show`` on the UI thread.

    ``searcher`` gives the function that searches (a ready index's ``search``), ``known_filters`` the filters it
    takes, and ``show`` draws the results found for a key (with ``from_top`` as asked).

    What is asked for while a search runs is searched next, once, with only the latest request (the keys typed
    meanwhile arrive together). The last results are kept: asking again for the same query and filters (a mark or
    the script changed) shows them without searching. A screen that draws results of its own meanwhile (a listing
    without a query) calls :meth:`drawn_elsewhere`, so that a search still running does not draw over them.
    """

    def __init__(
        self,
        owner: DOMNode,
        searcher: Callable[[], Callable[..., Sequence]],
        known_filters: Callable[[Filters], Mapping[str, Any]],
        show: Callable[[SearchKey, Sequence, bool], None],
    ) -> None:
        self._owner = owner
        self._searcher = searcher
        self._known_filters = known_filters
        self._show = show
        self._running = False
        self._wanted: tuple[SearchKey, bool] | None = None
        self._kept: tuple[SearchKey, Sequence] | None = None
        self._drawn_elsewhere = 0

    @property
    def running(self) -> bool:
        """True while a search runs on the worker."""
        return self._running

    def request(self, key: SearchKey, from_top: bool) -> None:
        """Show the results for ``key``: the kept ones at once when they are for it, else after a search."""
        if self._kept is not None and self._kept[0] == key:
            self._show(key, self._kept[1], from_top)
            return
        self._wanted = (key, from_top)
        if not self._running:
            self._start()

    def drawn_elsewhere(self) -> None:
        """The screen drew other results: a search that is running now will not be shown."""
        self._drawn_elsewhere += 1

    def _start(self) -> None:
        assert self._wanted is not None
        key, from_top = self._wanted
        self._wanted = None
        self._running = True
        drawn = self._drawn_elsewhere
        query, filters = key
        known = self._known_filters(filters)
        search, app = self._searcher(), self._owner.app  # read on the UI thread: the worker touches no widget

        def run() -> None:
            results = None
            try:
                results = search(query, **known)
            finally:  # the next search must be able to start, whatever happened to this one
                try:
                    app.call_from_thread(self._done, key, from_top, results, drawn)
                except RuntimeError:
                    pass  # the app is closing

        self._owner.run_worker(run, thread=True, group="search", exit_on_error=False)

    def _done(self, key: SearchKey, from_top: bool, results: Sequence | None, drawn: int) -> None:
        self._running = False
        if results is not None:
            self._kept = (key, results)
            if drawn == self._drawn_elsewhere:
                # Shown even when the text changed meanwhile: an earlier prefix's results, until the next ones come.
                self._show(key, results, from_top)
        if self._wanted is not None:
            self._start()


class ScreenSearch:
    """How a screen that lists services searches (the main and For me screens), drawing with ``show(results, query,
    from_top=...)``.

    With a small dataset, a search runs as it is asked for. With a large one (:attr:`HkqhApp.searches_in_background`)
    it runs on a worker (:class:`BackgroundSearch`), and a search asked for before the index is ready says so on the
    screen's ``#status-line`` and leaves what is shown; :attr:`waiting` then tells the screen to search again once
    the app's ``search_ready`` turns true.
    """

    def __init__(self, screen: UsesHkqhApp, show: Callable[..., None]) -> None:
        self._screen = screen
        self._show = show
        self.waiting = False
        """True when the last search had to wait for the index."""
        self._background = BackgroundSearch(
            cast(DOMNode, screen),
            lambda: screen.hkqh.index.search,
            lambda filters: filters.known(screen.hkqh.loaded_dataset.vocabularies),
            lambda key, results, from_top: show(results, key[0], from_top=from_top),
        )

    @property
    def running(self) -> bool:
        """True while a search runs on the worker."""
        return self._background.running

    def search(self, query: str, *, from_top: bool) -> None:
        """Search ``query`` with the app's filters and show the results (now, or when the worker has them)."""
        app = self._screen.hkqh
        if app.searches_in_background and app.search_ready and query.strip():
            self._background.request((query, app.filters), from_top)
            return
        results = app.run_search(query)
        if results is None:  # the index of a large dataset is still being built: what is shown stays until it is
            self.waiting = True
            text = getting_ready(app.script, len(app.loaded_dataset.services))
            cast(DOMNode, self._screen).query_one("#status-line", Static).update(literal(text, multiline=False))
            return
        self.waiting = False
        self._background.drawn_elsewhere()  # a search still running on the worker must not draw over these
        self._show(results, query, from_top=from_top)
