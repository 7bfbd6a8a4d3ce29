"""Search services: one ranking over titles, aliases, summaries and details, in any script, with typos.

Build a :class:`SearchIndex` once per dataset (it folds and indexes every service), then call
:meth:`SearchIndex.search` on every keystroke: it folds the query and scores, nothing more.

Ranking is explainable and stable. Results are ordered by :class:`MatchTier` first (the query is a title or alias;
every word is in the title or aliases; in the summary; in the details; only with a typo; only in part), then by a
score within the tier (where each word was found and how, weighted so that rare words count more than words most
services have, plus a little when the query covers much of the title), then by the dataset's curated order.
``SearchResult.score`` is the tier plus that share (0 to 0.99), so 5.83 is a match in titles or aliases and 6.99 an
exact title or alias. A query that matches nothing well returns an empty list.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from itertools import filterfalse, repeat
from typing import NamedTuple, overload

from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.gc_pause import collector_paused
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.search.highlight import Needles, highlight_spans
from hkqh_tui.core.search.index import Field, SearchCorpus
from hkqh_tui.core.search.match import (
    MatchKind,
    MatchTier,
    TermHit,
    TermMatches,
    inverse_frequency,
    match_exactly,
    match_romanised,
    match_term,
)
from hkqh_tui.core.search.query import ParsedQuery, QueryTerm, parse_query
from hkqh_tui.core.search.romanise import query_keys

__all__ = ["STRONG", "WEAK", "MatchTier", "SearchIndex", "SearchResult", "SearchResults", "highlight_spans"]

MIN_PARTIAL_COVERAGE = 0.5
"""A service that has only part of the query is listed when it has at least this (weighted) share of it."""

TITLE_SHARE_WEIGHT = 0.15
"""Added, in proportion, when the query covers much of a title: "Shenzhen Bay" is more the port than the buses to it."""

STRONG_COVERAGE = 0.8
"""A result that has only part of the query is still a strong answer when it has this (weighted) share of it and
found some of it in a title, alias or summary; below that it is weak ("related"). So is one found only in
eligibility, documents or steps."""

NAMED_SHARE = 0.7
"""A result with every word of the query, some only in its eligibility, documents or steps, is still a strong answer
when words making up this (weighted) share of the query are in its title or aliases: "documents for a home return
permit" is answered by the permit, whose documents say what they are."""

COMMON_SHARE = 0.5
"""A word more than half of the services have (深圳 in a Shenzhen catalogue) is context: a service without it can
still have all of the query, though it ranks a little lower for the missing word."""

UNKNOWN_TERM_SHARE = 0.1
"""A word no service has weighs as much as a word one service in ten has (not as much as the rarest): it may be a
word the dataset puts differently, so it lowers the coverage of every result without ruling them all out."""

FALLBACK_SHARE = 0.5
"""When nothing has enough of the query, the words found as written are searched on their own (as related results
only) if they make up at least this share of the query's words."""

LEAVE_ONE_OUT_FROM = 4
"""A query of this many terms or more that still finds nothing is searched again with each term left out in turn."""

AUDIENCE_BONUS = 0.12
"""Added within the tier when the query says who is asking (阿媽, kids) and the service is for them."""

STRONG = "strong"
WEAK = "weak"

MAX_WITHIN = 1.35
"""About the most a result can collect within its tier (field, kind, extra-field and title-share bonuses)."""

_FIELD_NAMES = {Field.TITLE: "title", Field.ALIAS: "alias", Field.SUMMARY: "summary", Field.DETAILS: "details"}


