"""Settings are remembered; a corrupt file is kept aside and reported, never fatal, never silently lost."""

from __future__ import annotations

import json
import os

import pytest

from hkqh_tui.core.storage.settings import Settings, SettingsSaveError, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path):
    settings, notices = load_settings(tmp_path / "settings.json")
    assert settings == Settings() and notices == []
    assert settings.script == "hant"


def test_round_trip(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    original = Settings(script="en", theme="nord", category="health", keymap={"quit": "ctrl+c"})
    save_settings(original, path)
    loaded, notices = load_settings(path)
    assert loaded == original and notices == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["script"] == "en"
    assert os.stat(path).st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2]", b'{"version": 99}', b"\xff\xfe\x00"])
def test_corrupt_file_is_kept_aside(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, notices = load_settings(path)
    assert settings == Settings()
    assert len(notices) == 1 and "kept as" in notices[0]
    kept = list(tmp_path.glob("settings.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert not path.exists()
    assert str(kept[0]) in notices[0]


def test_invalid_values_are_ignored_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"script": "klingon", "theme": "nord", "keymap": {"quit": 3}}), encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings.script == "hant" and settings.theme == "nord" and settings.keymap == {}
    assert len(notices) == 2


def test_unwritable_folder_gives_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SettingsSaveError) as error:
        save_settings(Settings(), blocker / "settings.json")
    assert "could not be saved" in str(error.value)
