"""The folded index: Chinese substrings with their fields, English stems, prefixes, corrections, typos, pieces."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.search.folding import compact, fold
from hkqh_tui.core.search.index import MAX_PREFIX_EXPANSIONS, Field, SearchCorpus
from tests.factories import search_records, service_record, write_dataset

TITLE, ALIAS, SUMMARY, DETAILS = (f.value for f in (Field.TITLE, Field.ALIAS, Field.SUMMARY, Field.DETAILS))


@pytest.fixture(scope="module")
def corpus_and_ids(tmp_path_factory):
    dataset = load_dataset(write_dataset(tmp_path_factory.mktemp("corpus"), search_records()))
    services = dataset.curated_order()
    return SearchCorpus(services), [s.id for s in services]


@pytest.fixture(scope="module")
def corpus(corpus_and_ids):
    return corpus_and_ids[0]


def by_id(found, ids):
    return {ids[position]: value for position, value in found.items()}


def test_find_chinese_reports_every_field(corpus, corpus_and_ids):
    ids = corpus_and_ids[1]
    assert by_id(corpus.find_chinese("医疗券"), ids) == {"voucher": TITLE | SUMMARY, "e-station": DETAILS}
    assert by_id(corpus.find_chinese("医疗卷"), ids) == {"voucher": ALIAS}
    assert by_id(corpus.find_chinese("巴士"), ids) == {"port": SUMMARY | DETAILS, "ferry": DETAILS}
    assert corpus.find_chinese("") == {}


def test_matches_never_span_two_aliases_or_fields(tmp_path):
    records = [service_record("a", title={"zh-Hant": "甲乙", "en": "A"}, aliases=["丙", "丁"])]
    corpus = SearchCorpus(load_dataset(write_dataset(tmp_path, records)).services)
    assert corpus.find_chinese("乙丙") == {}
    assert corpus.find_chinese("丙丁") == {}
    assert corpus.find_chinese("丙") == {0: ALIAS}


def test_words_by_stem_and_field(corpus, corpus_and_ids):
    ids = corpus_and_ids[1]
    assert by_id(corpus.find_stem("ferry"), ids) == {"ferry": TITLE | SUMMARY}
    assert by_id(corpus.find_stem("b2"), ids) == {"port": DETAILS}  # a Latin word inside Chinese text
    assert by_id(corpus.find_stem("ehcv"), ids) == {"voucher": ALIAS}
    assert corpus.find_stem("xyzzy") == {}
    assert corpus.knows_stem("ferry") and not corpus.knows_stem("xyzzy")


def test_prefixes_are_bounded_and_shortest_first(tmp_path):
    words = [f"re{'x' * n}" for n in range(1, 200)]
    records = [service_record("many", summary={"zh-Hant": "字", "en": " ".join(words)})]
    corpus = SearchCorpus(load_dataset(write_dataset(tmp_path, records)).services)
    found = corpus.words_with_prefix("re")
    assert len(found) == MAX_PREFIX_EXPANSIONS
    assert found == sorted(found, key=len)
    assert found[0] == "rex"


def test_corrections(corpus):
    assert corpus.corrections("lawers") == ["lawyers"]
    assert corpus.corrections("shekuo") == ["shekou"]  # two neighbouring letters swapped: one typo
    assert corpus.corrections("shakuo") == []  # two edits in a short word
    assert corpus.corrections("ferries") == []  # a known word needs no correction
    assert corpus.corrections("abc") == []  # too short to correct


def test_names(corpus, corpus_and_ids):
    ids = corpus_and_ids[1]
    for name, expected in (("深圳湾口岸", "port"), ("shenzhenbayport", "port"), ("ehcv", "voucher")):
        assert [ids[p] for p in corpus.services_named(compact(fold(name)))] == [expected]
    assert corpus.services_named("深圳") == []
    assert corpus.in_names("深圳湾") and not corpus.in_names("比特币")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("深圳弯口岸", "深圳湾口岸"),  # wrong character inside
        ("x圳湾口岸", "深圳湾口岸"),  # wrong first character
        ("深圳口岸", "深圳湾口岸"),  # missing character
        ("深圳湾湾口岸", "深圳湾口岸"),  # extra character inside
        ("x深圳湾口岸", "深圳湾口岸"),  # extra first character
    ],
)
def test_chinese_typos(corpus, corpus_and_ids, typed, found):
    ids = corpus_and_ids[1]
    assert {ids[p]: value for p, value in corpus.find_chinese_typos(typed).items()} == {"port": (TITLE, found)}


def test_three_character_typos_are_looked_for_in_names_only(corpus, corpus_and_ids):
    ids = corpus_and_ids[1]
    # 九市 is in the lawyers' summary: with only two characters left, prose matches by chance.
    assert corpus.find_chinese_typos("九市場") == {}
    # Four characters with one wrong still leave three: the summary counts.
    assert {ids[p]: v for p, v in corpus.find_chinese_typos("湾区九城").items()} == {"lawyers": (SUMMARY, "湾区九市")}
    assert {ids[p]: v for p, v in corpus.find_chinese_typos("回乡正").items()} == {"permit": (ALIAS, "回乡证")}


def test_known_word_a_longer_word_starts_with(corpus):
    assert corpus.known_word_starting("ferrytale") == ""  # "ferry" is under 60% of it
    assert corpus.known_word_starting("shenzhens") == "shenzhen"
    assert corpus.known_word_starting("elderlyish") == "elderly"
    assert corpus.known_word_starting("cat") == ""


def test_chinese_typos_need_three_characters_and_skip_exact_hits(corpus):
    assert corpus.find_chinese_typos("深x") == {}
    assert corpus.find_chinese_typos("深圳湾口岸") == {}
    assert corpus.find_chinese_typos("深" * 40) == {}


def test_segment_into_name_pieces(corpus):
    assert corpus.segment("前海法院") == ["前海", "法院"]
    assert corpus.segment("深圳湾口岸") == ["深圳湾口岸"]
    assert corpus.segment("比特") == ["比", "特"]


def test_syllable_count_tells_romanised_words_from_english_ones(corpus):
    assert corpus.syllable_count("yiliao") == 2
    assert corpus.syllable_count("quan") == 1
    assert corpus.syllable_count("card") == 0
    assert corpus.syllable_count("") == 0


def test_syllables_survive_saving_and_loading(corpus):
    assert SearchCorpus.from_state(corpus.state()).syllable_count("yiliao") == 2


def test_english_prose_gives_the_words_of_its_folded_text():
    from hkqh_tui.core.search.folding import fold
    from hkqh_tui.core.search.index import _prose_words
    from hkqh_tui.core.search.words import latin_words

    texts = ["Hong Kong’s elderly", "HK$2,000 café", "the 港車北上 scheme", "", "ＦＵＬＬ width"]
    assert _prose_words(texts) == latin_words(" ".join(map(fold, texts)))
    assert "港车北上" not in _prose_words(texts) and "cafe" in _prose_words(texts)
    assert _prose_words(["Plain ASCII, text.", "e-Station"]) == ["plain", "ascii", "text", "e", "station"]
