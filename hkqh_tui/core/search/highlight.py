"""Which characters of a displayed text to highlight for a search.

Highlighting works on the text exactly as displayed (Traditional, Simplified or English): the text is folded
character by character (:func:`hkqh_tui.core.search.folding.fold_with_offsets`), the matched pieces are found in the folded
text, and their positions are mapped back. Spans are ``(start, end)`` character offsets into the displayed string,
sorted, non-overlapping, end exclusive: ``display_text[start:end]`` is a highlighted piece.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from hkqh_tui.core.search.folding import fold_with_offsets
from hkqh_tui.core.search.query import parse_query
from hkqh_tui.core.search.words import LATIN_WORD, stem


class Needles(NamedTuple):
    """What a search matched, in folded form: Chinese substrings, English word stems and English word prefixes."""

    chinese: frozenset[str] = frozenset()
    stems: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()

    def __or__(self, other: Needles) -> Needles:
        return Needles(self.chinese | other.chinese, self.stems | other.stems, self.prefixes | other.prefixes)

    def spans(self, display_text: str) -> list[tuple[int, int]]:
        """Spans of ``display_text`` to highlight."""
        if not display_text or not (self.chinese or self.stems or self.prefixes):
            return []
        folded, origins, compact_text, compact_origins = _folded_for_highlight(display_text)
        spans: list[tuple[int, int]] = []
        if self.chinese:
            for needle in self.chinese:
                start = compact_text.find(needle)
                while start != -1:
                    spans.append((compact_origins[start], compact_origins[start + len(needle) - 1] + 1))
                    start = compact_text.find(needle, start + len(needle))
        if self.stems or self.prefixes:
            for match in LATIN_WORD.finditer(folded):
                word = match.group()
                if stem(word) in self.stems:
                    spans.append((origins[match.start()], origins[match.end() - 1] + 1))
                    continue
                longest = max((len(p) for p in self.prefixes if word.startswith(p)), default=0)
                if longest:
                    spans.append((origins[match.start()], origins[match.start() + longest - 1] + 1))
        return _merge(spans)


@lru_cache(maxsize=4096)
def _folded_for_highlight(display_text: str) -> tuple[str, tuple[int, ...], str, tuple[int, ...]]:
    """The folded text with the origin of each character, and the same without spaces (Chinese needles have none).

    Kept for the texts most recently shown: the same titles are drawn again on every keystroke."""
    folded, origins = fold_with_offsets(display_text)
    kept = [index for index, char in enumerate(folded) if char != " "]
    compact_text = "".join(folded[index] for index in kept)
    return folded, tuple(origins), compact_text, tuple(origins[index] for index in kept)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans (touching spans are joined)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def query_needles(query: str) -> Needles:
    """What a query stands for without an index: its Chinese terms, its words' stems, and its words as prefixes."""
    parsed = parse_query(query)
    chinese = {term.text for term in parsed.terms if term.ideographic}
    words = [term for term in parsed.terms if not term.ideographic]
    return Needles(
        chinese=frozenset(chinese),
        stems=frozenset(term.stem for term in words) | frozenset(s for term in words for s in term.synonyms),
        prefixes=frozenset(term.text for term in words if len(term.text) >= 2),
    )


def highlight_spans(display_text: str, query: str) -> list[tuple[int, int]]:
    """Spans of ``display_text`` (as shown, in any script) that match ``query``.

    Use :meth:`hkqh_tui.core.search.engine.SearchResult.title_spans` for a search result: it also covers what the index
    found through typos and split words.
    """
    return query_needles(query).spans(display_text)
