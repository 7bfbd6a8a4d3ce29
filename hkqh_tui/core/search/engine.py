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

import gc
import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from hkqh_tui.core.dataset.model import Dataset, Service
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

__all__ = ["STRONG", "WEAK", "MatchTier", "SearchIndex", "SearchResult", "highlight_spans"]

MIN_PARTIAL_COVERAGE = 0.5
"""A service that has only part of the query is listed when it has at least this (weighted) share of it."""

TITLE_SHARE_WEIGHT = 0.15
"""Added, in proportion, when the query covers much of a title: "Shenzhen Bay" is more the port than the buses to it."""

STRONG_COVERAGE = 0.8
"""A result that has only part of the query is still a strong answer when it has this (weighted) share of it and
found some of it in a title, alias or summary; below that it is weak ("related"). So is one found only in
eligibility, documents or steps."""

COMMON_SHARE = 0.5
"""A word more than half of the services have (深圳 in a Shenzhen catalogue) is context: a service without it can
still have all of the query, though it ranks a little lower for the missing word."""

UNKNOWN_TERM_SHARE = 0.1
"""A word no service has weighs as much as a word one service in ten has (not as much as the rarest): it may be a
word the dataset puts differently, so it lowers the coverage of every result without ruling them all out."""

AUDIENCE_BONUS = 0.12
"""Added within the tier when the query says who is asking (阿媽, kids) and the service is for them."""

STRONG = "strong"
WEAK = "weak"

MAX_WITHIN = 1.35
"""About the most a result can collect within its tier (field, kind, extra-field and title-share bonuses)."""

_FIELD_NAMES = {Field.TITLE: "title", Field.ALIAS: "alias", Field.SUMMARY: "summary", Field.DETAILS: "details"}


