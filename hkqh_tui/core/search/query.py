"""Turn what a person typed into search terms, in bounded time whatever they typed.

A query is cut to :data:`MAX_QUERY_CHARS` characters, its English contractions are undone ("i'm" -> "i", "can't" ->
"can not"), and fzf's operators are read from the words as typed: ``'word`` must be there exactly, ``!word`` must not
be there, and ``a | b`` is either. Each word is then folded (:func:`hkqh_tui.core.search.folding.fold`).

Function words (particles, question words, pronouns, politeness: 嘅 點樣 可唔可以 怎么 吗 the) are dropped, and words
that say who is asking (阿媽, 仔女) are kept aside as audiences, both from the lexicon
(:mod:`hkqh_tui.core.search.lexicon`). A Chinese sentence has no spaces: with a corpus at hand it is segmented into
the words the dataset and the lexicon know (:func:`segment`), so 我阿媽想喺深圳用醫療券睇醫生 becomes 深圳, 醫療券 and
睇醫生 for the elderly. A word the lexicon knows as a colloquial or Mainland form also matches the dataset's words
(睇醫生 -> 醫療, 門診, 醫院). Terms after :data:`MAX_TERMS` are ignored.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from hkqh_tui.core.search.folding import compact, fold
from hkqh_tui.core.search.lexicon import EMPTY_LEXICON, Lexicon, LexiconError, default_lexicon
from hkqh_tui.core.search.words import STOPWORDS, is_ideographic, latin_words, stem, synonyms

MAX_QUERY_CHARS = 200
"""Longer input (a paste) is cut here: nobody types a longer search, and it keeps every keystroke fast."""

MAX_TERMS = 10
"""Terms after the tenth are ignored."""

MAX_TERM_CHARS = 32
"""A longer run without spaces (a pasted sentence or address) is cut to this length."""

MAX_SEGMENT_CHARS = 8
"""The longest dataset word a sentence is segmented into (longer known phrases are found whole before segmenting)."""

PIECE_COST = 0.5
"""What each piece of a segmentation costs: of two splits covering as much, the one with fewer pieces wins."""

SINGLE_CHARACTER_WEIGHT = 0.4
"""A lone Chinese character left between known words counts for this share of a word (帶 in 帶隻狗)."""

MAX_ROMANISED_CHARS = 40
"""Romanised input longer than this (joined) is not looked up as pinyin or Jyutping."""

_CONTRACTION_CANT = re.compile(r"\b(?:(ca)n|(wo)n)['’]t\b", re.IGNORECASE)
_CONTRACTION_NOT = re.compile(r"(?<=\w)n['’]t\b", re.IGNORECASE)
_CONTRACTION = re.compile(r"(?<=\w)['’](?:m|s|re|ve|ll|d)\b", re.IGNORECASE)
_TONE_NUMBER = re.compile(r"(?<=[a-z])[1-6](?=\s|$)")
_CJK_OR_LATIN = re.compile("[^\x00-\u2e7f]+|[\x00-\u2e7f]+")  # the same sets as [\u2e80-\U0010ffff], quicker to compile


class Vocabulary(Protocol):
    """What segmentation needs to know about the dataset's Chinese words (a :class:`SearchCorpus`)."""

    def in_names(self, term: str) -> bool: ...

    def knows_piece(self, piece: str) -> int: ...

    def knows_stem(self, word_stem: str) -> bool: ...

    def knows_prefix(self, prefix: str) -> bool: ...


class QueryTerm(NamedTuple):
    """One meaningful word of a query."""

    text: str
    """The folded term ("医疗券", "ferries")."""
    ideographic: bool
    """True when the term has a Chinese character: it is then matched by substring."""
    stem: str = ""
    """For an English word: its stem ("ferry")."""
    synonyms: frozenset[str] = frozenset()
    """For an English word: stems of its common synonyms."""
    alternatives: tuple[str, ...] = ()
    """Folded dataset words the lexicon says this word stands for (睇醫生 -> 医疗, 门诊, 医院)."""
    exact: bool = False
    """Typed as ``'word``: found only as typed (no typo, prefix, synonym or split), and required."""
    weight: float = 1.0
    """The share of its rarity weight that counts (a lone character counts less than a word)."""
    either: tuple[QueryTerm, ...] = ()
    """For ``a | b``: the terms any one of which will do (``text`` is then their texts joined)."""


