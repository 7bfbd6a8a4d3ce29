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
from dataclasses import dataclass, field

from hkqh_tui.core.language.display import show
from hkqh_tui.core.dataset.model import Dataset, Service
from hkqh_tui.core.search.highlight import Needles, highlight_spans
from hkqh_tui.core.search.index import Field, SearchCorpus
from hkqh_tui.core.search.match import MatchKind, MatchTier, TermHit, TermMatches, inverse_frequency, match_term
from hkqh_tui.core.search.query import ParsedQuery, parse_query
from hkqh_tui.core.language.text import Script

__all__ = ["MatchTier", "SearchIndex", "SearchResult", "highlight_spans"]

MIN_PARTIAL_COVERAGE = 0.5
"""A service that has only part of the query is listed when it has at least this (weighted) share of it."""

TITLE_SHARE_WEIGHT = 0.15
"""Added, in proportion, when the query covers much of a title: "Shenzhen Bay" is more the port than the buses to it."""

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
    needles: Needles = field(default_factory=Needles, repr=False)
    """What matched, folded; used to highlight."""

    def title_spans(self, script: Script) -> list[tuple[int, int]]:
        """``(start, end)`` spans of the title as displayed in ``script`` to highlight (end exclusive)."""
        return self.needles.spans(show(self.service.title, script))

    def spans(self, display_text: str) -> list[tuple[int, int]]:
        """Spans to highlight in any displayed text of this service (summary, an alias, ...)."""
        return self.needles.spans(display_text)


class SearchIndex:
    """Every service of a dataset folded and indexed once, ready to be searched on every keystroke."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._services = dataset.curated_order()
        self._corpus = SearchCorpus(self._services)

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
        parsed = parse_query(query)
        if parsed.is_blank:
            listed = [
                SearchResult(service, 0.0, MatchTier.LISTED, "listed")
                for position, service in enumerate(self._services)
                if allowed is None or allowed[position]
            ]
            return listed[:limit] if limit is not None else listed
        if not parsed.terms:
            return []  # only punctuation, symbols or emoji: nothing can match
        return self._ranked(parsed, allowed, limit)

    def _allowed(self, category: str | None, audience: str | None, status: str | None) -> list[bool] | None:
        if category is None and audience is None and status is None:
            return None
        return [s.matches(category, audience, status) for s in self._services]

    def _ranked(self, parsed: ParsedQuery, allowed: list[bool] | None, limit: int | None) -> list[SearchResult]:
        corpus = self._corpus
        matches = [match_term(corpus, term) for term in parsed.terms]
        weights = [
            inverse_frequency(sum(1 for hit in m.best.values() if hit.coverage >= 1.0), corpus.size) for m in matches
        ]
        total_weight = sum(weights)
        exact = set(corpus.services_named(parsed.compact))
        candidates = exact.union(*(m.best for m in matches))
        term_bests = [(weight, m.best, term) for weight, m, term in zip(weights, matches, parsed.terms)]
        scored: list[tuple[float, int, MatchTier]] = []
        for position in candidates:
            if allowed is not None and not allowed[position]:
                continue
            if position in exact:
                scored.append((-(MatchTier.EXACT + 0.99), position, MatchTier.EXACT))
                continue
            covered = quality = title_share = 0.0
            tier = MatchTier.EXACT
            for weight, best, term in term_bests:
                hit = best.get(position)
                if hit is not None:
                    covered += weight * hit.coverage
                    quality += weight * hit.quality
                    if hit.tier < tier:
                        tier = hit.tier
                    if hit.field is Field.TITLE:
                        title_share += min(1.0, len(term.text) / corpus.title_length(position, term.ideographic))
            coverage = covered / total_weight
            if coverage < 1.0 - 1e-9:
                if coverage < MIN_PARTIAL_COVERAGE:
                    continue
                tier = MatchTier.PARTIAL
            within = quality / total_weight + TITLE_SHARE_WEIGHT * title_share / len(term_bests)
            score = round(tier + min(within / MAX_WITHIN, 0.99), 4)
            scored.append((-score, position, tier))
        if limit is not None and limit < len(scored):
            chosen = heapq.nsmallest(limit, scored)
        else:
            chosen = sorted(scored)
        return [self._result(position, -negative, tier, parsed, matches) for negative, position, tier in chosen]

    def _result(
        self, position: int, score: float, tier: MatchTier, parsed: ParsedQuery, matches: list[TermMatches]
    ) -> SearchResult:
        needles = Needles()
        for term_matches in matches:
            needles = needles | term_matches.needles_for(position)
        if tier is MatchTier.EXACT:
            needles = needles | Needles(chinese=frozenset({parsed.compact}))
            return SearchResult(self._services[position], score, tier, "exact title or alias", needles)
        hits = [m.best[position] for m in matches if position in m.best]
        return SearchResult(self._services[position], score, tier, _reason(tier, hits), needles)


def _reason(tier: MatchTier, found: list[TermHit]) -> str:
    """A few words on why a service matched: the fields, and how when not exactly ("summary (typo)")."""
    fields = sorted({hit.field for hit in found})
    where = " + ".join(_FIELD_NAMES[f] for f in fields)
    how = ", ".join(sorted({hit.kind.value for hit in found} - {MatchKind.EXACT.value}))
    prefix = "part of the query: " if tier is MatchTier.PARTIAL else ""
    return prefix + where + (f" ({how})" if how else "")
