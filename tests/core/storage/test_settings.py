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


@pytest.mark.parametrize(
    "value",
    ["x" * 70, "阿\x1b媽", "a\u202eb", "", "  ", 3, ["我"], {"a": 1}, "a\nb"],
)
def test_an_unusable_checklist_name_is_ignored_not_fatal(tmp_path, value):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "script": "en", "checklist": value}), encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings.checklist is None and settings.script == "en"
    assert len(notices) == 1 and "checklist" in notices[0] and "\x1b" not in notices[0] and "\u202e" not in notices[0]


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000, b'{"version": 1, "keymap": ' + b'{"a": ' * 50 + b"1" + b"}" * 50 + b"}",
     b'{"version": ' + b"9" * 5000 + b"}", b'{"version": true}'],
)
def test_deep_nesting_and_huge_numbers_are_kept_aside(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, notices = load_settings(path)
    assert settings == Settings() and len(notices) == 1 and "kept as" in notices[0]


@pytest.mark.parametrize(
    ("name", "value"),
    [("theme", "[/]"), ("theme", "a" * 200), ("category", "\x1b[2J"), ("keymap", {"quit": "[/]"}),
     ("keymap", {"quit": "ctrl q"}), ("keymap", {f"k{i}": "a" for i in range(500)}), ("script", ["en"])],
)
def test_wrong_values_are_reported_and_the_default_used(tmp_path, name, value):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, name: value}), encoding="utf-8")
    settings, notices = load_settings(path)
    assert getattr(settings, name) == getattr(Settings(), name)
    assert len(notices) == 1 and len(notices[0]) < 400 and "\x1b" not in notices[0]


def test_a_fifo_or_device_as_settings_never_hangs_and_is_left_alone(tmp_path):
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    settings, notices = load_settings(fifo)
    assert settings == Settings() and "FIFO" in notices[0]
    assert os.path.exists(fifo) and not list(tmp_path.glob("*.corrupt-*"))
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    settings, notices = load_settings(link)
    assert settings == Settings() and "device" in notices[0]


def test_settings_folder_is_created_private_under_umask_000(tmp_path):
    old = os.umask(0)
    try:
        save_settings(Settings(), tmp_path / "a" / "b" / "settings.json")
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "a").st_mode & 0o777 == 0o700
    assert os.stat(tmp_path / "a" / "b").st_mode & 0o777 == 0o700


def test_an_existing_folder_is_never_chmodded(tmp_path):
    folder = tmp_path / "cfg"
    folder.mkdir()
    os.chmod(folder, 0o755)
    save_settings(Settings(), folder / "settings.json")
    assert os.stat(folder).st_mode & 0o777 == 0o755


def test_saving_never_replaces_a_fifo_and_keeps_a_symlinked_file_linked(tmp_path):
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    with pytest.raises(SettingsSaveError, match="not a regular file"):
        save_settings(Settings(), fifo)
    assert os.path.exists(fifo) and not os.path.isfile(fifo)
    real = tmp_path / "dotfiles" / "hkqh.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "linked" / "settings.json"
    link.parent.mkdir()
    link.symlink_to(real)
    save_settings(Settings(script="en"), link)
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["script"] == "en"
