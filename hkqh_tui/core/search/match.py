"""How one query term matches each service: where (field), how (exact, synonym, prefix, typo, split) and how well.

Chinese terms are looked up as substrings. A Chinese term that no title or alias contains is also looked up with one
typo (a wrong, missing or extra character); if that finds no title or alias either, the term is split into the
longest pieces that titles and aliases contain ("前海法院" -> 前海 + 法院) and each piece is looked up. English words are
looked up by stem, by synonym and as the prefix of longer words; a word found in none of these ways is looked up by
the known word it starts with ("retirement" -> retire), and failing that corrected to the nearest known words (one
typo, two for words of eight letters or more).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import Enum, IntEnum

from hkqh_tui.core.search.highlight import Needles
from hkqh_tui.core.search.index import Field, SearchCorpus
from hkqh_tui.core.search.query import QueryTerm
from hkqh_tui.core.search.romanise import query_keys
from hkqh_tui.core.search.words import is_ideographic, stem


class MatchTier(IntEnum):
    """How well a service matched the whole query; results are ranked by tier first (higher is better)."""

    LISTED = 0
    """No query: the service is listed in curated order."""
    PARTIAL = 1
    """Only part of the query was found."""
    TYPO = 2
    """All of the query was found, some of it only with a typo."""
    DETAILS = 3
    """All of the query was found, some of it only in eligibility, documents or steps."""
    SUMMARY = 4
    """All of the query was found in the title, aliases or summary."""
    NAME = 5
    """All of the query was found in the title or aliases."""
    EXACT = 6
    """The query is the title or one of the aliases."""


class MatchKind(Enum):
    """How a term was found."""

    EXACT = "exact"
    SYNONYM = "synonym"
    SPLIT = "split"
    PREFIX = "prefix"
    TYPO = "typo"
    ROMANISED = "romanised"


KIND_WEIGHTS = {
    MatchKind.EXACT: 1.0,
    MatchKind.SYNONYM: 0.85,
    MatchKind.SPLIT: 0.8,
    MatchKind.PREFIX: 0.75,
    MatchKind.TYPO: 0.7,
    MatchKind.ROMANISED: 0.9,
}
FIELD_WEIGHTS = {Field.TITLE: 1.0, Field.ALIAS: 0.9, Field.SUMMARY: 0.6, Field.DETAILS: 0.35}
FIELD_TIERS = {
    Field.TITLE: MatchTier.NAME,
    Field.ALIAS: MatchTier.NAME,
    Field.SUMMARY: MatchTier.SUMMARY,
    Field.DETAILS: MatchTier.DETAILS,
}
EXTRA_FIELD_BONUS = 0.03
"""Added to a term's quality for each further field it is in (a service about it mentions it more than once)."""

WHOLE_NAME_BONUS = 0.1
"""Added when a typo was corrected to a whole title or alias of the service (深圳彎口岸 -> 深圳灣口岸)."""

MIN_PIECE_COVERAGE = 0.5
"""A split term counts for a service that has at least this share (by weight) of its pieces."""

_NAME_FIELDS = Field.TITLE.value | Field.ALIAS.value
_FIELDS_BY_PRIORITY = (Field.TITLE, Field.ALIAS, Field.SUMMARY, Field.DETAILS)
_BEST_FIELD = [next((f for f in _FIELDS_BY_PRIORITY if flags & f), Field.DETAILS) for flags in range(16)]


class TermHit:
    """How one term matched one service (never changed once made).

    Compared and hashed by identity: hits are shared by every service found the same way, and a search groups
    services by the hits they have."""

    __slots__ = ("tier", "quality", "field", "kind", "coverage", "rank")

    def __init__(self, tier: MatchTier, quality: float, field: Field, kind: MatchKind, coverage: float = 1.0) -> None:
        self.tier = tier
        self.quality = quality
        """Field weight times kind weight, plus a little for every further field; about 0 to 1.2."""
        self.field = field
        """The best field it was found in."""
        self.kind = kind
        self.coverage = coverage
        """The share of the term that was found (below 1 only when a split term was found in part)."""
        self.rank = tier * 10 + quality
        """Orders hits: the tier first, then the quality."""

    def __repr__(self) -> str:
        return f"TermHit({self.tier.name}, {self.quality:.3f}, {self.field!r}, {self.kind.name}, {self.coverage:.2f})"


def make_hit(fields: int, kind: MatchKind, bonus: float = 0.0) -> TermHit:
    """The hit for a term found in ``fields`` (:class:`Field` flags) in the way ``kind``."""
    best = _BEST_FIELD[fields & 15]
    quality = FIELD_WEIGHTS[best] * KIND_WEIGHTS[kind] + EXTRA_FIELD_BONUS * (bin(fields).count("1") - 1) + bonus
    tier = MatchTier.TYPO if kind is MatchKind.TYPO else FIELD_TIERS[best]
    return TermHit(tier, quality, best, kind)


