"""How one term matches: kinds, fields, weights and the needles kept for highlighting."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.search.highlight import Needles
from hkqh_tui.core.search.index import Field, SearchCorpus
from hkqh_tui.core.search.match import (
    MatchKind,
    MatchTier,
    TermMatches,
    inverse_frequency,
    make_hit,
    match_term,
)
from hkqh_tui.core.search.query import make_term
from tests.factories import search_records, write_dataset


@pytest.fixture(scope="module")
def corpus_and_ids(tmp_path_factory):
    services = load_dataset(write_dataset(tmp_path_factory.mktemp("match"), search_records())).curated_order()
    return SearchCorpus(services), [s.id for s in services]


def hits(corpus_and_ids, token: str) -> dict[str, tuple[MatchTier, MatchKind]]:
    corpus, ids = corpus_and_ids
    matches = match_term(corpus, make_term(token))
    return {ids[p]: (hit.tier, hit.kind) for p, hit in matches.best.items()}


def test_make_hit_weights_fields_and_kinds():
    title = make_hit(Field.TITLE.value, MatchKind.EXACT)
    assert (title.tier, title.field, title.quality) == (MatchTier.NAME, Field.TITLE, 1.0)
    both = make_hit(Field.TITLE.value | Field.SUMMARY.value, MatchKind.EXACT)
    assert both.quality > title.quality  # found in more than one field
    summary = make_hit(Field.SUMMARY.value, MatchKind.EXACT)
    details = make_hit(Field.DETAILS.value, MatchKind.EXACT)
    assert (summary.tier, details.tier) == (MatchTier.SUMMARY, MatchTier.DETAILS)
    assert title.rank > summary.rank > details.rank
    typo = make_hit(Field.TITLE.value, MatchKind.TYPO)
    assert typo.tier is MatchTier.TYPO and typo.rank < details.rank
    prefix = make_hit(Field.TITLE.value, MatchKind.PREFIX)
    assert prefix.tier is MatchTier.NAME and prefix.quality < title.quality


def test_inverse_frequency_favours_rare_terms():
    assert inverse_frequency(100, 100) == pytest.approx(1.0)
    assert inverse_frequency(1, 100) > inverse_frequency(10, 100) > inverse_frequency(100, 100)


def test_word_kinds(corpus_and_ids):
    assert hits(corpus_and_ids, "ferries")["ferry"] == (MatchTier.NAME, MatchKind.EXACT)
    assert hits(corpus_and_ids, "boat")["ferry"] == (MatchTier.NAME, MatchKind.SYNONYM)
    assert hits(corpus_and_ids, "shek")["ferry"] == (MatchTier.NAME, MatchKind.PREFIX)
    assert hits(corpus_and_ids, "lawers")["lawyers"] == (MatchTier.TYPO, MatchKind.TYPO)


def test_corrections_only_when_nothing_else_is_found(corpus_and_ids):
    assert all(kind is not MatchKind.TYPO for _, kind in hits(corpus_and_ids, "port").values())


def test_chinese_kinds(corpus_and_ids):
    assert hits(corpus_and_ids, "医疗券")["voucher"] == (MatchTier.NAME, MatchKind.EXACT)
    assert hits(corpus_and_ids, "深圳弯口岸")["port"] == (MatchTier.TYPO, MatchKind.TYPO)
    assert hits(corpus_and_ids, "前海法院")["court"] == (MatchTier.NAME, MatchKind.SPLIT)


def test_split_pieces_of_single_characters_alone_do_not_match(corpus_and_ids):
    assert hits(corpus_and_ids, "比特币") == {}


def test_split_term_found_in_part_is_partial(corpus_and_ids):
    corpus, ids = corpus_and_ids
    partial = {ids[p]: hit for p, hit in match_term(corpus, make_term("前海法院比")).best.items()}
    assert partial["court"].tier is MatchTier.PARTIAL  # 前海 and 法院 found, 比 not
    assert 0.5 <= partial["court"].coverage < 1
    # Services with only a small (by weight) part of the term are left out.
    assert match_term(corpus, make_term("前海比特币")).best == {}


def test_term_matches_keep_the_best_hit_and_every_needle():
    matches = TermMatches()
    a, b = Needles(chinese=frozenset({"a"})), Needles(stems=frozenset({"b"}))
    matches.add({0: Field.DETAILS.value, 1: Field.TITLE.value}, MatchKind.EXACT, a)
    matches.add({0: Field.TITLE.value}, MatchKind.SYNONYM, b)
    assert matches.best[0].kind is MatchKind.SYNONYM  # title beats details even as a synonym
    assert matches.best[1].kind is MatchKind.EXACT
    assert matches.needles_for(0) == a | b
    assert matches.needles_for(1) == a
    assert matches.needles_for(2) == Needles()
    assert len(matches) == 2
