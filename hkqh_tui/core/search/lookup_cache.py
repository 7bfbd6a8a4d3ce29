"""A bounded memory of recent lookups, so that the next keystroke does not look up the same word again.

Typing a sentence searches again on every keystroke, and most of the sentence's pieces (深圳, 醫療券) are the same as
on the keystroke before. An index never changes once built, so what a lookup found stays true; only memory limits
how much is kept. The budget is counted in services found (one entry per service a lookup found, plus one per
lookup), and the lookups used least recently are forgotten first.
"""

from __future__ import annotations

from collections.abc import Callable, Sized
from typing import TypeVar

__all__ = ["LookupCache"]

_Found = TypeVar("_Found", bound=Sized)

MIN_BUDGET = 100_000
"""Services found that are always affordable to keep (a few MB)."""

BUDGET_PER_SERVICE = 4
"""Above :data:`MIN_BUDGET`, the budget grows with the dataset: about four of its commonest words."""


class LookupCache:
    """Results of lookups by (kind, text), least recently used forgotten first, within a budget of entries.

    A kept result is shared by every later lookup of the same text: callers must never change it.
    """

    def __init__(self, size: int, budget: int | None = None) -> None:
        self.budget = budget if budget is not None else max(MIN_BUDGET, BUDGET_PER_SERVICE * size)
        self._kept: dict[tuple[str, str], Sized] = {}
        self._entries = 0

    def __len__(self) -> int:
        return len(self._kept)

    @property
    def entries(self) -> int:
        """How much the kept results weigh (services found, plus one per lookup)."""
        return self._entries

    def get(self, kind: str, text: str, look_up: Callable[[str], _Found]) -> _Found:
        """The result of ``look_up(text)``, from memory when this lookup was made recently."""
        key = (kind, text)
        kept = self._kept.pop(key, None)
        if kept is not None:
            self._kept[key] = kept  # most recently used last
            return kept  # type: ignore[return-value]
        found = look_up(text)
        weight = len(found) + 1
        if weight > self.budget:
            return found  # too big to keep: keeping it would forget everything else
        self._kept[key] = found
        self._entries += weight
        while self._entries > self.budget:
            oldest = next(iter(self._kept))
            self._entries -= len(self._kept.pop(oldest)) + 1
        return found

    def clear(self) -> None:
        """Forget every lookup."""
        self._kept.clear()
        self._entries = 0
