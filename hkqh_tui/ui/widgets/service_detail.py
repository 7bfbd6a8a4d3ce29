"""The detail view of one service: everything the dataset knows, with sources and the verification date."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text as RichText
from textual.containers import VerticalScroll
from textual.widgets import Static

from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import is_stale
from hkqh_tui.presentation.literal import is_safe_link
from hkqh_tui.presentation.render import service_detail
from hkqh_tui.ui.strings import tr


class ServiceDetail(VerticalScroll, can_focus=True):
    """A scrollable, focusable view of one service (or a hint when none is chosen)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.service: Service | None = None
        self._body = Static(id="detail-body")

    def compose(self):
        yield self._body

    def on_click(self, event) -> None:
        """Open a link (a source or a website) that was clicked."""
        link = event.style.link
        if link and is_safe_link(link):  # only http(s) links are ever opened
            event.stop()
            self.app.open_url(link)
            self.app.notify(link, timeout=4)

    def show_service(self, dataset: Dataset, service: Service | None, script: Script, *, marked: bool = False) -> None:
        """Show ``service`` in ``script`` (or the empty-state hint when None)."""
        changed = service is not self.service
        self.service = service
        if service is None:
            self._body.update(RichText(tr("select_a_service", script), style="dim"))
            return
        parts: list[RenderableType] = []
        if is_stale(service.last_verified):
            parts.append(RichText(tr("stale", script), style="bold yellow"))
        if marked:
            parts.append(RichText("✓ " + tr("in_checklist", script), style="bold green"))
        parts.append(service_detail(dataset, service, script))
        self._body.update(Group(*parts))
        if changed:
            self.scroll_home(animate=False)
