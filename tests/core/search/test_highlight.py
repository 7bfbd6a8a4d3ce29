"""Highlight spans on displayed text: mapped back through folding, merged, in any script."""

from __future__ import annotations

from hkqh_tui.core.language.display import to_simplified
from hkqh_tui.core.search.highlight import Needles, highlight_spans, query_needles


def pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_chinese_needles_in_each_script():
    needles = Needles(chinese=frozenset({"医疗券"}))
    hant = "長者醫療券計劃，醫療券"
    assert pieces(hant, needles.spans(hant)) == ["醫療券", "醫療券"]
    hans = to_simplified(hant)
    assert pieces(hans, needles.spans(hans)) == ["医疗券", "医疗券"]


def test_chinese_needles_match_across_spaces_and_full_width():
    needles = Needles(chinese=frozenset({"72小时"}))
    assert pieces("深港 72 小時 體驗", needles.spans("深港 72 小時 體驗")) == ["72 小時"]
    assert pieces("７２小時", needles.spans("７２小時")) == ["７２小時"]


def test_words_by_stem_and_by_prefix():
    text = "Ferries and ferry services to Shekou"
    assert pieces(text, Needles(stems=frozenset({"ferry"})).spans(text)) == ["Ferries", "ferry"]
    assert pieces(text, Needles(prefixes=frozenset({"serv", "sh"})).spans(text)) == ["serv", "Sh"]
    # A prefix matches at the start of a word only.
    assert Needles(prefixes=frozenset({"hek"})).spans(text) == []


def test_overlapping_and_touching_spans_merge():
    needles = Needles(chinese=frozenset({"深圳", "圳湾", "口岸"}))
    assert needles.spans("深圳灣口岸") == [(0, 5)]


def test_needles_combine():
    combined = Needles(chinese=frozenset({"a"})) | Needles(stems=frozenset({"b"}), prefixes=frozenset({"c"}))
    assert combined == Needles(frozenset({"a"}), frozenset({"b"}), frozenset({"c"}))


def test_query_needles():
    needles = query_needles("深圳湾 Ferries")
    assert needles.chinese == {"深圳湾"}
    assert {"ferry", "boat"} <= needles.stems
    assert needles.prefixes == {"ferries"}


def test_highlight_spans_with_odd_input():
    assert highlight_spans("Shenzhen Bay Port", "\ud800 port \x00") == [(13, 17)]
    assert highlight_spans("a\ud800b port", "port") == [(4, 8)]
    assert highlight_spans("🍕 port", "port") == [(2, 6)]
    assert highlight_spans("Port", "🍕") == []
