"""The filter bar: need (category), who it is for (audience) and status, each a compact select."""

from __future__ import annotations

from rich.console import RenderableType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Select
from textual.widgets.select import NoSelection

from hkqh_tui.core.dataset.model import EVERYONE, FILTERS, Vocabulary
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.strings import tr
from hkqh_tui.ui.typed_app import UsesHkqhApp

_PROMPTS = {"category": "all_categories", "audience": "all_audiences", "status": "all_statuses"}


def filter_value_label(name: str, key: str, vocabulary: Vocabulary, script: Script) -> str:
    """How a filter value reads in ``script``. The audience "everyone" says what choosing it does (only services
    open to everyone), so it cannot be mistaken for "no audience filter"."""
    if name == "audience" and key == EVERYONE:
        return tr("audience_everyone_only", script)
    return show(vocabulary.label(key), script)


class FilterBar(UsesHkqhApp, Horizontal):
    """Three selects whose blank choice means "any", mounted one frame after the bar itself.

    The bar shows the app's filters (:attr:`HkqhApp.filters`) in the app's script and follows both; a choice the
    person makes goes up as :class:`Changed`, and the app, which owns the filters, sets them.
    """

    class Changed(Message):
        """The person set or cleared a filter."""

        def __init__(self, name: str, value: str | None) -> None:
            super().__init__()
            self.name = name
            self.value = value

    def _vocabulary(self, name: str) -> Vocabulary:
        return self.loaded_dataset.vocabularies.for_filter(name)

    def _options(self, name: str, script: Script) -> list[tuple[RenderableType, str]]:
        vocabulary = self._vocabulary(name)
        return [(literal(filter_value_label(name, key, vocabulary, script), multiline=False), key) for key in vocabulary.keys()]

    def _shown(self, name: str, value: str | None) -> str | NoSelection:
        """What the select of ``name`` shows for ``value``: blank (any) for a value the dataset does not know."""
        return value if value is not None and value in self._vocabulary(name) else Select.NULL

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ready = False
        self._focus_when_ready = False

    def on_mount(self) -> None:
        self.follow_app(on_script=self.relabel, on_filters=self.show_filters)
        # Three selects are about a fifth of the app's start-up, and what a person sees and uses first is the
        # search box and the results: the bar keeps its line and fills it one frame later.
        self.call_after_refresh(self._mount_selects)

    async def _mount_selects(self) -> None:
        script, filters = self.hkqh.script, self.hkqh.filters
        await self.mount_all(
            Select(
                self._options(name, script),
                id=f"filter-{name}",
                compact=True,
                allow_blank=True,
                prompt=tr(_PROMPTS[name], script),
                value=self._shown(name, filters.get(name)),
            )
            for name in FILTERS
        )
        self._ready = True
        if self.hkqh.script != script:
            self.relabel()
        elif self.hkqh.filters != filters:
            self.show_filters()
        if self._focus_when_ready:
            self.focus_first()

    @property
    def ready(self) -> bool:
        """True once the selects are mounted (one frame after the bar)."""
        return self._ready

    def focus_first(self) -> None:
        """Focus the first select (as soon as it is mounted)."""
        self._focus_when_ready = not self._ready
        if self._ready:
            self.select(FILTERS[0]).focus()

    def select(self, name: str) -> Select:
        """The select of filter ``name`` (see :attr:`ready`)."""
        return self.query_one(f"#filter-{name}", Select)

    def relabel(self) -> None:
        """Label every select in the app's script, keeping the values shown."""
        if not self._ready:
            return  # the selects are made with the script in use when they are mounted
        script = self.hkqh.script
        # Setting the options clears the choice: nothing the bar does itself is posted as the person's choice.
        with self.prevent(Select.Changed):
            for name in FILTERS:
                widget = self.select(name)
                widget.prompt = tr(_PROMPTS[name], script)
                widget.set_options(self._options(name, script))
        self.show_filters()

    def show_filters(self) -> None:
        """Show the app's filters in the selects."""
        if not self._ready:
            return
        filters = self.hkqh.filters
        with self.prevent(Select.Changed):
            for name in FILTERS:
                self.select(name).value = self._shown(name, filters.get(name))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id is None:
            return
        name = event.select.id.removeprefix("filter-")
        value = None if event.value is Select.NULL else str(event.value)
        self.post_message(self.Changed(name, value))
