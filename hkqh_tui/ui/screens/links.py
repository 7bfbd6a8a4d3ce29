"""A small modal listing a service's links (sources and contact websites) to open or copy."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hkqh_tui.core.dataset.model import Service
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.presentation.literal import is_safe_link, literal
from hkqh_tui.presentation.render import readable_url
from hkqh_tui.ui.strings import tr


def service_links(service: Service, script: Script) -> list[tuple[str, str]]:
    """(label, url) for every source and contact website of a service, without duplicates."""
    links: list[tuple[str, str]] = []
    seen: set[str] = set()
    for contact in service.contacts:
        if contact.website and contact.website not in seen:
            seen.add(contact.website)
            links.append((show(contact.name, script), contact.website))
    for source in service.sources:
        if source.url not in seen:
            seen.add(source.url)
            links.append((f"{source.title} — {source.publisher}, {source.date_label()}", source.url))
    return links


class LinksScreen(ModalScreen[None]):
    """Enter opens the highlighted link in the browser; y copies it."""

    BINDINGS = [
        Binding("escape", "dismiss_screen", "Back", id="back"),
        Binding("y", "copy", "Copy", id="copy_link"),
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, links: list[tuple[str, str]], script: Script) -> None:
        super().__init__()
        self.links = links
        self.script = script

    def compose(self) -> ComposeResult:
        with Vertical(id="links-dialog"):
            yield Static(tr("links_title", self.script), classes="dialog-title")
            options = []
            for index, (label, url) in enumerate(self.links):
                prompt = literal(label, "bold", multiline=False)
                prompt.append("\n" + readable_url(url), style="underline dim")
                options.append(Option(prompt, id=str(index)))
            yield OptionList(*options, id="links-list")
            yield Static(tr("links_help", self.script), classes="dialog-help")

    def _current_url(self) -> str | None:
        highlighted = self.query_one(OptionList).highlighted
        return self.links[highlighted][1] if highlighted is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is None:
            return
        url = self.links[int(event.option_id)][1]
        if not is_safe_link(url):  # only http(s) links are ever opened
            return
        self.app.open_url(url)
        self.app.notify(tr("link_opened", self.script, url=url))

    def action_copy(self) -> None:
        url = self._current_url()
        if url:
            self.app.copy_to_clipboard(url)
            self.app.notify(tr("link_copied", self.script, url=url))

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_dismiss_screen(self) -> None:
        self.dismiss(None)
