"""Turn what a person typed into search terms, in bounded time whatever they typed.

A query is cut to :data:`MAX_QUERY_CHARS` characters before anything else, folded (:func:`hkqh_tui.core.search.folding.fold`),
and split on spaces into at most :data:`MAX_TERMS` terms. A term with a Chinese (ideographic) character is matched by
substring; any other term is an English word, matched by its stem, as a prefix, through synonyms or with a typo.
"""

from __future__ import annotations

from dataclasses import dataclass

from hkqh_tui.core.search.folding import compact, fold
from hkqh_tui.core.search.words import STOPWORDS, is_ideographic, stem, synonyms

MAX_QUERY_CHARS = 200
"""Longer input (a paste) is cut here: nobody types a longer search, and it keeps every keystroke fast."""

MAX_TERMS = 8
"""Terms after the eighth are ignored."""

MAX_TERM_CHARS = 32
"""A longer run without spaces (a pasted sentence or address) is cut to this length."""


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One space-separated part of a folded query."""

    text: str
    """The folded term as typed ("医疗券", "ferries")."""
    ideographic: bool
    """True when the term has a Chinese character: it is then matched by substring."""
    stem: str = ""
    """For an English word: its stem ("ferry")."""
    synonyms: frozenset[str] = frozenset()
    """For an English word: stems of its common synonyms."""


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query ready for matching."""

    text: str
    """The query as typed, after cutting to length."""
    folded: str
    """The whole folded query, stop words included."""
    terms: tuple[QueryTerm, ...]

    @property
    def compact(self) -> str:
        """The folded query without spaces, compared with whole titles and aliases."""
        return compact(self.folded)

    @property
    def is_blank(self) -> bool:
        """True when nothing but whitespace was typed (this lists every service)."""
        return not self.text.strip()


def make_term(folded_token: str) -> QueryTerm:
    """The term for one folded, space-free token."""
    if is_ideographic(folded_token):
        return QueryTerm(folded_token, True)
    word_stem = stem(folded_token)
    return QueryTerm(folded_token, False, word_stem, synonyms(word_stem))


def parse_query(query: str) -> ParsedQuery:
    """Cut, fold and split a query. Never raises, whatever the input (control characters, lone surrogates, ...)."""
    text = query[:MAX_QUERY_CHARS] if isinstance(query, str) else ""
    folded = fold(text)
    tokens = list(dict.fromkeys(token[:MAX_TERM_CHARS] for token in folded.split()))
    meaningful = [t for t in tokens if is_ideographic(t) or t not in STOPWORDS]
    terms = tuple(make_term(token) for token in (meaningful or tokens)[:MAX_TERMS])
    return ParsedQuery(text=text, folded=folded, terms=terms)
