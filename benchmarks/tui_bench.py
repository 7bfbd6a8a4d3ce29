"""Keystroke to updated results in the TUI, hkqh next to a minimal Textual app over the same services.

Both apps are driven by Textual's pilot in the same process and the same run, at 100x30. For each query, the keys are
pressed one by one into the search box; the time of a keystroke is from the key press until the app has handled it
and the results list holds the new results (``pilot.pause()`` after the press, which waits for every message the
press caused). The minimal app has one Input and one OptionList and, on every change, lists every service whose
title contains the typed text (a plain substring filter over pre-folded titles: the least a search box can do).

Run from the repository root:

    python benchmarks/tui_bench.py                 # bundled, 10k and 100k synthetic services
    python benchmarks/tui_bench.py --sizes 10000   # one size
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import synthetic_dataset
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList

from hkqh_tui.core.dataset.loading import LoadResult, load_dataset
from hkqh_tui.core.search.folding import fold

QUERIES = ("醫療券", "港車北上", "housing", "深圳 口岸", "ylq")
SIZE = (100, 30)


class MinimalSearch(App):
    """One input and one option list filtered by substring on every change."""

    def __init__(self, titles: list[str]) -> None:
        super().__init__()
        self.titles = titles
        self.folded = [fold(t) for t in titles]
        self.shown = 0

    def compose(self) -> ComposeResult:
        yield Input(id="search")
        yield OptionList(*self.titles[:200], id="results")

    def on_input_changed(self, event: Input.Changed) -> None:
        needle = fold(event.value)
        matches = [t for t, f in zip(self.titles, self.folded, strict=True) if needle in f]
        self.query_one(OptionList).set_options(matches)
        self.shown = len(matches)


async def keystrokes(app: App, ready) -> list[float]:
    """Per-keystroke seconds over QUERIES (the box cleared between queries)."""
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.perf_counter() + 600
        while not ready(app) and time.perf_counter() < deadline:
            await pilot.pause(0.05)
        search = app.screen.query_one("#search", Input)
        for query in QUERIES:
            search.value = ""
            search.focus()
            await pilot.pause()
            for char in query:
                start = time.perf_counter()
                await pilot.press(char if char != " " else "space")
                await pilot.pause()
                times.append(time.perf_counter() - start)
    return times


def hkqh_app(dataset):
    """hkqh's app on ``dataset`` (loaded in this process, so no file size limit applies)."""
    loading_result = LoadResult(dataset=dataset, problems=[])
    from hkqh_tui.ui import app as app_module

    app_module.read_dataset = lambda _path=None: loading_result
    return app_module.HkqhApp(None)


def hkqh_ready(app) -> bool:
    return getattr(app, "_index", None) is not None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,10000,100000")
    args = parser.parse_args()
    base = load_dataset()
    print(f"{'services':>9} {'hkqh median':>12} {'hkqh p95':>9} {'minimal median':>15} {'minimal p95':>12} "
          f"{'ratio median':>13} {'ratio p95':>10}")
    for size in args.sizes.split(","):
        dataset = base if size == "bundled" else synthetic_dataset(int(size), base.vocabularies)
        titles = [f"{s.title.zh_hant} {s.title.en}" for s in dataset.services]
        minimal = asyncio.run(keystrokes(MinimalSearch(titles), lambda app: True))
        hkqh = asyncio.run(keystrokes(hkqh_app(dataset), hkqh_ready))

        def p95(values: list[float]) -> float:
            return statistics.quantiles(values, n=20)[-1]

        hm, hp, mm, mp = (statistics.median(hkqh), p95(hkqh), statistics.median(minimal), p95(minimal))
        print(f"{len(dataset.services):>9} {hm * 1000:>10.1f}ms {hp * 1000:>7.1f}ms {mm * 1000:>13.1f}ms "
              f"{mp * 1000:>10.1f}ms {hm / mm:>12.2f}x {hp / mp:>9.2f}x", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
