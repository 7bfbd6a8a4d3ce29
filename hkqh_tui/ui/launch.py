"""Start the TUI from the command line."""

from __future__ import annotations


def run_app(data_path: str | None = None) -> int:
    """Run the app until the person quits; return the exit status."""
    from hkqh_tui.ui.app import HkqhApp

    app = HkqhApp(data_path)
    app.run()
    return app.return_code or 0