@dataclass(frozen=True)
class SearchResult:
    """One service found by a search, with why and how well it matched."""

    service: Service
    score: float
    """The tier plus the share of the query found, weighted by field and kind (higher is better)."""
    tier: MatchTier
    reason: str
    """Why it matched, in a few words: "exact title or alias", "title + summary", "alias (typo)",
    "part of the query: summary (split)"."""
    confidence: str = STRONG
    """"strong" when the result answers the query, "weak" when it only shares part of it (shown as related)."""
    find_needles: Callable[[], Needles] | None = field(default=None, repr=False, compare=False)
    """Works out :attr:`needles` when first needed (most results of a keystroke are never drawn)."""

    @cached_property
    def needles(self) -> Needles:
        """What matched, folded; used to highlight."""
        return self.find_needles() if self.find_needles is not None else Needles()

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
        self._corpus = self._saved_or_built(persist)

    def _saved_or_built(self, persist: bool | None) -> SearchCorpus:
        if persist is None:
            from hkqh_tui.core.dataset.parse_cache import cache_disabled

            persist = "+" in self.dataset.version and not cache_disabled()
        collecting = gc.isenabled()
        gc.disable()  # building makes millions of objects that form no cycles: collecting meanwhile is wasted time
        try:
            return self._load_or_build(persist)
        finally:
            if collecting:
                gc.enable()

    def _load_or_build(self, persist: bool) -> SearchCorpus:
        if not persist:
            return SearchCorpus(self._services)
        from hkqh_tui import __version__
        from hkqh_tui.core.search import persist as saved
        from hkqh_tui.core.storage.paths import cache_dir

        key = saved.index_key(f"{__version__}:{self.dataset.version}", [s.id for s in self._services], b"")
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

    def search(
        self,
        query: str,
        *,
        category: str | None = None,
        audience: str | None = None,
        status: str | None = None,
        limit: int | None = None,
    ) -> list[SearchResult]:
        """Services matching ``query`` and the filters, best first; at most ``limit`` of them.

        An empty (or whitespace) query lists the filtered services in the dataset's curated order. Never raises on
        any query text. Pass a ``limit`` when only the first screenful is shown: results past it are never built.
        """
        if limit is not None and limit <= 0:
            return []
        allowed = self._allowed(category, audience, status)
        parsed = parse_query(query, self._corpus)
        if parsed.is_blank:
            listed = [
                SearchResult(service, 0.0, MatchTier.LISTED, "listed")
                for position, service in enumerate(self._services)
                if allowed is None or allowed[position]
            ]
            return listed[:limit] if limit is not None else listed
        if not parsed.terms and not parsed.romanised:
            return []  # only punctuation, symbols, emoji or function words: nothing can match
        # A keystroke makes thousands of small objects at once, which would set off the garbage collector over the
        # whole index again and again; none of them form cycles, so it is paused meanwhile.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._ranked(parsed, allowed, limit)
        finally:
            if collecting:
                gc.enable()

    def _allowed(self, category: str | None, audience: str | None, status: str | None) -> list[bool] | None:
        if category is None and audience is None and status is None:
            return None
        return [s.matches(category, audience, status) for s in self._services]

    def _ranked(self, parsed: ParsedQuery, allowed: list[bool] | None, limit: int | None) -> list[SearchResult]:
        corpus = self._corpus
        terms = list(parsed.terms)
        matches = [match_term(corpus, term) for term in terms]
        if parsed.romanised and _needs_romanised(terms, matches):
            romanised = match_romanised(corpus, parsed.romanised)
            if romanised:
                kept = [(t, m) for t, m in zip(terms, matches) if t.ideographic or t.either]
                terms = [t for t, _ in kept] + [QueryTerm(parsed.romanised, False)]
                matches = [m for _, m in kept] + [romanised]
        if not terms:
            return []
        weights = [
            term.weight
            * (
                inverse_frequency(sum(1 for hit in m.best.values() if hit.coverage >= 1.0), corpus.size)
                if m.best
                else inverse_frequency(round(UNKNOWN_TERM_SHARE * corpus.size), corpus.size)
            )
            for term, m in zip(terms, matches)
        ]
        total_weight = sum(weights)
        excluded: set[int] = set()
        for term in parsed.excluded:
            excluded.update(match_exactly(corpus, term.text).best)
        required = [m.best for term, m in zip(terms, matches) if term.exact]
        exact = set(corpus.services_named(parsed.compact)) if not parsed.excluded and not required else set()
        candidates = exact.union(*(matches[i].best for i in _telling_terms(weights)))
        context = [len(m.best) > COMMON_SHARE * corpus.size for m in matches]
        if all(context):
            context = [False] * len(context)  # only common words: each of them counts
        needed_weight = sum(w for w, is_context in zip(weights, context) if not is_context)
        term_bests = [(weight, m.best, term, c) for weight, m, term, c in zip(weights, matches, terms, context)]
        audiences = parsed.audiences
        services = self._services
        scored: list[tuple[float, int, MatchTier, bool]] = []
        for position in candidates:
            if allowed is not None and not allowed[position]:
                continue
            if position in excluded or any(position not in best for best in required):
                continue
            if position in exact:
                scored.append((-(MatchTier.EXACT + 0.99), position, MatchTier.EXACT, True))
                continue
            covered = needed = quality = title_share = 0.0
            tier = MatchTier.EXACT
            in_front = False
            for weight, best, term, is_context in term_bests:
                hit = best.get(position)
                if hit is not None:
                    covered += weight * hit.coverage
                    if not is_context:
                        needed += weight * hit.coverage
                    quality += weight * hit.quality
                    if hit.tier < tier:
                        tier = hit.tier
                    if hit.field is not Field.DETAILS and hit.kind is not MatchKind.TYPO:
                        in_front = True
                    if hit.field is Field.TITLE:
                        title_share += min(1.0, len(term.text) / corpus.title_length(position, term.ideographic))
            coverage = covered / total_weight
            if coverage < MIN_PARTIAL_COVERAGE:
                continue
            if needed < needed_weight - 1e-9:
                tier = MatchTier.PARTIAL
            strong = (
                tier >= MatchTier.SUMMARY
                or tier is MatchTier.TYPO
                or (tier is MatchTier.PARTIAL and coverage >= STRONG_COVERAGE and in_front)
            )
            within = quality / total_weight + TITLE_SHARE_WEIGHT * title_share / len(term_bests)
            if audiences and not audiences.isdisjoint(services[position].audiences):
                within += AUDIENCE_BONUS
            score = round(tier + min(within / MAX_WITHIN, 0.99), 4)
            scored.append((-score, position, tier, strong))
        if limit is not None and limit < len(scored):
            chosen = heapq.nsmallest(limit, scored)
        else:
            chosen = sorted(scored)
        reasons: dict[tuple[int, ...], str] = {}  # hits are shared objects: the same ones give the same reason
        return [
            self._result(position, -negative, tier, strong, parsed, matches, reasons)
            for negative, position, tier, strong in chosen
        ]

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


def _reason(tier: MatchTier, found: list[TermHit]) -> str:
    """A few words on why a service matched: the fields, and how when not exactly ("summary (typo)")."""
    fields = sorted({hit.field for hit in found})
    where = " + ".join(_FIELD_NAMES[f] for f in fields)
    how = ", ".join(sorted({hit.kind.value for hit in found} - {MatchKind.EXACT.value}))
    prefix = "part of the query: " if tier is MatchTier.PARTIAL else ""
    return prefix + where + (f" ({how})" if how else "")