class SearchResult:
    """One service found by a search, with why and how well it matched (never changed once made)."""

    __slots__ = ("service", "score", "tier", "reason", "confidence", "_find_needles", "_needles")

    def __init__(
        self,
        service: Service,
        score: float,
        tier: MatchTier,
        reason: str,
        confidence: str = STRONG,
        find_needles: Callable[[], Needles] | None = None,
    ) -> None:
        self.service = service
        self.score = score
        """The tier plus the share of the query found, weighted by field and kind (higher is better)."""
        self.tier = tier
        self.reason = reason
        """Why it matched, in a few words: "exact title or alias", "title + summary", "alias (typo)",
        "part of the query: summary (split)"."""
        self.confidence = confidence
        """"strong" when the result answers the query, "weak" when it only shares part of it (shown as related)."""
        self._find_needles = find_needles  # most results of a keystroke are never drawn: needles wait until asked
        self._needles: Needles | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SearchResult):
            return NotImplemented
        return (self.service, self.score, self.tier, self.reason, self.confidence) == (
            other.service, other.score, other.tier, other.reason, other.confidence
        )

    __hash__ = None  # type: ignore[assignment]  # a result is a value to compare, not a key

    def __repr__(self) -> str:
        found = f"{self.score:.3f}, {self.tier.name}, {self.reason!r}, {self.confidence}"
        return f"SearchResult({self.service.id!r}, {found})"

    @property
    def needles(self) -> Needles:
        """What matched, folded; used to highlight."""
        if self._needles is None:
            self._needles = self._find_needles() if self._find_needles is not None else Needles()
        return self._needles

    def title_spans(self, script: Script) -> list[tuple[int, int]]:
        """``(start, end)`` spans of the title as displayed in ``script`` to highlight (end exclusive)."""
        return self.needles.spans(show(self.service.title, script))

    def spans(self, display_text: str) -> list[tuple[int, int]]:
        """Spans to highlight in any displayed text of this service (summary, an alias, ...)."""
        return self.needles.spans(display_text)


