"""Display conversion: Simplified from HK Traditional, without rare glyphs, never failing on odd input."""

from __future__ import annotations

from hkqh_tui.core.language.display import show, to_simplified
from hkqh_tui.core.language.text import Text


def test_simplified_keeps_cantonese_characters_drawable():
    assert to_simplified("嗰啲醫療券") == "嗰啲医疗券"
    assert all(ord(c) <= 0xFFFF for c in to_simplified("嗰個喺邊度？衞生署"))


def test_control_characters_and_surrogates_pass_through():
    assert to_simplified("醫療\x00券") == "医疗\x00券"
    assert to_simplified("醫\ud800療") == "医\ud800疗"


def test_show_in_each_script():
    text = Text("深圳灣口岸", "Shenzhen Bay Port")
    assert show(text, "hant") == "深圳灣口岸"
    assert show(text, "hans") == "深圳湾口岸"
    assert show(text, "en") == "Shenzhen Bay Port"
    assert show(Text("只有中文"), "en") == "只有中文"
