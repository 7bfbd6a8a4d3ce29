"""Index build time of this checkout next to an earlier revision, on the same dataset, in the same run.

Each measurement is a fresh child process that loads the dataset (not timed) with one checkout's code and then times
only the building of the search index, with no saved index to read. Runs of the two revisions are interleaved, so a
busy machine slows both alike; the script prints each run, the medians and their ratio.

Run from the repository root:

    python benchmarks/build_compare.py                        # 100,000 services against c2df149, 3 runs each
    python benchmarks/build_compare.py --size 20000 --runs 2 --rev c2df149

The earlier revision is checked out with ``git worktree add --detach`` into a temporary folder (removed afterwards);
the dataset is written once by ``search_bench.py --write-json`` as one JSON file. Older revisions had a smaller limit
for one dataset file; the child lifts it (it only guards against hostile files, which these are not).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[1])
import hkqh_tui.core as core
try:
    from hkqh_tui.core.dataset import loading
except ImportError:
    from hkqh_tui.core import loading
for name in dir(loading):
    if name.startswith("MAX_") and name.endswith("_BYTES"):
        setattr(loading, name, 1 << 40)
try:
    from hkqh_tui.core.search.engine import SearchIndex
except ImportError:
    from hkqh_tui.core.search import SearchIndex
dataset = loading.load_dataset(sys.argv[2])
start, start_cpu = time.perf_counter(), time.process_time()
try:
    SearchIndex(dataset, persist=False)
except TypeError:
    SearchIndex(dataset)
print(time.perf_counter() - start, time.process_time() - start_cpu)
"""


def build_seconds(checkout: Path, data: Path, cache: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds one child process with ``checkout``'s code takes to build the index of ``data``.

    CPU time is printed beside wall-clock time because on a shared machine the wall clock also counts the time other
    programs held the processor; the build is single-threaded, so its CPU time is the work it did.
    """
    env = dict(os.environ, HKQH_NO_CACHE="1", HKQH_CACHE_DIR=str(cache), PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(checkout), str(data)], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"the build in {checkout} failed:\n{done.stderr[-2000:]}")
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="c2df149", help="the earlier revision (default: c2df149, 2026-11-24)")
    parser.add_argument("--size", type=int, default=100_000, help="synthetic services (default 100,000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each revision (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hkqh-build-") as folder:
        work = Path(folder)
        data = work / f"services-{args.size}.json"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "search_bench.py"), "--write-json", str(args.size), str(data)],
            check=True, stdout=subprocess.DEVNULL,
        )
        earlier = work / "earlier"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(earlier), args.rev], check=True
        )
        try:
            times: dict[str, list[tuple[float, float]]] = {"this": [], args.rev: []}
            for run in range(args.runs):
                for name, checkout in (("this", ROOT), (args.rev, earlier)):
                    wall, cpu = build_seconds(checkout, data, work / "cache")
                    times[name].append((wall, cpu))
                    print(f"run {run + 1}: {name:>10} {wall:7.2f} s wall, {cpu:7.2f} s CPU", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], check=False)
    print(f"\n{args.size:,} services, medians of {args.runs}:")
    for column, label in ((0, "wall"), (1, "CPU")):
        now = statistics.median(run[column] for run in times["this"])
        then = statistics.median(run[column] for run in times[args.rev])
        print(f"  {label:>4}: this checkout {now:.2f} s, {args.rev} {then:.2f} s, ratio {now / then:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