class SearchIndex:
    """Every service of a dataset folded and indexed once, ready to be searched on every keystroke."""

    def __init__(self, dataset: Dataset, *, persist: bool | None = None) -> None:
        """Fold and index every service, or read the index saved for this very dataset from the cache folder.

        ``persist`` (default: when the dataset's version is a content hash, as loaded datasets have, and
        $HKQH_NO_CACHE is not set) saves the built index so the next start reads it instead of building it.
        """
        self.dataset = dataset
        self._services = dataset.curated_order()
        self._audience_cache: dict[frozenset[str], frozenset[int]] = {}
        self._corpus = self._saved_or_built(persist)

    def _saved_or_built(self, persist: bool | None) -> SearchCorpus:
        if persist is None:
            from hkqh_tui.core.dataset.parse_cache import cache_disabled

            persist = "+" in self.dataset.version and not cache_disabled()
        with collector_paused():  # building or loading makes millions of objects that form no cycles
            return self._load_or_build(persist)

    def _load_or_build(self, persist: bool) -> SearchCorpus:
        if not persist:
            return SearchCorpus(self._services)
        from hkqh_tui import __version__
        from hkqh_tui.core.search import persist as saved
        from hkqh_tui.core.search.lexicon_cache import library_signature
        from hkqh_tui.core.storage.paths import cache_dir

        libraries = repr(library_signature("opencc", "pypinyin", "ToJyutping"))  # they decide folding and readings
        key = saved.index_key(f"{__version__}:{self.dataset.version}:{libraries}", [s.id for s in self._services], b"")
        path = saved.index_path(cache_dir(), key)
        state = saved.load_state(path)
        if state is not None:
            try:
                return SearchCorpus.from_state(state)
            except (KeyError, TypeError, ValueError):
                pass  # damaged or from another build: build again
        corpus = SearchCorpus(self._services)
        saved.save_state(path, corpus.state())
        return corpus

    def __len__(self) -> int:
        return len(self._services)

    def forget_recent_lookups(self) -> None:
        """Forget the lookups kept for the next keystrokes, so the next search looks everything up (to measure)."""
        self._corpus.forget_recent_lookups()

    def search(
        self,
        query: str,
        *,
        category: str | None = None,
        audience: str | None = None,
        status: str | None = None,
        limit: int | None = None,
    ) -> SearchResults:
        """Services matching ``query`` and the filters, best first; at most ``limit`` of them.

        An empty (or whitespace) query lists the filtered services in the dataset's curated order. Never raises on
        any query text. Results are made when first read; pass a ``limit`` when only the first ones are wanted.
        """
        services = self._services
        if limit is not None and limit <= 0:
            return SearchResults(services, [], self._no_result)
        allowed = self._allowed(category, audience, status)
        parsed = parse_query(query, self._corpus)
        if parsed.is_blank:
            listed: list[_Entry] = [
                (0.0, position, MatchTier.LISTED, True)
                for position in range(len(services))
                if allowed is None or allowed[position]
            ]
            return SearchResults(services, listed[:limit] if limit is not None else listed, self._listed)
        if not parsed.terms and not parsed.romanised:
            # only punctuation, symbols, emoji or function words: nothing can match
            return SearchResults(services, [], self._no_result)
        # A keystroke makes thousands of small objects at once, which would set off the garbage collector over the
        # whole index again and again; none of them form cycles, so it is paused meanwhile.
        with collector_paused():
            return self._ranked(parsed, allowed, limit)

    def _listed(self, entry: _Entry) -> SearchResult:
        return SearchResult(self._services[entry[1]], 0.0, MatchTier.LISTED, "listed")

    def _allowed(self, category: str | None, audience: str | None, status: str | None) -> list[bool] | None:
        if category is None and audience is None and status is None:
            return None
        return [s.matches(category, audience, status) for s in self._services]

    def _ranked(self, parsed: ParsedQuery, allowed: list[bool] | None, limit: int | None) -> SearchResults:
        corpus = self._corpus
        terms = list(parsed.terms)
        matches = [match_term(corpus, term) for term in terms]
        if parsed.romanised and _needs_romanised(terms, matches):
            romanised = match_romanised(corpus, parsed.romanised)
            if romanised:
                kept = [(t, m) for t, m in zip(terms, matches) if t.ideographic or t.either]
                terms = [t for t, _ in kept] + [QueryTerm(parsed.romanised, False)]
                matches = [m for _, m in kept] + [romanised]
            else:
                _add_romanised_words(corpus, terms, matches)
        if not terms:
            return SearchResults(self._services, [], self._no_result)
        excluded: set[int] = set()
        for term in parsed.excluded:
            excluded.update(match_exactly(corpus, term.text).best)
        scored = self._scored(parsed, terms, matches, allowed, excluded)
        if not scored and not any(term.exact for term in terms):
            # Part of the query is in no service at all (a word the dataset puts otherwise, 账号 for 戶口): rather
            # than nothing, what the rest of it finds, as related results only, when the rest is most of the query
            # and is found as written (not only as a typo of something else: "egg tarts" is not "start").
            found = [
                (t, m) for t, m in zip(terms, matches) if any(h.kind is not MatchKind.TYPO for h in m.best.values())
            ]
            share = sum(t.weight for t, _ in found) / sum(t.weight for t in terms)
            if 0 < len(found) < len(terms) and share >= FALLBACK_SHARE - 1e-9:
                scored = self._scored(parsed, [t for t, _ in found], [m for _, m in found], allowed, excluded)
                scored = [(negative, position, tier, False) for negative, position, tier, _ in scored]
            if not scored and len(terms) >= LEAVE_ONE_OUT_FROM:
                scored = self._one_left_out(parsed, terms, matches, allowed, excluded)
        if limit is not None and limit < len(scored):
            scored = heapq.nsmallest(limit, scored)
        else:
            scored.sort()
        reasons: dict[tuple[int, ...], str] = {}  # hits are shared objects: the same ones give the same reason

        def make(entry: _Entry) -> SearchResult:
            negative, position, tier, strong = entry
            return self._result(position, -negative, tier, strong, parsed, matches, reasons)

        return SearchResults(self._services, scored, make)

    def _one_left_out(
        self,
        parsed: ParsedQuery,
        terms: list[QueryTerm],
        matches: list[TermMatches],
        allowed: list[bool] | None,
        excluded: set[int],
    ) -> list[_Entry]:
        """What the query finds with any one of its terms left out, each service at its best, as related results.

        A sentence may have a word that is in the dataset but wrong here (上大 cut from 搬上大灣區: the end of 上 and
        the start of 大灣區, found in the alias 開車上大陸), and with it nothing reaches half of the query."""
        best: dict[int, _Entry] = {}
        for left_out in range(len(terms)):
            kept = [i for i in range(len(terms)) if i != left_out]
            for negative, position, tier, _ in self._scored(
                parsed, [terms[i] for i in kept], [matches[i] for i in kept], allowed, excluded
            ):
                if position not in best or negative < best[position][0]:
                    best[position] = (negative, position, tier, False)
        return list(best.values())

    def _scored(
        self,
        parsed: ParsedQuery,
        terms: list[QueryTerm],
        matches: list[TermMatches],
        allowed: list[bool] | None,
        excluded: set[int],
    ) -> list[_Entry]:
        """The services that have enough of ``terms`` (and pass the filters), scored, in no particular order."""
        corpus = self._corpus
        weights = [
            term.weight
            * inverse_frequency(m.full_count if m.best else round(UNKNOWN_TERM_SHARE * corpus.size), corpus.size)
            for term, m in zip(terms, matches)
        ]
        required = [m.best for term, m in zip(terms, matches) if term.exact]
        exact = set(corpus.services_named(parsed.compact)) if not parsed.excluded and not required else set()
        candidates = exact.union(*(matches[i].best for i in _telling_terms(weights)))
        candidates.difference_update(excluded)
        for best in required:
            candidates.intersection_update(best)
        positions = sorted(candidates) if allowed is None else [p for p in sorted(candidates) if allowed[p]]
        audience_positions = self._for_audiences(parsed.audiences)
        return _Scorer(corpus, terms, matches, weights, audience_positions).score(positions, exact)

    def _for_audiences(self, audiences: frozenset[str]) -> frozenset[int]:
        """Positions of the services for any of ``audiences`` (worked out once per set of audiences)."""
        if not audiences:
            return frozenset()
        found = self._audience_cache.get(audiences)
        if found is None:
            found = frozenset(p for p, s in enumerate(self._services) if not audiences.isdisjoint(s.audiences))
            if len(self._audience_cache) >= 64:
                self._audience_cache.clear()
            self._audience_cache[audiences] = found
        return found

    @staticmethod
    def _no_result(entry: _Entry) -> SearchResult:
        raise IndexError("no results")

    def _result(
        self,
        position: int,
        score: float,
        tier: MatchTier,
        strong: bool,
        parsed: ParsedQuery,
        matches: list[TermMatches],
        reasons: dict[tuple[int, ...], str],
    ) -> SearchResult:
        service = self._services[position]
        whole = parsed.compact if tier is MatchTier.EXACT else ""

        def find_needles() -> Needles:
            needles = Needles(chinese=frozenset({whole})) if whole else Needles()
            for term_matches in matches:
                needles = needles | term_matches.needles_for(position)
            return needles

        if tier is MatchTier.EXACT:
            return SearchResult(service, score, tier, "exact title or alias", STRONG, find_needles)
        hits = [m.best[position] for m in matches if position in m.best]
        key = (tier, *map(id, hits))
        reason = reasons.get(key)
        if reason is None:
            reason = reasons[key] = _reason(tier, hits)
        return SearchResult(service, score, tier, reason, STRONG if strong else WEAK, find_needles)


