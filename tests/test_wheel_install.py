"""The dataset ships inside the wheel: build it, install it in a fresh venv, run hkqh from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.factories import REPO_ROOT


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.slow
def test_wheel_ships_data_and_runs_from_any_directory(tmp_path):
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO_ROOT)])
    wheel = next(dist.glob("hkqh-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "hkqh_tui/data/vocabularies.toml" in names
    shipped = {n for n in names if n.startswith("hkqh_tui/data/services/") and n.endswith(".toml")}
    in_repo = {f"hkqh_tui/data/services/{p.name}" for p in (REPO_ROOT / "data" / "services").glob("*.toml")}
    assert shipped == in_repo and shipped

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", str(wheel)])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("HKQH_DATA", "PYTHONPATH")}
    listed = run([str(env_dir / "bin" / "hkqh"), "list", "--json"], cwd=elsewhere, env=env)
    services = json.loads(listed.stdout)
    assert len(services) == len(in_repo)
    check = run([str(env_dir / "bin" / "hkqh"), "data", "validate"], cwd=elsewhere, env=env)
    origin = check.stdout
    assert str(Path(env_dir)) in origin, "the installed wheel should load its own bundled data"
