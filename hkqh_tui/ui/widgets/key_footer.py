"""The footer of key bindings, rebuilt only when what it shows changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's :class:`~textual.widgets.Footer`, which rebuilds its keys whenever the screen's bindings change.

    At start-up the bindings change several times before anything differs on screen (the focus moves to the search
    box, the descriptions are translated): each rebuild mounts and styles every key again, which made the footer
    about a third of the time from start to the first frame. This footer rebuilds only when the keys, descriptions or
    enabled states it would show differ from the ones it shows.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def shown_keys(self) -> tuple[tuple[str, str, str, bool, str], ...]:
        """What the footer would show now: (keys, description, action, enabled, tooltip) for each binding."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        # Footer.bindings_changed (textual 8.2.8, pinned), rebuilding only through _recompose_if_changed.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self.shown_keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