_Entry = tuple[float, int, MatchTier, bool]
"""A scored service: (minus its score, its position, its tier, whether it is a strong answer); sorting these ranks."""


def _sort_key(tier: MatchTier, within: float) -> float:
    """Minus the score of a result of ``tier`` that collected ``within`` inside it (the first item of an entry)."""
    return -round(tier + min(within / MAX_WITHIN, 0.99), 4)


class _Scorer:
    """Scores the candidates of one search.

    A service's score depends on which hit each term has there, plus two things of its own (how much of its title the
    query covers, and whether it is for the audience the query names). Hits are shared objects, so the services of a
    keystroke fall into a few groups with the same hits: the part of the score that the hits decide is worked out once
    per group, not once per service.
    """

    def __init__(
        self,
        corpus: SearchCorpus,
        terms: list[QueryTerm],
        matches: list[TermMatches],
        weights: list[float],
        audience_positions: frozenset[int] | set[int],
    ) -> None:
        self._corpus = corpus
        self._terms = terms
        self._bests = [m.best for m in matches]
        self._weights = weights
        self._total_weight = sum(weights)
        context = [len(m.best) > COMMON_SHARE * corpus.size for m in matches]
        if all(context):
            context = [False] * len(context)  # only common words: each of them counts
        self._context = context
        self._needed_weight = sum(w for w, is_context in zip(weights, context) if not is_context)
        self._audience_positions = audience_positions

    def score(self, positions: list[int], exact: set[int]) -> list[_Entry]:
        """The scored entries of ``positions`` (in no particular order) that match well enough to be listed."""
        scored: list[_Entry] = [(-(MatchTier.EXACT + 0.99), p, MatchTier.EXACT, True) for p in positions if p in exact]
        if exact:
            positions = [p for p in positions if p not in exact]
        # Services with the same hits form a group; most groups' score is the same for each of their services.
        members: dict[tuple[TermHit | None, ...], list[int]] = {}
        for position, hits in zip(positions, zip(*[list(map(best.get, positions)) for best in self._bests])):
            group_members = members.get(hits)
            if group_members is None:
                members[hits] = [position]
            else:
                group_members.append(position)
        title_length = self._corpus.title_length
        for hits, group_positions in members.items():
            group = self._group(hits)
            if group is None:
                continue
            tier, strong = group.tier, group.strong
            if group.score is not None:
                if self._audience_positions:
                    for_them = list(filter(self._audience_positions.__contains__, group_positions))
                    if for_them:
                        bonus_score = _sort_key(tier, group.within + AUDIENCE_BONUS)
                        scored.extend(zip(repeat(bonus_score), for_them, repeat(tier), repeat(strong)))
                        group_positions = list(filterfalse(self._audience_positions.__contains__, group_positions))
                scored.extend(zip(repeat(group.score), group_positions, repeat(tier), repeat(strong)))
                continue
            for position in group_positions:
                within = group.within
                for length, ideographic in group.title_terms:
                    within += group.title_weight * min(1.0, length / title_length(position, ideographic))
                if position in self._audience_positions:
                    within += AUDIENCE_BONUS
                scored.append((_sort_key(tier, within), position, tier, strong))
        return scored

    def _group(self, hits: tuple[TermHit | None, ...]) -> _Group | None:
        """What a set of hits (one per term, None where a term is missing) is worth; None when too little."""
        covered = needed = quality = named = 0.0
        tier = lowest = MatchTier.EXACT  # the worst hit of a needed term, and of any term
        has_needed = False
        in_front = False
        has_word = False  # a word of the query that is not context, rather than only lone characters (樓 in 買樓)
        title_terms: list[tuple[int, bool]] = []
        for hit, weight, term, is_context in zip(hits, self._weights, self._terms, self._context):
            if hit is None:
                continue
            covered += weight * hit.coverage
            quality += weight * hit.quality
            if hit.tier < lowest:
                lowest = hit.tier
            if not is_context:
                needed += weight * hit.coverage
                has_word = has_word or term.weight >= 1.0
                has_needed = True
                # Only needed words set the tier: a common word found as a typo ("shenzen" in "shenzen bay") must
                # not rank a service below those that lack the word altogether.
                if hit.tier < tier:
                    tier = hit.tier
            if hit.field is not Field.DETAILS and hit.kind is not MatchKind.TYPO:
                in_front = True
                if hit.tier >= MatchTier.NAME:
                    named += weight * hit.coverage
            if hit.field is Field.TITLE:
                title_terms.append((len(term.text), term.ideographic))
        if not has_needed:
            tier = lowest
        total_weight = self._total_weight
        coverage = covered / total_weight
        if coverage < MIN_PARTIAL_COVERAGE:
            return None
        if needed < self._needed_weight - 1e-9:
            tier = MatchTier.PARTIAL
        strong = has_word and (
            tier >= MatchTier.SUMMARY
            or tier is MatchTier.TYPO
            or (tier is MatchTier.PARTIAL and coverage >= STRONG_COVERAGE and in_front)
            or (tier is MatchTier.DETAILS and named >= NAMED_SHARE * total_weight)
        )
        within = quality / total_weight
        score = None if title_terms else _sort_key(tier, within)
        return _Group(within, tier, strong, tuple(title_terms), TITLE_SHARE_WEIGHT / len(hits), score)


