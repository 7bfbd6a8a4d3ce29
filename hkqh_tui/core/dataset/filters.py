"""The filters a person chose: one need (category), one audience and one status, each "any" when unset."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from hkqh_tui.core.dataset.model import FILTERS, Vocabularies


class Filters(NamedTuple):
    """The active filters, a value (compared by content, never changed in place); None means any."""

    category: str | None = None
    audience: str | None = None
    status: str | None = None

    def get(self, name: str) -> str | None:
        """The value of filter ``name`` (one of :data:`~hkqh_tui.core.dataset.model.FILTERS`)."""
        if name not in FILTERS:
            raise KeyError(name)
        value: str | None = getattr(self, name)
        return value

    def with_value(self, name: str, value: str | None) -> Filters:
        """These filters with filter ``name`` set to ``value`` (None: any)."""
        if name not in FILTERS:
            raise KeyError(name)
        return self._replace(**{name: value})

    def items(self) -> Iterator[tuple[str, str | None]]:
        """(name, value) of every filter, in the order of :data:`~hkqh_tui.core.dataset.model.FILTERS`."""
        return ((name, self.get(name)) for name in FILTERS)

    def known(self, vocabularies: Vocabularies) -> dict[str, str]:
        """The filters that are set to a value the dataset knows, by name; a value it does not know (a setting
        kept from another dataset) filters nothing."""
        return {name: value for name, value in self.items() if value and value in vocabularies.for_filter(name)}

    def __bool__(self) -> bool:
        """True when any filter is set."""
        return any(value for _, value in self.items())