class ParsedQuery(NamedTuple):
    """A query ready for matching."""

    text: str
    """The query as typed, after cutting to length."""
    folded: str
    """The whole folded query, function words included."""
    terms: tuple[QueryTerm, ...]
    """The meaningful terms (function words and audience words dropped)."""
    excluded: tuple[QueryTerm, ...] = ()
    """Terms typed as ``!word``: services that have them are left out."""
    audiences: frozenset[str] = frozenset()
    """Audience ids the query's words point to (阿媽 -> elderly)."""
    romanised: str = ""
    """The query's Latin words, tone numbers dropped, when it may be pinyin or Jyutping ("yi liao quan")."""
    had_words: bool = False
    """True when the query had letters or characters, even if all of them were function words."""

    @property
    def compact(self) -> str:
        """The folded query without spaces, compared with whole titles and aliases."""
        return compact(self.folded)

    @property
    def is_blank(self) -> bool:
        """True when nothing but whitespace was typed (this lists every service)."""
        return not self.text.strip()


def _lexicon() -> Lexicon:
    try:
        return default_lexicon()
    except LexiconError:
        # Search still works on the dataset's own words; the bundled file is kept valid by its test
        # (tests/core/search/test_lexicon.py), and read_lexicon() names the entry at fault.
        return EMPTY_LEXICON


def make_term(folded_token: str, lexicon: Lexicon | None = None, *, exact: bool = False) -> QueryTerm:
    """The term for one folded, space-free token."""
    lexicon = _lexicon() if lexicon is None else lexicon
    alternatives = () if exact else lexicon.synonyms.get(folded_token, ())
    if is_ideographic(folded_token):
        return QueryTerm(folded_token, True, alternatives=alternatives, exact=exact)
    word_stem = stem(folded_token)
    return QueryTerm(
        folded_token,
        False,
        word_stem,
        frozenset() if exact else synonyms(word_stem),
        alternatives=alternatives,
        exact=exact,
    )


def _is_function_word(token: str, lexicon: Lexicon) -> bool:
    return token in lexicon.function_words or (not is_ideographic(token) and token in STOPWORDS)


def segment(run: str, vocabulary: Vocabulary, lexicon: Lexicon) -> list[tuple[str, str]]:
    """Split a Chinese run into ``(piece, role)`` by dictionary segmentation; role is "word", "function", "audience",
    "synonym" or "unknown".

    Pieces are dataset words (title and alias substrings, pairs of characters of the Chinese texts) and lexicon
    entries. The split that covers most of the run with known pieces wins, and among equal ones the split into fewer
    pieces: a piece scores its length (plus a little for lexicon words and names), a pair known only from the texts
    scores less than its two characters would as words, a lone unknown character nothing, and every piece costs
    :data:`PIECE_COST` (more than the bonus for a name, so that a whole name beats two names that make it up). A
    known piece that only adds a lone function character to a known word (去深圳 = 去 + 深圳) is not one.
    Adjacent unknown characters are joined into one piece.
    """
    length = len(run)
    longest = max(MAX_SEGMENT_CHARS, lexicon.longest_word)
    function_words = lexicon.function_words
    best: list[tuple[float, int, str]] = [(0.0, 0, "")] + [(-1e9, 0, "")] * length
    for end in range(1, length + 1):
        for start in range(max(0, end - longest), end):
            previous = best[start][0]
            piece = run[start:end]
            size = end - start
            if piece in function_words:
                role, score = "function", size + 0.2
            elif piece in lexicon.synonyms:
                role, score = "synonym", size + 0.6
            elif piece in lexicon.audiences:
                role, score = "audience", size + 0.6
            elif size == 1:
                role, score = "unknown", 0.0
            else:
                known = vocabulary.knows_piece(piece)
                if not known or _adds_function_character(piece, vocabulary, function_words):
                    continue
                if size == 2 and piece[0] in function_words and vocabulary.knows_piece(run[start + 1 : end + 1]) > 0:
                    continue  # 喺深 in 喺深圳: a particle and half of the word that follows (not 仲裁, nor 内地)
                role, score = "word", (size + 0.3 if known > 1 else 1.1)
            total = previous + score - PIECE_COST
            if total > best[end][0]:
                best[end] = (total, start, role)
    pieces: list[tuple[str, str]] = []
    end = length
    while end > 0:
        _, start, role = best[end]
        pieces.append((run[start:end], role))
        end = start
    pieces.reverse()
    joined: list[tuple[str, str]] = []
    for piece, role in pieces:
        if role == "unknown" and joined and joined[-1][1] == "unknown":
            joined[-1] = (joined[-1][0] + piece, "unknown")
        else:
            joined.append((piece, role))
    return joined


