"""Run a piece of work once for a burst of requests: keys typed while a slow search ran arrive together."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump

__all__ = ["LatestOnly"]


class LatestOnly:
    """Runs ``work`` after the messages already queued for ``owner``, once however often it was requested meanwhile.

    A screen requests it on every change of its search box and keeps the latest text itself, so a burst of changes
    costs one search, for the text the person sees.
    """

    def __init__(self, owner: MessagePump, work: Callable[[], object]) -> None:
        self._owner = owner
        self._work = work
        self._pending = False

    def request(self) -> None:
        """Run the work soon, unless it is already due to run."""
        if not self._pending:
            self._pending = True
            self._owner.call_later(self._run)

    def _run(self) -> None:
        self._pending = False
        self._work()
