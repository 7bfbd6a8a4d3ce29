"""The filter bar: need (category), who it is for (audience) and status, each a compact select."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Select

from hkqh_tui.core.dataset.model import EVERYONE, FILTERS, Vocabularies, Vocabulary
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.strings import tr

_PROMPTS = {"category": "all_categories", "audience": "all_audiences", "status": "all_statuses"}


def filter_value_label(name: str, key: str, vocabulary: Vocabulary, script: Script) -> str:
    """How a filter value reads in ``script``. The audience "everyone" says what choosing it does (only services
    open to everyone), so it cannot be mistaken for "no audience filter"."""
    if name == "audience" and key == EVERYONE:
        return tr("audience_everyone_only", script)
    return show(vocabulary.label(key), script)


class FilterBar(Horizontal):
    """Three selects whose blank choice means "any"."""

    class Changed(Message):
        """A filter was set or cleared."""

        def __init__(self, name: str, value: str | None) -> None:
            super().__init__()
            self.name = name
            self.value = value

    def __init__(self, vocabularies: Vocabularies, script: Script, values: dict[str, str | None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.vocabularies = vocabularies
        self.script = script
        self.initial_values = values
        self._quiet = False

    def _vocabulary(self, name: str) -> Vocabulary:
        return self.vocabularies.for_filter(name)

    def _options(self, name: str, script: Script) -> list[tuple[RenderableType, str]]:
        vocabulary = self._vocabulary(name)
        return [(literal(filter_value_label(name, key, vocabulary, script), multiline=False), key) for key in vocabulary.keys()]

    def compose(self) -> ComposeResult:
        for name in FILTERS:
            value = self.initial_values.get(name)
            yield Select(
                self._options(name, self.script),
                id=f"filter-{name}",
                compact=True,
                allow_blank=True,
                prompt=tr(_PROMPTS[name], self.script),
                value=value if value in self._vocabulary(name) else Select.NULL,
            )

    def select(self, name: str) -> Select:
        """The select of filter ``name``."""
        return self.query_one(f"#filter-{name}", Select)

    def set_script(self, script: Script, values: dict[str, str | None]) -> None:
        """Relabel every select in ``script`` and show ``values`` without posting Changed."""
        if script == self.script and values == {name: self._value(name) for name in FILTERS}:
            return
        self.script = script
        self._quiet = True
        try:
            for name in FILTERS:
                widget = self.select(name)
                vocabulary = self._vocabulary(name)
                widget.prompt = tr(_PROMPTS[name], script)
                widget.set_options(self._options(name, script))
                value = values.get(name)
                widget.value = value if value in vocabulary else Select.NULL
        finally:
            self.call_after_refresh(self._listen)

    def _value(self, name: str) -> str | None:
        value = self.select(name).value
        return None if value is Select.NULL else str(value)

    def _listen(self) -> None:
        self._quiet = False

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self._quiet or event.select.id is None:
            return
        name = event.select.id.removeprefix("filter-")
        value = None if event.value is Select.NULL else str(event.value)
        self.post_message(self.Changed(name, value))
