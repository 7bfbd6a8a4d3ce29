"""The checklist file format: readable, versioned, round-trips, and every kind of damage is named."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hkqh_tui.core.checklists.json_format import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    ChecklistFormatError,
    checklist_from_bytes,
    checklist_from_json,
    checklist_to_text,
)
from hkqh_tui.core.checklists.model import MAX_NAME_CHARS, Checklist, ChecklistNameError, normalize_name
from hkqh_tui.core.language.text import Text


def sample() -> Checklist:
    return (
        Checklist.new("阿媽 🏠")
        .with_service("ehcv-gba-pilot", Text("長者醫療券", "Elderly voucher"))
        .with_service("gone")
        .with_tick("ehcv-gba-pilot", "steps", "登記")
        .with_tick("ehcv-gba-pilot", "documents", "香港身份證")
        .with_tick("ehcv-gba-pilot", "documents", "回鄉證")
        .with_note("ehcv-gba-pilot", "帶老花鏡\n# 唔係標題")
        .touched()
    )


def test_round_trip():
    checklist = sample()
    assert checklist_from_bytes(checklist_to_text(checklist).encode("utf-8")) == checklist


def test_file_is_readable_versioned_json():
    text = checklist_to_text(sample())
    assert text.endswith("\n") and "\n  " in text  # indented
    assert "阿媽 🏠" in text and "香港身份證" in text  # not \\u-escaped
    data = json.loads(text)
    assert data["format"] == FORMAT_NAME and data["version"] == SCHEMA_VERSION == 1
    entry = data["services"][0]
    assert entry["ticked"] == {"documents": ["回鄉證", "香港身份證"], "steps": ["登記"]}  # sorted
    assert entry["title"] == {"zh-Hant": "長者醫療券", "en": "Elderly voucher"}
    assert "title" not in data["services"][1]


def test_optional_fields_may_be_left_out():
    checklist = checklist_from_json({"format": FORMAT_NAME, "version": 1, "name": "x", "services": [{"id": "a"}]})
    assert checklist.entry("a").note == "" and checklist.entry("a").ticked_steps == frozenset()


@pytest.mark.parametrize(
    ("raw", "kind", "words"),
    [
        (b"", "empty", "empty"),
        (b"  \n", "empty", "empty"),
        (checklist_to_text(sample()).encode()[:57], "not_json", "cut short"),
        (b"\xff\xfe{}", "not_json", "not UTF-8"),
        (b"not json at all", "not_json", "not valid JSON"),
        (b"[" * 100_000, "not_json", "nested too deeply"),
        (b"[]", "invalid", "JSON object"),
        (b'{"version": 1, "name": "x"}', "invalid", "not an hkqh checklist"),
        (b'{"format": "hkqh-checklist", "version": 2, "name": "x"}', "wrong_version", "newer hkqh"),
        (b'{"format": "hkqh-checklist", "version": "1", "name": "x"}', "wrong_version", "version '1'"),
        (b'{"format": "hkqh-checklist", "version": true, "name": "x"}', "wrong_version", "version True"),
        (b'{"format": "hkqh-checklist", "name": "x"}', "wrong_version", "version None"),
        (b'{"format": "hkqh-checklist", "version": 1}', "invalid", "'name' is missing"),
        (b'{"format": "hkqh-checklist", "version": 1, "name": "a\\nb"}', "invalid", "line breaks"),
        (b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": {}}', "invalid", "must be a list"),
        (b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": [{"id": ""}]}', "invalid", "empty"),
        (b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": [{}]}', "invalid", "'id' is missing"),
        (
            b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": [{"id": "a"}, {"id": "a"}]}',
            "invalid",
            "listed twice",
        ),
        (
            b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": [{"id": "a", "ticked": {"steps": [1]}}]}',
            "invalid",
            "list of texts",
        ),
        (
            b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": [{"id": "a", "note": 5}]}',
            "invalid",
            "note",
        ),
        (
            b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": [{"id": "a", "title": "t"}]}',
            "invalid",
            "zh-Hant",
        ),
    ],
)
def test_damage_is_named(raw, kind, words):
    with pytest.raises(ChecklistFormatError) as caught:
        checklist_from_bytes(raw)
    assert caught.value.kind == kind
    assert words in str(caught.value)


names = st.text(min_size=1, max_size=MAX_NAME_CHARS)
notes = st.text(max_size=200)


@given(name=names, note=notes, key=st.text(max_size=40))
def test_any_usable_name_and_any_note_round_trip(name, note, key):
    try:
        normalize_name(name)
    except ChecklistNameError:
        return
    checklist = Checklist.new(name).with_service("a").with_note("a", note).with_tick("a", "steps", key)
    text = checklist_to_text(checklist)
    assert checklist_from_bytes(text.encode("utf-8")) == checklist


def test_text_that_is_not_valid_unicode_can_still_be_saved():
    checklist = Checklist.new("我").with_service("a\udcff").with_tick("a\udcff", "steps", "步\ud800驟")
    checklist = checklist.with_note("a\udcff", "bad \udcff byte")
    assert checklist.entry("a\udcff").note == "bad \ufffd byte"
    raw = checklist_to_text(checklist).encode("utf-8")
    assert checklist_from_bytes(raw) == checklist


@pytest.mark.parametrize(
    "raw",
    [b"[" * 100_000, b'{"format": "hkqh-checklist", "version": ' + b"9" * 5000 + b"}",
     b'{"format": "hkqh-checklist", "version": 1, "name": "x", "services": ' + b"[" * 40 + b"]" * 40 + b"}"],
)
def test_deep_or_huge_input_is_a_format_error(raw):
    with pytest.raises(ChecklistFormatError):
        checklist_from_bytes(raw)


@pytest.mark.parametrize("name", ["a\u202eb", "\u2066x\u2069", "x\x9by", "a\x1b[31m"])
def test_names_with_control_or_direction_characters_are_invalid(name):
    data = {"format": "hkqh-checklist", "version": 1, "name": name, "services": []}
    with pytest.raises(ChecklistFormatError, match="checklist name"):
        checklist_from_bytes(json.dumps(data).encode())
