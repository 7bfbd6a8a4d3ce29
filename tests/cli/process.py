"""Running ``python -m hkqh_tui`` as a user would, in a real subprocess, for the CLI tests.

The environment carries the isolated user folders that ``tests/conftest.py`` sets for every test.
"""

from __future__ import annotations

import os
import subprocess
import sys


def run_hkqh(
    *args: str | bytes,
    env: dict[str, str] | None = None,
    cwd=None,
    stdout=subprocess.PIPE,
    text: bool = True,
) -> subprocess.CompletedProcess:
    """Run hkqh with ``args``; output is UTF-8 text (``text=False``: bytes), stdout captured unless redirected."""
    return subprocess.run(
        [sys.executable, "-m", "hkqh_tui", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=text,
        encoding="utf-8" if text else None,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        cwd=cwd,
        timeout=120,
    )
