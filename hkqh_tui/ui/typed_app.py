"""The running app typed as :class:`~hkqh_tui.ui.app.HkqhApp` in hkqh's screens and widgets: ``self.hkqh``.

Textual types ``Widget.app`` as a plain ``App``; screens and widgets that read the app's state (the dataset, the
script, the checklist) mix this in, so a type checker knows what they may use. (Textual's ``getters.app`` would
import the app module when a screen's class is made, a cycle, since the app imports its screens.) The import of the
app module here is for type checkers only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.app import App

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

    @property
    def loaded_dataset(self) -> Dataset:
        """The app's dataset: every screen but the dataset-error screen is shown only once it has loaded."""
        return self.hkqh.loaded_dataset