def inverse_frequency(services_found: int, size: int) -> float:
    """How telling a term is: 1 for a term every service has, more for rarer ones."""
    return 1.0 + math.log((size + 1) / (services_found + 1))


_NO_NEEDLES = Needles()


class TermMatches:
    """Every service one term matches: its best hit there, and every way it was found (for highlighting)."""

    def __init__(self) -> None:
        self.best: dict[int, TermHit] = {}
        self._lookups: list[tuple[Needles, Mapping[int, object]]] = []
        self._by_position: dict[int, Needles] = {}
        self._any_partial = False

    def __len__(self) -> int:
        return len(self.best)

    def add(self, found: Mapping[int, int], kind: MatchKind, needles: Needles, bonus: float = 0.0) -> None:
        """Record a lookup: ``found`` maps service positions to the fields the term was found in."""
        if not found:
            return
        self._lookups.append((needles, found))
        hits_by_fields: dict[int, TermHit] = {}
        best = self.best
        for position, fields in found.items():
            hit = hits_by_fields.get(fields)
            if hit is None:
                hit = hits_by_fields[fields] = make_hit(fields, kind, bonus)
            current = best.get(position)
            if current is None or hit.rank > current.rank:
                best[position] = hit

    @property
    def full_count(self) -> int:
        """How many services have all of the term (not only some of its pieces)."""
        if not self._any_partial:
            return len(self.best)
        return sum(1 for hit in self.best.values() if hit.coverage >= 1.0)

    def offer(self, position: int, hit: TermHit) -> None:
        """Keep ``hit`` for a service if it beats the current one (its needles must be recorded with add_needles)."""
        if hit.coverage < 1.0:
            self._any_partial = True
        current = self.best.get(position)
        if current is None or hit.rank > current.rank:
            self.best[position] = hit

    def add_needles(self, needles: Needles, positions: Mapping[int, object]) -> None:
        """Say that ``needles`` matched in each of ``positions``."""
        if positions:
            self._lookups.append((needles, positions))

    def merge(self, other: TermMatches) -> None:
        """Add every hit of ``other`` (another way of reading the same term), keeping the better one per service."""
        for position, hit in other.best.items():
            self.offer(position, hit)
        self._lookups.extend(other._lookups)
        self._any_partial = self._any_partial or other._any_partial

    def needles_for(self, position: int) -> Needles:
        """Everything this term matched in one service (worked out when a row asks for it: most are never drawn)."""
        by_position = self._by_position
        needles = by_position.get(position)
        if needles is None:
            needles = _NO_NEEDLES
            for found_needles, found in self._lookups:
                if position in found:
                    needles = found_needles if needles is _NO_NEEDLES else needles | found_needles
            by_position[position] = needles
        return needles


def match_term(corpus: SearchCorpus, term: QueryTerm) -> TermMatches:
    """Every service the term matches, with its best hit.

    ``a | b`` takes the better of its options; ``'word`` is only looked up as typed; a word the lexicon knows also
    matches the dataset words it stands for (as a synonym).
    """
    if term.either:
        matches = TermMatches()
        for option in term.either:
            matches.merge(match_term(corpus, option))
        return matches
    if term.exact:
        return match_exactly(corpus, term.text)
    if term.alternatives and term.ideographic:
        # The lexicon says what the word means: look for it and its meanings as written, not for look-alikes.
        matches = match_exactly(corpus, term.text)
    else:
        matches = _match_chinese(corpus, term.text) if term.ideographic else _match_word(corpus, term)
    for alternative in term.alternatives:
        if is_ideographic(alternative):
            matches.add(corpus.find_chinese(alternative), MatchKind.SYNONYM, Needles(chinese=frozenset({alternative})))
        else:
            alternative_stem = stem(alternative)
            needles = Needles(stems=frozenset({alternative_stem}))
            matches.add(corpus.find_stem(alternative_stem), MatchKind.SYNONYM, needles)
    return matches


def match_exactly(corpus: SearchCorpus, text: str) -> TermMatches:
    """Services that have ``text`` as typed: a Chinese substring, or an English word of the same stem."""
    matches = TermMatches()
    if is_ideographic(text):
        matches.add(corpus.find_chinese(text), MatchKind.EXACT, Needles(chinese=frozenset({text})))
    else:
        word_stem = stem(text)
        matches.add(corpus.find_stem(word_stem), MatchKind.EXACT, Needles(stems=frozenset({word_stem})))
    return matches


def match_romanised(corpus: SearchCorpus, romanised: str) -> TermMatches:
    """Services whose title or alias reads as the romanised query (pinyin, Jyutping or initials)."""
    matches = TermMatches()
    for key in query_keys(romanised):
        for position, (fields, closeness) in corpus.find_romanised(key).items():
            hit = make_hit(fields, MatchKind.EXACT)
            matches.offer(position, TermHit(hit.tier, hit.quality * closeness, hit.field, MatchKind.ROMANISED))
    return matches