def _is_one_keyword(run: str, pieces: list[tuple[str, str]]) -> bool:
    """True when a short run of dataset words and unknown characters is better matched whole, as one keyword that
    may have a typo: one word with characters around it (長者醫僚券), or two words (深圳彎口岸, 深圳灣灣口岸: a
    character that may be wrong or extra). Three words or more (前海創業資助), or two words after or before a lone
    character (开银行账户), are searched word by word, so that each is found wherever it is and with what the lexicon
    says it means."""
    if len(run) > MAX_SEGMENT_CHARS or any(role not in ("word", "unknown") for _, role in pieces):
        return False
    roles = [role for _, role in pieces]
    words = roles.count("word")
    if words <= 1:
        return True
    if words > 2:
        return False
    lone_at_an_end = len(pieces) == 3 and (
        (roles[0] == "unknown" and len(pieces[0][0]) == 1) or (roles[2] == "unknown" and len(pieces[2][0]) == 1)
    )
    return not lone_at_an_end


def _adds_function_character(piece: str, vocabulary: Vocabulary, function_words: frozenset[str]) -> bool:
    """True when ``piece`` is a known word with a lone function character stuck to its start or end (返香港)."""
    if len(piece) < 3:
        return False
    return (piece[0] in function_words and vocabulary.knows_piece(piece[1:]) > 0) or (
        piece[-1] in function_words and vocabulary.knows_piece(piece[:-1]) > 0
    )


def _chinese_terms(
    run: str, vocabulary: Vocabulary | None, lexicon: Lexicon, audiences: set[str]
) -> list[QueryTerm]:
    """The terms of a space-free Chinese run: whole when it is a known name, else its meaningful words."""
    if run in lexicon.function_words:
        return []
    if run in lexicon.audiences:
        audiences.add(lexicon.audiences[run])
        if vocabulary is None or not vocabulary.knows_piece(run):
            return []
    if vocabulary is None or vocabulary.in_names(run):
        return [make_term(run, lexicon)]
    pieces = segment(run, vocabulary, lexicon)
    if _is_one_keyword(run, pieces):
        return [make_term(run, lexicon)]  # a keyword, perhaps with a typo: matched whole (with typo and split)
    terms: list[QueryTerm] = []
    for piece, role in pieces:
        if role == "function":
            continue
        if role == "audience":
            audiences.add(lexicon.audiences[piece])
            if not vocabulary.knows_piece(piece):
                continue
        term = make_term(piece, lexicon)
        if len(piece) == 1 and role != "synonym":
            term = term._replace(weight=SINGLE_CHARACTER_WEIGHT)
        terms.append(term)
    return terms


def _word_terms(token: str, vocabulary: Vocabulary | None, lexicon: Lexicon, audiences: set[str]) -> list[QueryTerm]:
    """The terms of one folded, space-free token (Chinese, English or both: "港車北上點apply")."""
    if not is_ideographic(token):
        if _is_function_word(token, lexicon):
            return []
        if token in lexicon.audiences:
            audiences.add(lexicon.audiences[token])
            known = vocabulary is not None and vocabulary.knows_stem(stem(token))
            if not known and token not in lexicon.synonyms:
                return []
        term = make_term(token, lexicon)
        if not term.alternatives and _unknown_word(token, vocabulary):
            nearest = lexicon.nearest_synonym(token)  # a typo of a word only the lexicon knows (dentst: dentist)
            if nearest is not None:
                term = term._replace(alternatives=lexicon.synonyms[nearest])
        return [term]
    if token in lexicon.function_words:
        return []
    if vocabulary is None or vocabulary.in_names(token):
        return [make_term(token, lexicon)]
    terms: list[QueryTerm] = []
    for run in _CJK_OR_LATIN.findall(token):
        if is_ideographic(run):
            terms.extend(_chinese_terms(run, vocabulary, lexicon, audiences))
        else:
            terms.extend(_word_terms(run, vocabulary, lexicon, audiences))
    return terms


