"""Shared fixtures: every test runs with its own user directories, never the developer's real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import write_dataset


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point settings and saved work at fresh temporary folders, and forget any HKQH_DATA override."""
    root = tmp_path_factory.mktemp("user")
    config = root / "config"
    data = root / "data"
    monkeypatch.setenv("HKQH_CONFIG_DIR", str(config))
    monkeypatch.setenv("HKQH_DATA_DIR", str(data))
    monkeypatch.delenv("HKQH_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return {"config": config, "data": data}


@pytest.fixture
def small_dataset(tmp_path: Path) -> Path:
    """A valid three-service dataset in the curated folder layout."""
    return write_dataset(tmp_path / "data")
