"""The checklist model: names typed by people, item keys, and pure, immutable changes."""

from __future__ import annotations

import pytest

from hkqh_tui.core.checklists.model import (
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    Checklist,
    ChecklistNameError,
    check_note,
    item_key,
    item_keys,
    normalize_name,
)
from hkqh_tui.core.language.text import Text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("阿媽", "阿媽"),
        ("  搬去   前海  ", "搬去 前海"),
        ("我\u3000的清單", "我 的清單"),  # ideographic space
        ("Mum 🏠", "Mum 🏠"),
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # an emoji sequence with zero-width joiners stays whole
        ("Cafe\u0301", "Café"),  # NFC
        ("a/b\\c:..", "a/b\\c:.."),  # file-name characters are fine in names
        ("x" * MAX_NAME_CHARS, "x" * MAX_NAME_CHARS),
    ],
)
def test_names_people_type_are_accepted(typed, expected):
    assert normalize_name(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\u200b\u200b", "empty"),  # invisible
        ("阿\n媽", "line breaks"),
        ("a\tb", "tabs"),
        ("a\x1b[31mb", "control"),
        ("a\u2028b", "line breaks"),
        ("a\udcffb", "not valid text"),  # a lone surrogate, as from undecodable command-line bytes
        ("x" * (MAX_NAME_CHARS + 1), f"at most {MAX_NAME_CHARS}"),
        (None, "must be text"),
    ],
)
def test_names_that_cannot_be_used_are_rejected_with_a_reason(typed, words):
    with pytest.raises(ChecklistNameError) as caught:
        normalize_name(typed)
    assert words in str(caught.value)


def test_item_keys_follow_the_chinese_text_and_number_repeats():
    assert item_key(Text("香港  身份證", "HKID")) == "香港 身份證"
    assert item_key(Text("香港身份證", "HKID")) == item_key(Text("香港身份證", "Hong Kong identity card"))
    assert item_key(Text("回鄉證（正本）")) == "回鄉證(正本)"  # NFKC folds full-width brackets
    assert item_keys([Text("相片"), Text("表格"), Text("相片"), Text("相片")]) == ["相片", "表格", "相片 #2", "相片 #3"]


def test_new_checklist_is_empty_and_named():
    checklist = Checklist.new("  阿媽 ")
    assert checklist.name == "阿媽"
    assert checklist.entries == () and checklist.created
    with pytest.raises(ChecklistNameError):
        Checklist.new("")


def test_changes_return_new_checklists_and_leave_the_old_one_alone():
    empty = Checklist.new("我")
    one = empty.with_service("a", Text("甲", "A"))
    two = one.with_service("b")
    assert empty.service_ids() == []
    assert one.service_ids() == ["a"]
    assert two.service_ids() == ["a", "b"]
    assert "a" in two and "zzz" not in two
    assert two.entry("a").title == Text("甲", "A") and two.entry("a").added


def test_adding_a_service_twice_keeps_it_once_in_place_and_refreshes_its_title():
    checklist = Checklist.new("我").with_service("a", Text("甲")).with_service("b").with_tick("a", "steps", "s1")
    again = checklist.with_service("a", Text("甲")).with_service("a")
    assert again is checklist
    retitled = checklist.with_service("a", Text("新甲"))
    assert retitled.service_ids() == ["a", "b"]
    assert retitled.entry("a").title == Text("新甲")
    assert retitled.entry("a").ticked_steps == {"s1"}


def test_ticks_are_set_not_toggled():
    checklist = Checklist.new("我").with_service("a")
    ticked = checklist.with_tick("a", "documents", "香港身份證", True)
    assert ticked.entry("a").is_ticked("documents", "香港身份證")
    assert not ticked.entry("a").is_ticked("steps", "香港身份證")
    assert ticked.with_tick("a", "documents", "香港身份證", True) is ticked
    unticked = ticked.with_tick("a", "documents", "香港身份證", False)
    assert unticked.entry("a").ticked_documents == frozenset()
    assert unticked == checklist


def test_changes_to_a_service_not_in_the_checklist_change_nothing():
    checklist = Checklist.new("我").with_service("a")
    assert checklist.with_tick("gone", "steps", "x") is checklist
    assert checklist.with_note("gone", "note") is checklist
    assert checklist.without_service("gone") is checklist


def test_unknown_item_kind_is_refused():
    with pytest.raises(ValueError, match="unknown item kind"):
        Checklist.new("我").with_service("a").with_tick("a", "costs", "x")  # type: ignore[arg-type]


def test_notes_keep_their_lines_and_are_limited_in_length():
    checklist = Checklist.new("我").with_service("a").with_note("a", "line 1\r\nline 2\rline 3")
    assert checklist.entry("a").note == "line 1\nline 2\nline 3"
    with pytest.raises(ValueError, match=f"at most {MAX_NOTE_CHARS}"):
        check_note("x" * (MAX_NOTE_CHARS + 1))
    with pytest.raises(ValueError):
        check_note(3)


def test_remove_keeps_the_order_of_the_others():
    checklist = Checklist.new("我").with_service("a").with_service("b").with_service("c")
    assert checklist.without_service("b").service_ids() == ["a", "c"]
    assert checklist.without_service("b").entry("c") == checklist.entry("c")


def test_rename_and_touch():
    checklist = Checklist.new("我").renamed(" 阿媽 ")
    assert checklist.name == "阿媽"
    touched = Checklist(name="x").touched()
    assert touched.updated and touched.created == touched.updated
