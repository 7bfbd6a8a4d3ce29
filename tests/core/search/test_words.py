"""English words for search: stems, stop words, synonyms."""

from __future__ import annotations

import re

import pytest

from hkqh_tui.core.search.words import (
    LATIN_WORD,
    STOPWORDS,
    SYNONYM_GROUPS,
    is_ideographic,
    latin_words,
    stem,
    synonyms,
)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("ferries", "ferry"),
        ("buses", "bus"),
        ("taxes", "tax"),
        ("lawyers", "lawyer"),
        ("subsidies", "subsidy"),
        ("children", "child"),
        ("houses", "house"),
        ("churches", "church"),
        ("vets", "vet"),
        ("statuses", "status"),
    ],
)
def test_plural_and_singular_share_a_stem(plural, singular):
    assert stem(plural) == stem(singular)


def test_unrelated_words_keep_apart():
    assert stem("care") != stem("car")
    assert stem("status") == "status"
    assert stem("bus") == "bus"
    assert stem("b2") == "b2"  # words with digits are kept


def test_synonyms_are_symmetric_and_exclude_the_word():
    for group in SYNONYM_GROUPS:
        stems = {stem(word) for word in group}
        for member in stems:
            assert stems - {member} <= synonyms(member)
            assert member not in synonyms(member)
    assert "vehicle" in synonyms("car")
    assert stem("lawyer") in synonyms(stem("solicitor"))
    assert synonyms("xyzzy") == frozenset()


def test_stopwords_are_function_words():
    assert {"the", "to", "for", "my"} <= STOPWORDS
    assert not {"voucher", "school", "bus"} & STOPWORDS


def test_scripts():
    assert is_ideographic("e站通")
    assert is_ideographic("한국")
    assert not is_ideographic("e station 72")
    assert latin_words("b2巴士 hzmb e站通") == ["b2", "hzmb", "e"]


def test_is_ideographic_is_the_character_class_from_u2e80_up():
    ideographic = re.compile(r"[\u2e80-\U0010ffff]")
    for code in [*range(0, 0x3100), 0xD800, 0xDFFF, 0xFFFF, 0x10000, 0x20B36, 0x10FFFF]:
        text = "ab " + chr(code) + "1"
        assert is_ideographic(text) is (ideographic.search(text) is not None), hex(code)
    assert is_ideographic("") is False


def test_latin_word_is_every_character_below_u2e80_but_whitespace():
    written_as_a_negation = re.compile(r"[^\s\u2e80-\U0010ffff]")
    for code in [*range(0, 0x3000), 0x3000, 0xFFFF, 0x10FFFF]:
        char = chr(code)
        assert (LATIN_WORD.fullmatch(char) is None) is (written_as_a_negation.fullmatch(char) is None), hex(code)
