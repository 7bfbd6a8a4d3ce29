"""Parsing what was typed into bounded search terms."""

from __future__ import annotations

from hkqh_tui.core.search.query import MAX_QUERY_CHARS, MAX_TERM_CHARS, MAX_TERMS, parse_query


def test_terms_are_folded_and_split_on_spaces():
    parsed = parse_query("  長者醫療券 ＥＨＣＶ, Ferries! ")
    assert [t.text for t in parsed.terms] == ["长者医疗券", "ehcv", "ferries"]
    assert [t.ideographic for t in parsed.terms] == [True, False, False]
    assert parsed.terms[2].stem == "ferry"
    assert "boat" in parsed.terms[2].synonyms
    assert parsed.compact == "长者医疗券ehcvferries"


def test_mixed_tokens_are_chinese_terms():
    parsed = parse_query("e站通 72小時")
    assert [(t.text, t.ideographic) for t in parsed.terms] == [("e站通", True), ("72小时", True)]


def test_stopwords_are_dropped_unless_nothing_else_is_left():
    assert [t.text for t in parse_query("how to bring my dog to hong kong").terms] == ["bring", "dog", "hong", "kong"]
    assert [t.text for t in parse_query("to be").terms] == ["to", "be"]
    # The compact form keeps them, so that a title with a stop word can still be an exact hit.
    assert parse_query("the port").compact == "theport"


def test_repeated_terms_count_once():
    assert [t.text for t in parse_query("port PORT port").terms] == ["port"]


def test_blank_and_symbol_only_queries():
    assert parse_query("").is_blank and parse_query(" \t\n").is_blank
    symbols = parse_query("?! 🍕")
    assert not symbols.is_blank
    assert symbols.terms == ()


def test_input_is_bounded():
    paste = "申請" * 50_000 + " word" * 10_000
    parsed = parse_query(paste)
    assert len(parsed.text) == MAX_QUERY_CHARS
    assert len(parsed.terms) <= MAX_TERMS
    assert all(len(t.text) <= MAX_TERM_CHARS for t in parsed.terms)
    many = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert len(many.terms) == MAX_TERMS


def test_never_raises_on_broken_text():
    for text in ("\ud800", "a\udfffb", "\x00\x1b[2J", "(.*+?[", "𠮶𠀀😀"):
        parse_query(text)
