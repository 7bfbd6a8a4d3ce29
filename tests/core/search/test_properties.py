"""Whatever is typed or pasted, search answers (never raises) and the work it does is bounded.

"Bounded" is checked structurally, never with a clock: the query is cut to MAX_QUERY_CHARS before folding, to at
most MAX_TERMS terms of at most MAX_TERM_CHARS characters each, so each search does a bounded number of lookups.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.language.display import show
from hkqh_tui.core.search import query as search_query
from hkqh_tui.core.search.engine import SearchIndex, SearchResult, SearchResults, highlight_spans
from hkqh_tui.core.search.query import MAX_QUERY_CHARS, MAX_TERM_CHARS, MAX_TERMS, parse_query
from tests.factories import search_records, write_dataset

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and control characters included
QUERIES = st.one_of(
    st.text(ANY_CHARACTER, max_size=60),
    st.text(st.sampled_from(" \t\n\r\u3000\u00a0\u200b\ufeff"), max_size=20),  # whitespace of every kind
    st.text(st.sampled_from(".*+?^$()[]{}|\\-/"), max_size=30),  # regular-expression metacharacters
    st.text(st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF), max_size=20),  # outside the BMP
    st.text(st.characters(categories=["Cc", "Cs", "Cf"]), max_size=20),  # control, surrogate, format
    st.text(st.sampled_from("😀🍕👨‍👩‍👧🇭🇰\u200d\ufe0f"), max_size=20),  # emoji and their joiners
    st.text(st.sampled_from("醫療券深圳灣口岸港車北上嗰啲前海法院ferry port ＥＨＣＶ"), max_size=30),  # near-real
)



@pytest.fixture(scope="module")
def index(tmp_path_factory) -> SearchIndex:
    return SearchIndex(load_dataset(write_dataset(tmp_path_factory.mktemp("properties"), search_records())))


@settings(max_examples=400, deadline=None)
@given(query=QUERIES)
def test_search_always_answers(index, query):
    results = index.search(query)
    assert isinstance(results, SearchResults)
    assert len(results) <= len(index)
    assert len({r.service.id for r in results}) == len(results)
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    for result in results:
        assert isinstance(result, SearchResult)
        for script in ("hant", "hans", "en"):
            title = show(result.service.title, script)
            for start, end in result.title_spans(script):
                assert 0 <= start < end <= len(title)


@settings(max_examples=200, deadline=None)
@given(query=QUERIES, filters=st.fixed_dictionaries({}, optional={"category": st.sampled_from(["health", "legal"]),
                                                                  "status": st.sampled_from(["pilot", "operating"])}))
def test_filters_never_let_through_other_services(index, query, filters):
    for result in index.search(query, **filters):
        assert result.service.category == filters.get("category", result.service.category)
        assert result.service.status == filters.get("status", result.service.status)


@settings(max_examples=200, deadline=None)
@given(text=st.text(ANY_CHARACTER, max_size=80), query=QUERIES)
def test_highlight_spans_always_answer(text, query):
    spans = highlight_spans(text, query)
    assert spans == sorted(spans)
    for (start, end), following in zip(spans, spans[1:] + [(len(text) + 1, 0)]):
        assert 0 <= start < end <= len(text)
        assert end < following[0]  # merged: no overlap, no touching


@pytest.mark.parametrize(
    "paste",
    [
        "申請" * 50_000,  # 100,000 characters of Chinese
        "a" * 100_000,  # one enormous word
        " ".join(["voucher"] * 20_000),  # many words
        "".join(chr(c) for c in range(0x20, 0x20 + 100_000) if not 0xD800 <= c <= 0xDFFF)[:100_000],
        "\ud800" * 100_000,
        "(.*)+" * 20_000,
    ],
)
def test_a_huge_paste_is_cut_before_any_work(index, paste, monkeypatch):
    folded_lengths: list[int] = []
    real_fold = search_query.fold

    def measuring_fold(text: str) -> str:
        folded_lengths.append(len(text))
        return real_fold(text)

    monkeypatch.setattr(search_query, "fold", measuring_fold)
    parsed = parse_query(paste)
    # Each piece folded is within the cut query, and all of them together a small multiple of it.
    assert max(folded_lengths) <= MAX_QUERY_CHARS
    assert sum(folded_lengths) <= 8 * MAX_QUERY_CHARS
    assert len(parsed.terms) <= MAX_TERMS
    assert all(len(term.text) <= MAX_TERM_CHARS for term in parsed.terms)
    assert isinstance(index.search(paste), SearchResults)


def test_empty_and_whitespace_queries_list_everything(index):
    for query in ("", " ", "\u3000", "\t\n"):
        assert len(index.search(query)) == len(index)
