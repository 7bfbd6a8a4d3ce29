"""Fixtures for driving the app with Textual's pilot."""

from __future__ import annotations

import pytest
from rich.console import Console

from hkqh_tui.ui.app import HkqhApp


@pytest.fixture
def make_app(small_dataset):
    """Build an app on the small test dataset (settings and checklists in isolated folders)."""

    def build(data_path=None) -> HkqhApp:
        return HkqhApp(str(data_path or small_dataset))

    return build


def rendered_text(static, width: int = 100) -> str:
    """The plain text a Static widget shows (its rich content rendered at ``width`` cells)."""
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(static.content)
    return console.export_text()