def _unknown_word(folded_token: str, vocabulary: Vocabulary | None) -> bool:
    """True when ``folded_token`` is an English word the dataset has neither as a word nor as the start of one."""
    return (
        vocabulary is not None
        and folded_token.isascii()
        and folded_token.isalpha()
        and not vocabulary.knows_stem(stem(folded_token))
        and not vocabulary.knows_prefix(folded_token)
    )


MIN_PHRASE_TYPO_CHARS = 10
"""Words typed together are read as a lexicon phrase with a typo ("retirment home") only from this many letters."""


def _join_phrases(raw_tokens: list[str], lexicon: Lexicon, vocabulary: Vocabulary | None = None) -> list[str]:
    """Join consecutive words that together are a lexicon entry ("greater bay area") into one token; with a
    ``vocabulary``, also words with a typo the dataset does not explain ("retirment home")."""
    if len(raw_tokens) < 2:
        return raw_tokens
    joined: list[str] = []
    index = 0
    while index < len(raw_tokens):
        for size in (3, 2):
            group = raw_tokens[index : index + size]
            if len(group) == size and not any(token[0] in "'!|" for token in group):
                key = compact(fold(" ".join(group)))
                if key in lexicon.synonyms or key in lexicon.function_words:
                    joined.append(key)
                    index += size
                    break
                if (
                    len(key) >= MIN_PHRASE_TYPO_CHARS
                    and all(token.isascii() and token.isalpha() for token in group)
                    and any(_unknown_word(token.lower(), vocabulary) for token in group)
                ):
                    nearest = lexicon.nearest_synonym(key)
                    if nearest is not None:
                        joined.append(nearest)
                        index += size
                        break
        else:
            joined.append(raw_tokens[index])
            index += 1
    return joined


def _undo_contractions(text: str) -> str:
    text = _CONTRACTION_CANT.sub(lambda m: "can not" if m.group(1) else "will not", text)
    return _CONTRACTION.sub("", _CONTRACTION_NOT.sub(" not", text))


def parse_query(query: str, vocabulary: Vocabulary | None = None, lexicon: Lexicon | None = None) -> ParsedQuery:
    """Cut, read operators, fold, segment and drop function words. Never raises, whatever the input.

    Without ``vocabulary`` (a corpus), Chinese runs are not segmented (each is one term, as typed).
    """
    lexicon = _lexicon() if lexicon is None else lexicon
    text = query[:MAX_QUERY_CHARS] if isinstance(query, str) else ""
    raw_tokens = _join_phrases(_undo_contractions(text).split(), lexicon, vocabulary)
    terms: list[QueryTerm] = []
    excluded: list[QueryTerm] = []
    audiences: set[str] = set()
    join_next = False
    had_words = False
    for raw in raw_tokens:
        if raw == "|":
            join_next = bool(terms)
            continue
        operator = raw[0] if raw[0] in "'!" and len(raw) > 1 else ""
        folded = fold(raw[1:] if operator else raw)
        tokens = [token[:MAX_TERM_CHARS] for token in folded.split()]
        if not tokens:
            continue
        had_words = True
        if operator == "!":
            excluded.extend(make_term(token, lexicon, exact=True) for token in tokens)
            continue
        if operator == "'":
            found = [make_term(token, lexicon, exact=True) for token in tokens]
        else:
            found = [term for token in tokens for term in _word_terms(token, vocabulary, lexicon, audiences)]
        if join_next and found and terms:
            first = terms.pop()
            options = (*(first.either or (first,)), *found)
            found = [QueryTerm(" | ".join(o.text for o in options), False, either=options)]
        join_next = False
        terms.extend(term for term in found if term.text not in {t.text for t in terms})
    folded_all = fold(text)
    return ParsedQuery(
        text=text,
        folded=folded_all,
        terms=tuple(terms[:MAX_TERMS]),
        excluded=tuple(excluded[:MAX_TERMS]),
        audiences=frozenset(audiences),
        romanised=_romanised(folded_all) if terms else "",  # only function words: English, not pinyin
        had_words=had_words,
    )


def _romanised(folded: str) -> str:
    """The query's Latin words, tone numbers dropped, when they could be pinyin or Jyutping; else ""."""
    if is_ideographic(folded):
        return ""
    words = latin_words(_TONE_NUMBER.sub("", folded))
    joined = "".join(words)
    if not 2 <= len(joined) <= MAX_ROMANISED_CHARS or not joined.isalpha():
        return ""
    return " ".join(words)
