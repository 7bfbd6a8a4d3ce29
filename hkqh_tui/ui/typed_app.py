"""The running app typed as :class:`~hkqh_tui.ui.app.HkqhApp` in hkqh's screens and widgets: ``self.hkqh``.

Textual types ``Widget.app`` as a plain ``App``; screens and widgets that read the app's state (the dataset, the
script, the checklist) mix this in, so a type checker knows what they may use. (Textual's ``getters.app`` would
import the app module when a screen's class is made, a cycle, since the app imports its screens.) The import of the
app module here is for type checkers only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from hkqh_tui.core.dataset.model import Dataset
    from hkqh_tui.ui.app import HkqhApp


class UsesHkqhApp:
    """Mixin for screens and widgets of hkqh: ``self.hkqh`` is the running :class:`HkqhApp`.

    A plain class (not a DOM node), so that it changes nothing in the widget's styles, bindings or component classes.
    """

    if TYPE_CHECKING:
        app: App

    @property
    def hkqh(self) -> HkqhApp:
        """The running app, typed."""
        return cast("HkqhApp", self.app)

    def follow_app(
        self,
        *,
        on_script: Callable[[], None] | None = None,
        on_checklist: Callable[[], None] | None = None,
        on_filters: Callable[[], None] | None = None,
        on_search_ready: Callable[[], None] | None = None,
    ) -> None:
        """Redraw when the app's state changes: ``on_script`` when the script does, ``on_checklist`` when the current
        checklist does, ``on_filters`` when the active filters do, ``on_search_ready`` once the search index is ready. The app never calls its screens; they watch its
        attributes (Textual's "attributes down")."""
        node = cast("DOMNode", self)
        if on_script is not None:
            node.watch(self.hkqh, "display_script", lambda _script: on_script(), init=False)
        if on_checklist is not None:
            node.watch(self.hkqh, "checklist_revision", lambda _revision: on_checklist(), init=False)
        if on_filters is not None:
            node.watch(self.hkqh, "filters", lambda _filters: on_filters(), init=False)
        if on_search_ready is not None:
            node.watch(self.hkqh, "search_ready", lambda ready: on_search_ready() if ready else None, init=False)

    @property
    def loaded_dataset(self) -> Dataset:
        """The app's dataset: every screen but the dataset-error screen is shown only once it has loaded."""
        return self.hkqh.loaded_dataset
