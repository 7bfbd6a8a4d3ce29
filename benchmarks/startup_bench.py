"""Start-up time: process start to the first frame with results shown, hkqh next to a minimal Textual app.

Both apps run in a real pseudo-terminal (100x30), started the same way (`python -c ...`), in the same run. The clock
stops when the terminal output contains a marker that only the finished first screen shows: for hkqh, the title of
the second result row (so the rows themselves are drawn, not just the status line); for the minimal app (one Input,
one OptionList of 50 items), its third item. Peak memory (VmHWM) is read 1.5 s after the marker, once hkqh has built
its search index after the first frame.

Then the command line (the installed ``hkqh`` console script), each next to its floor, in the same run:
`hkqh --version` next to `python -c pass`, and `hkqh list --json` and `hkqh search --json` (a Traditional, a
Simplified and an English query) next to `python -c "import rapidfuzz, opencc"` (the libraries a search needs), all
with warm caches.

Run:  python benchmarks/startup_bench.py [--runs N] [--data PATH]

``--data`` starts both hkqh measurements on another dataset (for example a JSON file of 10,000 synthetic services
written by ``benchmarks/search_bench.py --write-json``); the first run fills the cache, the timed ones are cached starts.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Input, OptionList
class Minimal(App):
    def compose(self):
        yield Input(placeholder="search")
        yield OptionList(*[f"item {i}" for i in range(50)])
Minimal().run()
"""

def peak_memory_kib(pid: int) -> int:
    """VmHWM of a live process in KiB (0 if unknown)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def time_to_marker(
    code: str, marker: bytes, env: dict[str, str], timeout: float = 120.0, settle: float = 1.5
) -> tuple[float, int]:
    """Seconds from spawning ``python -c code`` in a pty until ``marker`` appears; and peak memory in KiB.

    Memory is read ``settle`` seconds after the marker, so that work done just after the first frame counts.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    elapsed = float("nan")
    memory = 0
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            if marker in seen:
                elapsed = time.perf_counter() - start
                settle_until = time.perf_counter() + settle
                while time.perf_counter() < settle_until:  # keep draining the pty so the app never blocks on it
                    if select.select([master], [], [], 0.05)[0]:
                        try:
                            os.read(master, 65536)
                        except OSError:
                            break
                memory = peak_memory_kib(process.pid)
                break
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        os.close(master)
    if elapsed != elapsed:  # NaN: the marker never came
        raise RuntimeError(f"marker {marker!r} not seen; last output: {seen[-400:]!r}")
    return elapsed, memory


def time_command(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def second_row_marker(data_path: str | None) -> bytes:
    """The first characters of the second row's title on hkqh's first screen (Traditional Chinese, no query)."""
    from hkqh_tui.core.dataset.loading import load_dataset
    from hkqh_tui.core.language.display import show

    dataset = load_dataset(data_path)
    title = show(dataset.curated_order()[1].title, "zh-Hant")
    return title[:4].encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", help="dataset for hkqh (default: the bundled one)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    marker = second_row_marker(args.data)
    data_args = ["--data", args.data] if args.data else []
    hkqh_app = f"from hkqh_tui.launcher import main; raise SystemExit(main({data_args!r}))"

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TERM": "xterm-256color", "HKQH_CONFIG_DIR": f"{home}/config",
               "HKQH_DATA_DIR": f"{home}/data", "HKQH_CACHE_DIR": f"{home}/cache", "COLUMNS": "100", "LINES": "30"}
        env.pop("HKQH_DATA", None)
        env.pop("NO_COLOR", None)
        # An installed hkqh has compiled bytecode (pip compiles it), as Textual in site-packages does; make sure a
        # source checkout has it too, so the comparison is fair.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        import hkqh_tui

        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(hkqh_tui.__file__).parent)], env=env, check=True)
        # One warm-up each so that both read their files from the page cache and hkqh fills its caches.
        time_to_marker(MINIMAL_APP, b"item 2", env)
        time_to_marker(hkqh_app, marker, env, settle=5.0)
        minimal, hkqh, minimal_mem, hkqh_mem = [], [], [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            seconds, memory = time_to_marker(MINIMAL_APP, b"item 2", env)
            minimal.append(seconds)
            minimal_mem.append(memory)
            seconds, memory = time_to_marker(hkqh_app, marker, env)
            hkqh.append(seconds)
            hkqh_mem.append(memory)
        # The console script, as a person runs it (``python -m hkqh_tui`` would add runpy's imports); from a source
        # checkout without one installed, the module.
        script = Path(sys.executable).with_name("hkqh")
        hkqh_cli = [str(script)] if script.is_file() else [sys.executable, "-m", "hkqh_tui"]
        hkqh_cli += data_args
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import floor (rapidfuzz, opencc)": [sys.executable, "-c", "import rapidfuzz, opencc"],
            "hkqh --version": [*hkqh_cli, "--version"],
            "hkqh list --json": [*hkqh_cli, "list", "--json"],
            "hkqh search 醫療券 --json": [*hkqh_cli, "search", "醫療券", "--json"],
            "hkqh search 医疗券 --json": [*hkqh_cli, "search", "医疗券", "--json"],
            "hkqh search 'medical voucher' --json": [*hkqh_cli, "search", "medical voucher", "--json"],
        }
        for command in commands.values():  # warm the parse cache
            time_command(command, env)
        cli: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                cli[name].append(time_command(command, env))

    def row(name: str, values: list[float], baseline: list[float], memory: list[int] | None = None) -> str:
        median = statistics.median(values) * 1000
        ratio = statistics.median(values) / statistics.median(baseline)
        mem = f"{max(memory) / 1024:8.1f}" if memory else "       -"
        return f"{name:<38} {median:9.1f} {max(values) * 1000:9.1f} {ratio:7.2f}x {mem}"

    print(f"runs: {args.runs} (interleaved), terminal 100x30, python {sys.version.split()[0]}, "
          f"dataset {args.data or 'bundled'}")
    print(f"{'':<38} {'median ms':>9} {'max ms':>9} {'ratio':>8} {'peak MiB':>8}")
    print(row("minimal Textual app (baseline)", minimal, minimal, minimal_mem))
    print(row("hkqh first screen with rows", hkqh, minimal, hkqh_mem))
    print(row("python -c pass (baseline)", cli["python -c pass"], cli["python -c pass"]))
    print(row("hkqh --version", cli["hkqh --version"], cli["python -c pass"]))
    floor = cli["import floor (rapidfuzz, opencc)"]
    print(row("import floor (baseline)", floor, floor))
    print(row("hkqh list --json", cli["hkqh list --json"], floor))
    for name in ("hkqh search 醫療券 --json", "hkqh search 医疗券 --json", "hkqh search 'medical voucher' --json"):
        print(row(name, cli[name], floor))


if __name__ == "__main__":
    main()
