"""The search lexicon: the bundled file is valid, and every kind of bad entry is refused with a clear message."""

from __future__ import annotations

import pytest

from hkqh_tui.core.search.folding import fold
from hkqh_tui.core.search.lexicon import (
    MAX_LEXICON_BYTES,
    LexiconError,
    default_lexicon,
    lexicon_path,
    parse_lexicon,
    read_lexicon,
)


def test_bundled_lexicon_is_valid_and_folded():
    lexicon = read_lexicon(lexicon_path())
    assert fold("點樣") in lexicon.function_words
    assert fold("可唔可以") in lexicon.function_words
    assert "the" in lexicon.function_words
    assert fold("檢疫") in lexicon.synonyms[fold("隔離")]
    assert lexicon.audiences[fold("阿媽")] == "elderly"
    assert lexicon.audiences[fold("仔女")] == "families"
    assert default_lexicon() == default_lexicon()


def test_traditional_and_simplified_entries_fold_alike():
    lexicon = parse_lexicon({"synonyms": {"睇醫生": ["醫院"]}})
    assert lexicon.synonyms[fold("睇医生")] == (fold("醫院"),)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"words": {}}, "unknown section 'words'"),
        ({"function_words": ["嘅"]}, "must be a table"),
        ({"function_words": {"klingon": ["x"]}}, "unknown language"),
        ({"function_words": {"cantonese": []}}, "non-empty list"),
        ({"function_words": {"cantonese": ["嘅", "嘅"]}}, "listed twice"),
        ({"function_words": {"cantonese": [3]}}, "expected a word"),
        ({"function_words": {"cantonese": ["!!"]}}, "no letters"),
        ({"function_words": {"cantonese": ["長" * 40]}}, "longer than"),
        ({"synonyms": {"隔離": "檢疫"}}, "non-empty list"),
        ({"synonyms": {"隔離": ["檢疫"], "隔离": ["檢疫"]}}, "listed twice"),
        ({"synonyms": {"隔離": [str(n) for n in range(20)]}}, "more than"),
        ({"audiences": {"Old People": ["阿媽"]}}, "audience id"),
        ({"audiences": {"elderly": ["阿媽"], "families": ["阿媽"]}}, "already says"),
        ({"function_words": {"cantonese": ["阿媽"]}, "audiences": {"elderly": ["阿媽"]}}, "both a function word"),
    ],
)
def test_bad_entries_are_refused_with_the_entry_named(data, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(data, "lexicon.toml")


def test_bad_files_are_refused_with_a_clear_message(tmp_path):
    missing = tmp_path / "missing.toml"
    with pytest.raises(LexiconError, match="cannot be read"):
        read_lexicon(missing)
    broken = tmp_path / "broken.toml"
    broken.write_text("[synonyms\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid TOML"):
        read_lexicon(broken)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(LexiconError, match="not UTF-8"):
        read_lexicon(binary)
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * MAX_LEXICON_BYTES, encoding="utf-8")
    with pytest.raises(LexiconError, match="larger than"):
        read_lexicon(huge)