class _Group(NamedTuple):
    """The part of a score that a set of hits decides."""

    within: float
    """The hits' weighted quality (before the title share and the audience bonus)."""
    tier: MatchTier
    strong: bool
    title_terms: tuple[tuple[int, bool], ...]
    """(length, is Chinese) of each term found in the title: the service's title length decides its share."""
    title_weight: float
    score: float | None
    """Minus the score every service with these hits gets, when it does not depend on the service (no title hit)."""


class SearchResults(Sequence[SearchResult]):
    """The results of one search, best first. Each :class:`SearchResult` is made when first read: a keystroke can
    match thousands of services, of which a screenful is drawn."""

    __slots__ = ("_all", "_entries", "_made", "_make", "_services")

    def __init__(
        self,
        services: Sequence[Service],
        entries: list[_Entry],
        make: Callable[[_Entry], SearchResult],
    ) -> None:
        self._all = services
        self._entries = entries
        self._make = make
        self._made: dict[int, SearchResult] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> SearchResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[SearchResult]: ...

    def __getitem__(self, index: int | slice) -> SearchResult | list[SearchResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._entries)))]
        if index < 0:
            index += len(self._entries)
        if not 0 <= index < len(self._entries):
            raise IndexError("result index out of range")
        result = self._made.get(index)
        if result is None:
            result = self._made[index] = self._make(self._entries[index])
        return result

    def __iter__(self) -> Iterator[SearchResult]:
        for index in range(len(self._entries)):
            yield self[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<SearchResults: {len(self)}>"

    @property
    def services(self) -> list[Service]:
        """The services found, best first (without making a result for each)."""
        everything = self._all
        return [everything[entry[1]] for entry in self._entries]

    @property
    def strong_count(self) -> int:
        """How many results answer the query (the rest are only related)."""
        return sum(1 for entry in self._entries if entry[3])


def _telling_terms(weights: list[float]) -> list[int]:
    """The terms a result must have at least one of (rarest first): without any of them, a service could not reach
    :data:`MIN_PARTIAL_COVERAGE` with the others, so services only found by the common rest are never scored."""
    threshold = MIN_PARTIAL_COVERAGE * sum(weights) - 1e-9
    remaining = sum(weights)
    needed: list[int] = []
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        if remaining < threshold:
            break
        needed.append(index)
        remaining -= weights[index]
    return needed


def _needs_romanised(terms: list[QueryTerm], matches: list[TermMatches]) -> bool:
    """True when no service has every English word of the query as a word: it may be pinyin or Jyutping."""
    words = [m.best for t, m in zip(terms, matches) if not t.ideographic and not t.either]
    if not words:
        return not terms
    _as_words = (MatchKind.EXACT, MatchKind.SYNONYM)
    first = {p for p, hit in words[0].items() if hit.kind in _as_words}
    return not any(all(p in best and best[p].kind in _as_words for best in words[1:]) for p in first)


def _add_romanised_words(corpus: SearchCorpus, terms: list[QueryTerm], matches: list[TermMatches]) -> None:
    """Read each word of a romanised query on its own when the query as a whole reads as no title or alias.

    "yinhang kaihu" is not one stretch of any title, but 銀行 is in one place and 開戶 in another: each word also
    matches where it is the reading of part of a title or alias, and ranking by coverage does the rest. Only words of
    two syllables or more are read so: one syllable (shen, long, fan) is inside too many readings to tell anything,
    and a word that is no run of syllables (card, district) is English. A query of one word is left alone.
    """
    words = [
        index
        for index, term in enumerate(terms)
        if not term.ideographic
        and not term.either
        and not term.exact
        and term.text.isalpha()
        and max(corpus.syllable_count(key) for key in query_keys(term.text)) >= 2
    ]
    if len(words) < 2:
        return
    for index in words:
        matches[index].merge(match_romanised(corpus, terms[index].text))


def _reason(tier: MatchTier, found: list[TermHit]) -> str:
    """A few words on why a service matched: the fields, and how when not exactly ("summary (typo)")."""
    fields = sorted({hit.field for hit in found})
    where = " + ".join(_FIELD_NAMES[f] for f in fields)
    how = ", ".join(sorted({hit.kind.value for hit in found} - {MatchKind.EXACT.value}))
    prefix = "part of the query: " if tier is MatchTier.PARTIAL else ""
    return prefix + where + (f" ({how})" if how else "")
