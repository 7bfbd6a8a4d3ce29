"""Save the SVG screenshots shown in the README (run from the repository root after UI changes).

Uses the bundled dataset and throw-away settings, so your own settings and checklists are not touched.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


async def shoot(name: str, script: str, keys: list[str], size=(100, 30)) -> None:
    from hkqh_tui.ui.app import HkqhApp

    app = HkqhApp()
    app.settings.script = script
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            if key.startswith("type:"):
                await pilot.press(*key[5:])
            else:
                await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        for widget in app.screen.query("Input"):
            widget.cursor_blink = False
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(str(OUT / f"{name}.svg"))


async def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HKQH_CONFIG_DIR"] = f"{home}/config"
        os.environ["HKQH_DATA_DIR"] = f"{home}/data"
        os.environ["HKQH_CACHE_DIR"] = f"{home}/cache"
        await shoot("search-traditional", "hant", ["type:醫療券", "escape"])
        await shoot("search-english-wide", "en", ["type:shenzhen bay", "escape"], size=(130, 32))
        await shoot("detail-simplified", "hans", ["type:港车北上", "escape", "enter"])
        await shoot("help-simplified", "hans", ["f1"], size=(100, 30))
        await shoot("checklist", "hant", ["type:醫療券", "escape", "space", "j", "space", "c", "j", "space"])


if __name__ == "__main__":
    asyncio.run(main())
