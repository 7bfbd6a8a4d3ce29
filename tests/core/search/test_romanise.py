"""Romanised keys: pinyin and Jyutping of titles and aliases, joined and as initials, with lazy sounds folded."""

from __future__ import annotations

import pytest

from hkqh_tui.core.search.folding import compact, fold
from hkqh_tui.core.search.romanise import keys_for, keys_for_many, lazy_syllable, pinyin_syllables, query_keys


def keys(text: str) -> list[str]:
    return keys_for(compact(fold(text)), text)


def test_pinyin_and_jyutping_joined_and_initials():
    found = keys("醫療券")
    assert "yiliaoquan" in found and "ylq" in found
    assert "jiliuhun" in found and "jlh" in found  # Jyutping ji liu hyun, folded (lazy_syllable)


def test_phrase_readings_are_used_for_pinyin():
    assert pinyin_syllables(compact(fold("銀行"))) == ["yin", "hang"]


def test_latin_letters_in_a_title_are_kept():
    assert "ezhantong" in keys("e站通")


@pytest.mark.parametrize(
    ("syllable", "lazy"), [("nei", "lei"), ("ngo", "o"), ("gwong", "gong"), ("kwan", "gan"), ("ng", "ng"), ("si", "si")]
)
def test_lazy_sounds_fold(syllable, lazy):
    assert lazy_syllable(syllable) == lazy


def test_lazily_typed_jyutping_matches_the_key():
    assert "gongdunggaiwak" in keys("廣東計劃")
    assert "gongdunggaiwak" in query_keys("gwong dung gai waak")
    assert query_keys("ngon lou jyun") == ["ngonloujyun", "onlojun"]  # each word folded on its own, not the whole


def test_the_fast_reading_matches_the_character_by_character_one():
    from hkqh_tui.core.search.romanise import _jyutping_slowly, _pinyin_slowly, jyutping_syllables

    texts = ("長者醫療券大灣區試點計劃", "在香港見證開立內地銀行戶口", "港澳e站通", "B2巴士「深圳灣」", "重慶銀行行長")
    for text in texts:
        folded = compact(fold(text))
        assert pinyin_syllables(folded) == _pinyin_slowly(folded), text
        assert jyutping_syllables(text) == _jyutping_slowly(text), text


def test_the_keys_match_the_character_by_character_ones_for_every_bundled_title_and_alias():
    from hkqh_tui.core.dataset.loading import load_dataset
    from hkqh_tui.core.search.romanise import _keys_slowly
    from hkqh_tui.core.search.words import is_ideographic

    texts = ["重慶銀行行長", "港澳e站通", "B2巴士「深圳灣」", "長者醫療券", "音樂會", "銀行", "行人"]
    for service in load_dataset().services:
        texts.append(service.title.zh_hant)
        texts.extend(alias for alias in service.aliases if is_ideographic(alias))
    assert len(texts) > 300
    for text in texts:
        folded = compact(fold(text))
        assert keys_for(folded, text) == _keys_slowly(folded, text), text
    pairs = [(compact(fold(text)), text) for text in [*texts, "", "「」", "a\nb", "行", "銀行\n行人"]]
    assert keys_for_many(pairs) == [_keys_slowly(folded, text) for folded, text in pairs]
    assert keys_for_many([]) == []


def test_u_with_diaeresis_reads_as_u_and_a_typed_v_as_u():
    assert "lushi" in keys("律師")
    assert query_keys("lv shi")[0] == "lushi" and query_keys(fold("lǜ shī"))[0] == "lushi"


@pytest.mark.parametrize(
    ("jyutping", "hong_kong"),
    [
        ("gong ce bak soeng", "kong che pak seung"), ("cin hoi", "chin hoi"), ("sam zeoi", "sham tsui"),
        ("daai bou", "tai po"), ("jyun long", "yuen long"), ("geoi zyu zing", "kui chu ching"),
        ("hoeng gong", "heung kong"),
    ],
)
def test_hong_kong_spellings_fold_as_jyutping_does(jyutping, hong_kong):
    # Hong Kong's place names and people's names are spelt otherwise than Jyutping (Tsim Sha Tsui, Yuen Long, Tai Po)
    assert query_keys(jyutping)[-1] == query_keys(hong_kong)[-1]


def test_a_hong_kong_spelling_finds_the_title():
    assert query_keys("gong che bak seung")[-1] in keys("港車北上")
    assert query_keys("wui heung ching")[-1] in keys("回鄉證")
