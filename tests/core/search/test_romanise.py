"""Romanised keys: pinyin and Jyutping of titles and aliases, joined and as initials, with lazy sounds folded."""

from __future__ import annotations

import pytest

from hkqh_tui.core.search.folding import compact, fold
from hkqh_tui.core.search.romanise import keys_for, lazy_syllable, pinyin_syllables, query_keys


def keys(text: str) -> list[str]:
    return keys_for(compact(fold(text)), text)


def test_pinyin_and_jyutping_joined_and_initials():
    found = keys("醫療券")
    assert "yiliaoquan" in found and "ylq" in found
    assert "jiliuhyun" in found and "jlh" in found


def test_phrase_readings_are_used_for_pinyin():
    assert pinyin_syllables(compact(fold("銀行"))) == ["yin", "hang"]


def test_latin_letters_in_a_title_are_kept():
    assert "ezhantong" in keys("e站通")


@pytest.mark.parametrize(
    ("syllable", "lazy"), [("nei", "lei"), ("ngo", "o"), ("gwong", "gong"), ("kwan", "kan"), ("ng", "ng"), ("si", "si")]
)
def test_lazy_sounds_fold(syllable, lazy):
    assert lazy_syllable(syllable) == lazy


def test_lazily_typed_jyutping_matches_the_key():
    assert "gongdunggaiwaak" in keys("廣東計劃")
    assert "gongdunggaiwaak" in query_keys("gwong dung gai waak")
    assert "ongoloujyun" not in query_keys("ngon lou jyun") and "onloujyun" in query_keys("ngon lou jyun")
