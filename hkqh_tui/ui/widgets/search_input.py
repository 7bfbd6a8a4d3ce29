"""The search box of the main and the "For me" screens."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from hkqh_tui.ui.typed_app import UsesHkqhApp

HELP_KEYS_IN_EMPTY_SEARCH = ("?", "？")
"""Typed into an empty search box these open the help (no search starts with a question mark); after text they
are typed as usual."""


class SearchInput(UsesHkqhApp, Input):
    """The search box; escape or the down arrow leaves it for the results, ``?`` in an empty box opens the help."""

    BINDINGS = [Binding("escape", "leave", "To results", id="leave_search")]

    async def _on_key(self, event: events.Key) -> None:
        if event.character in HELP_KEYS_IN_EMPTY_SEARCH and not self.value:
            event.stop()
            event.prevent_default()
            self.hkqh.action_help()
            return
        if event.key == "down":  # as in a phone's or a browser's search box, the arrow goes on to the results
            event.stop()
            event.prevent_default()
            self.action_leave()
            return
        await super()._on_key(event)

    class Leave(Message):
        """The person leaves the search box for the results."""

    def action_leave(self) -> None:
        self.post_message(self.Leave())