def _match_word(corpus: SearchCorpus, term: QueryTerm) -> TermMatches:
    matches = TermMatches()
    matches.add(corpus.find_stem(term.stem), MatchKind.EXACT, Needles(stems=frozenset({term.stem})))
    for synonym in term.synonyms:
        matches.add(corpus.find_stem(synonym), MatchKind.SYNONYM, Needles(stems=frozenset({synonym})))
    if len(term.text) >= 2:
        prefix_needles = Needles(prefixes=frozenset({term.text}))
        for word_stem in {stem(word) for word in corpus.words_with_prefix(term.text)} - {term.stem}:
            matches.add(corpus.find_stem(word_stem), MatchKind.PREFIX, prefix_needles)
    if not matches or len(term.text) >= 6:
        root = corpus.known_word_starting(term.text)
        if root:
            matches.add(corpus.find_stem(stem(root)), MatchKind.PREFIX, Needles(prefixes=frozenset({root})))
    if not matches:
        for correction in corpus.corrections(term.text):
            correction_stem = stem(correction)
            needles = Needles(stems=frozenset({correction_stem}))
            matches.add(corpus.find_stem(correction_stem), MatchKind.TYPO, needles)
    return matches


def _match_chinese(corpus: SearchCorpus, text: str) -> TermMatches:
    matches = TermMatches()
    matches.add(corpus.find_chinese(text), MatchKind.EXACT, Needles(chinese=frozenset({text})))
    if corpus.in_names(text):
        return matches
    by_correction: dict[str, dict[int, int]] = {}
    for position, (fields, found) in corpus.find_chinese_typos(text).items():
        by_correction.setdefault(found, {})[position] = fields
    typo_in_names = False
    for found, positions in by_correction.items():
        named = set(corpus.services_named(found))
        whole = {p: f for p, f in positions.items() if p in named}
        needles = Needles(chinese=frozenset({found}))
        matches.add(whole, MatchKind.TYPO, needles, bonus=WHOLE_NAME_BONUS)
        matches.add({p: f for p, f in positions.items() if p not in named}, MatchKind.TYPO, needles)
        typo_in_names = typo_in_names or any(f & _NAME_FIELDS for f in positions.values())
    if not typo_in_names:
        _match_pieces(corpus, text, matches)
    return matches


def _match_pieces(corpus: SearchCorpus, text: str, matches: TermMatches) -> None:
    """Hits for a Chinese term split into pieces, found in full or in part (then with a coverage below 1).

    Pieces are weighted by how rare they are. A service counts only when it has at least one piece of two or more
    characters (single characters alone are noise) and at least :data:`MIN_PIECE_COVERAGE` of the weight. The hit is
    a full one (ranked by its weakest field) only when every piece was found and none is a single character.
    """
    pieces = list(dict.fromkeys(corpus.segment(text)))
    words = [piece for piece in pieces if len(piece) >= 2]
    if len(pieces) < 2 or not words:
        return
    found_per_piece = [corpus.find_chinese(piece) for piece in pieces]
    weights = [inverse_frequency(len(found), corpus.size) for found in found_per_piece]
    total = sum(weights)
    with_word: set[int] = set()
    for piece, found in zip(pieces, found_per_piece):
        if len(piece) >= 2:
            with_word.update(found)
    covered: dict[int, float] = dict.fromkeys(with_word, 0.0)
    for found, weight in zip(found_per_piece, weights):
        for position in found:
            if position in covered:
                covered[position] += weight
    all_words = len(words) == len(pieces)
    kept: dict[int, int] = {}
    for position, weight_found in covered.items():
        coverage = min(weight_found / total, 1.0)
        if coverage < MIN_PIECE_COVERAGE:
            continue
        kept[position] = 1
        quality = 0.0
        weakest = MatchTier.NAME
        worst_field = Field.TITLE
        for found, weight in zip(found_per_piece, weights):
            fields = found.get(position)
            if fields is not None:
                best = _BEST_FIELD[fields]
                quality += weight * FIELD_WEIGHTS[best]
                if FIELD_TIERS[best] < weakest:
                    weakest, worst_field = FIELD_TIERS[best], best
        tier = weakest if all_words and coverage >= 1.0 - 1e-9 else MatchTier.PARTIAL
        quality = quality / total * KIND_WEIGHTS[MatchKind.SPLIT]
        matches.offer(position, TermHit(tier, quality, worst_field, MatchKind.SPLIT, coverage))
    for piece, found in zip(pieces, found_per_piece):
        matches.add_needles(Needles(chinese=frozenset({piece})), {p: 1 for p in found if p in kept})
