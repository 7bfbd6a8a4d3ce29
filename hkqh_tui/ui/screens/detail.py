"""The detail of one service as its own screen (used on terminals too narrow for the side pane)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from hkqh_tui.presentation.literal import literal
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.key_footer import KeyFooter
from hkqh_tui.ui.widgets.service_detail import ServiceDetail


class DetailScreen(UsesHkqhApp, Screen):
    """Read one service; escape goes back to the results."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="back"),
        Binding("o", "links", "Links", id="links"),
        Binding("space", "toggle_mark", "Mark", id="toggle_mark"),
        Binding("j", "scroll_down", "Down", show=False, id="cursor_down"),
        Binding("k", "scroll_up", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, service_id: str) -> None:
        super().__init__()
        self.service_id = service_id

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield ServiceDetail(id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.follow_app(on_script=self.apply_script, on_checklist=self.refresh_view)
        self.hkqh.localize()
        self.refresh_view()
        self.query_one(ServiceDetail).focus()

    def refresh_view(self) -> None:
        """Draw the service in the current script."""
        app = self.hkqh
        service = self.loaded_dataset.get(self.service_id)
        self.query_one("#title-bar", Static).update(literal(f" hkqh · {self.service_id}", multiline=False))
        self.query_one(ServiceDetail).show_service(
            self.loaded_dataset, service, app.script, marked=self.service_id in app.marked_ids()
        )

    def apply_script(self) -> None:
        self.refresh_view()

    def action_back(self) -> None:
        self.hkqh.pop_screen()

    def action_links(self) -> None:
        self.hkqh.show_links(self.service_id)

    def action_toggle_mark(self) -> None:
        self.hkqh.toggle_mark(self.service_id)
        self.refresh_view()

    def action_scroll_down(self) -> None:
        self.query_one(ServiceDetail).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one(ServiceDetail).scroll_up()
