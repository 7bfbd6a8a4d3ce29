"""Parsing what was typed into bounded search terms."""

from __future__ import annotations

from hkqh_tui.core.search.folding import fold
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


def test_function_words_are_dropped_even_when_nothing_else_is_left():
    assert [t.text for t in parse_query("how to bring my dog to hong kong").terms] == ["bring", "dog", "hongkong"]
    assert parse_query("to be").terms == ()
    assert parse_query("to be").had_words
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


def test_broken_text_parses_into_clean_terms():
    """Lone surrogates, control characters and regex syntax never reach a term; what is left of the text is."""
    cases = {"\ud800": [], "a\udfffb": ["b"], "\x00\x1b[2J": ["2j"], "(.*+?[": [], "𠮶𠀀😀": ["𠮶𠀀"]}
    for text, expected in cases.items():
        query = parse_query(text)
        terms = [term.text for term in query.terms]
        assert terms == expected, text
        for term in terms:
            term.encode("utf-8")  # no lone surrogate
            assert not any(ord(c) < 32 or c in "[]()*+?" for c in term), term


# -- sentences, operators and contractions (issue 8) ---------------------------------------------------------------


class Vocabulary:
    """A tiny stand-in for the corpus: the words a dataset knows."""

    names = "深圳 醫療券 深圳灣口岸 前海 社保 學校"

    def in_names(self, term: str) -> bool:
        return term in fold(self.names).replace(" ", "")

    def knows_piece(self, piece: str) -> int:
        return 2 if self.in_names(piece) else 0

    def knows_stem(self, word_stem: str) -> bool:
        return word_stem in {"elderly", "school"}

    def knows_prefix(self, prefix: str) -> bool:
        return any(word.startswith(prefix) and word != prefix for word in ("elderly", "school"))


def texts(query: str) -> list[str]:
    return [t.text for t in parse_query(query, Vocabulary()).terms]


def test_an_unsegmented_cantonese_sentence_keeps_its_meaningful_words():
    parsed = parse_query("我阿媽想喺深圳用醫療券睇醫生", Vocabulary())
    assert [t.text for t in parsed.terms] == [fold("深圳"), fold("醫療券"), fold("睇醫生")]
    assert parsed.audiences == {"elderly"}
    assert fold("醫院") in parsed.terms[-1].alternatives


def test_a_mandarin_question_drops_its_question_words():
    assert texts("在前海怎么交社保吗") == [fold("前海"), fold("交社保")]


def test_a_space_does_not_change_the_words():
    assert texts("深圳灣口岸 幾點閂關") == texts("深圳灣口岸幾點閂關")


def test_a_known_name_is_kept_whole():
    assert texts("深圳灣口岸") == [fold("深圳灣口岸")]


def test_english_contractions_and_function_words():
    assert texts("i'm a vet, can't i work in shenzhen?") == ["vet", "work", "shenzhen"]
    assert texts("what's the school for my kids") == ["school"]
    assert parse_query("what's the school for my kids", Vocabulary()).audiences == {"families"}


def test_function_words_alone_leave_no_terms():
    for query in ("the", "how do i", "點樣", "怎么", "係咪"):
        parsed = parse_query(query, Vocabulary())
        assert parsed.terms == () and parsed.had_words, query


def test_fzf_operators():
    parsed = parse_query("'port !bus ferry | boat", Vocabulary())
    assert [(t.text, t.exact) for t in parsed.terms][0] == ("port", True)
    assert [t.text for t in parsed.excluded] == ["bus"]
    either = parsed.terms[1]
    assert [o.text for o in either.either] == ["ferry", "boat"]


def test_romanised_reading_of_a_latin_query():
    assert parse_query("yi1 liao2 quan4").romanised == "yi liao quan"
    assert parse_query("yīliáoquàn").romanised == "yiliaoquan"
    assert parse_query("醫療券").romanised == ""


def test_a_typo_in_a_word_only_the_lexicon_knows_still_finds_its_meaning():
    (term,) = parse_query("dentst", Vocabulary()).terms
    assert term.text == "dentst" and fold("dental") in term.alternatives  # the lexicon's "dentist"
    (phrase,) = parse_query("retirment home", Vocabulary()).terms
    assert phrase.text == "retirementhome" and phrase.alternatives


def test_words_the_dataset_knows_and_short_words_are_never_read_as_lexicon_typos():
    assert parse_query("school", Vocabulary()).terms[0].alternatives == parse_query("school").terms[0].alternatives
    assert parse_query("eld", Vocabulary()).terms[0].alternatives == ()  # the start of a known word, as typed
    assert parse_query("tooh", Vocabulary()).terms[0].alternatives == ()  # 4 letters: too short to correct
    assert [t.text for t in parse_query("retire home", Vocabulary()).terms] == ["retire", "home"]
