"""The folded form of every service, built once, and the lookups a query term needs.

For each service the index keeps:

- its compact (space-free) folded Chinese texts, field by field: all titles in one string, all aliases in another,
  then summaries, then eligibility, documents and steps, each service's part between service separators, searched by
  substring for Chinese terms (one scan of each string in C, instead of one per service);
- its English words (and the Latin words inside Chinese texts, such as B2 or e in e站通), by stem, in an inverted
  index from stem to (service, fields);
- its whole titles and aliases, for exact hits.

Lookups answer with ``{service position: fields}``, where fields is an int of :class:`Field` flags (plain ints: a
lookup can return thousands of them on every keystroke).
"""

from __future__ import annotations

import bisect
import operator
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import IntFlag
from functools import lru_cache, partial
from itertools import islice, repeat

from hkqh_tui.core.dataset.model import Service
from hkqh_tui.core.search.folding import ascii_words, compact, fold_many
from hkqh_tui.core.search.lookup_cache import LookupCache
from hkqh_tui.core.search.romanise import keys_for_many, known_syllables
from hkqh_tui.core.search.words import is_ideographic, latin_words, nearest_words, stem


class Field(IntFlag):
    """Where in a service a term was found (flags combine)."""

    TITLE = 1
    ALIAS = 2
    SUMMARY = 4
    DETAILS = 8  # eligibility, documents and steps


_SERVICE_SEPARATOR = "\x1d"  # between services in a field's text (never in folded text)
_FIELD_SEPARATOR = "\x1e"  # between a service's title keys and alias keys in the romanised text
_ITEM_SEPARATOR = "\x1f"  # between aliases or list items, so that a match never spans two of them
_SEPARATORS = _SERVICE_SEPARATOR + _FIELD_SEPARATOR + _ITEM_SEPARATOR
_WILDCARD = f"[^{_SEPARATORS}]"

MAX_PREFIX_EXPANSIONS = 64
"""A prefix such as "re" stands for at most this many words (the shortest)."""

MAX_TYPO_TERM_CHARS = 8
"""Chinese terms longer than this are not searched for with a typo (they are split into words instead)."""

MAX_SEGMENT_CHARS = 6
"""The longest piece a Chinese term is split into."""

MIN_ROOT_CHARS = 5
MIN_ROOT_SHARE = 0.6
"""A known word that a longer query word starts with must have 5 letters and 60% of it (retire-ment)."""

MAX_ROMANISED_HITS = 2000
"""A romanised query found more often than this (in keys of titles and aliases) is only read this far."""

_KNOWN_CACHE_SIZE = 4096

MAX_SYLLABLE_WORD_CHARS = 40
"""A longer word is not split into syllables (it cannot be a romanised word anyone types)."""

_LONGEST_SYLLABLE = 6  # zhuang, shuang, chuang; Jyutping's are no longer

BUILD_CHUNK = 1000
"""Services folded together in one pass while building (bounds the memory the joined text needs)."""

_TITLE, _ALIAS, _SUMMARY, _DETAILS = (f.value for f in (Field.TITLE, Field.ALIAS, Field.SUMMARY, Field.DETAILS))
_FIELD_FLAGS = (_TITLE, _ALIAS, _SUMMARY, _DETAILS)
assert _FIELD_FLAGS == (1, 1 << 1, 1 << 2, 1 << 3), "SearchCorpus._add_service shifts by these"


def _new_postings() -> array:
    return array("I")


_append = array.append
_consume: Callable[[Iterable[object]], object] = partial(deque, maxlen=0)  # runs an iterator out, keeping nothing


class _FieldText:
    """One field of every service as one string (service separators between them), and where each service starts."""

    __slots__ = ("flag", "size", "starts", "text")

    def __init__(self, flag: int, parts: list[str]) -> None:
        self.flag = flag
        self.text = _SERVICE_SEPARATOR.join(parts)
        starts = [0] * (len(parts) + 1)
        offset = 0
        for index, part in enumerate(parts):
            starts[index] = offset
            offset += len(part) + 1
        starts[-1] = offset  # past the end: the "next service" of the last one
        self.starts = starts
        self.size = len(parts)

    def state(self) -> tuple[str, bytes]:
        """The text and the starts, as plain values."""
        return self.text, array("Q", self.starts).tobytes()

    @classmethod
    def from_state(cls, flag: int, state: object) -> _FieldText:
        """Rebuilt from :meth:`state`; raises ValueError on anything malformed."""
        if not isinstance(state, (tuple, list)) or len(state) != 2:
            raise ValueError("a malformed field in a saved index")
        text, raw_starts = state
        field = cls.__new__(cls)
        field.flag = flag
        field.text = str(text)
        field.starts = array("Q", raw_starts).tolist()
        field.size = len(field.starts) - 1
        if field.size < 0 or field.starts[-1] != len(field.text) + 1:
            raise ValueError("a saved field whose starts do not fit its text")
        return field


def _texts_to_fold(service: Service) -> list[str]:
    """The searchable texts of a service that are kept folded, in the order :meth:`SearchCorpus._add_service` reads
    them (English prose only gives words: :func:`_prose_words`)."""
    details = (*service.eligibility, *service.documents, *service.steps)
    return [
        service.title.zh_hant,
        service.title.en,
        service.summary.zh_hant,
        *service.aliases,
        *(text.zh_hant for text in details),
    ]


def _prose_words(texts: Sequence[str]) -> list[str]:
    """The words of folded English texts, found without keeping the folded texts (most are ASCII: one translation
    of them all)."""
    joined = " ".join(texts)
    if joined.isascii():
        return ascii_words(joined)
    return latin_words(" ".join(fold_many(texts)))


def _named(service: Service, folded: list[str]) -> list[tuple[str, str]]:
    """The (folded, space-free text, original) pairs of a service's title and Chinese aliases, which get romanised
    keys; ``folded`` is the service's texts folded in :func:`_texts_to_fold`'s order."""
    aliases = zip(folded[3 : 3 + len(service.aliases)], service.aliases)
    return [
        (compact(folded[0]), service.title.zh_hant),
        *((compact(folded_alias), alias) for folded_alias, alias in aliases if is_ideographic(folded_alias)),
    ]


class SearchCorpus:
    """Every service of a dataset folded and indexed once; a query only folds itself and looks things up."""

    def __init__(self, services: Sequence[Service]) -> None:
        self.size = len(services)
        self._recent = LookupCache(self.size)
        field_parts: tuple[list[str], ...] = ([], [], [], [])  # title, aliases, summary, details of every service
        self._title_lengths: list[tuple[int, int]] = []  # compact folded title: Chinese, English
        self._names: dict[str, list[int]] = {}
        self._postings: dict[str, array] = defaultdict(_new_postings)  # a plain dict once built
        raw_words: set[str] = set()
        self._name_bigrams: set[str] = set()
        self._known: dict[str, int] = {}
        roman_parts: list[str] = []
        self._roman_starts: list[int] = []  # where each service's romanised keys start in the joined text
        self._roman_title_ends: list[int] = []  # where its title's keys end (its aliases' keys follow)
        self._roman_length = 0
        self._roman_parts = roman_parts
        for chunk_start in range(0, len(services), BUILD_CHUNK):
            chunk = services[chunk_start : chunk_start + BUILD_CHUNK]
            texts = [_texts_to_fold(service) for service in chunk]
            folded = iter(fold_many([text for service_texts in texts for text in service_texts]))
            per_service = [list(islice(folded, len(service_texts))) for service_texts in texts]
            named = [_named(service, mine) for service, mine in zip(chunk, per_service)]
            romanised = iter(keys_for_many([pair for pairs in named for pair in pairs]))
            for offset, (service, mine, pairs) in enumerate(zip(chunk, per_service, named)):
                keys = list(islice(romanised, len(pairs)))
                self._add_service(chunk_start + offset, service, mine, keys, field_parts, raw_words)
        self._postings = dict(self._postings)
        self._fields = [_FieldText(flag, parts) for flag, parts in zip(_FIELD_FLAGS, field_parts)]
        name_parts = [part for pair in zip(field_parts[0], field_parts[1]) for part in pair]
        self._lexicon = _ITEM_SEPARATOR.join(name_parts)
        self._roman_text = _FIELD_SEPARATOR.join(roman_parts)
        del self._roman_parts
        self._syllables = frozenset(known_syllables())
        self._words: list[str] = sorted(raw_words)
        self._word_set = raw_words
        self._words_by_length: dict[int, list[str]] = {}
        for word in self._words:
            self._words_by_length.setdefault(len(word), []).append(word)

    def _add_service(
        self,
        position: int,
        service: Service,
        folded: list[str],
        name_keys: list[tuple[str, ...]],
        field_parts: tuple[list[str], ...],
        raw_words: set[str],
    ) -> None:
        aliases_end = 3 + len(service.aliases)
        title_zh, title_en, summary_zh = folded[:3]
        aliases = folded[3:aliases_end]
        details_zh = folded[aliases_end:]

        alias_text = _ITEM_SEPARATOR.join(map(compact, aliases))
        parts = (compact(title_zh), alias_text, compact(summary_zh), _ITEM_SEPARATOR.join(map(compact, details_zh)))
        for part, texts in zip(parts, field_parts):
            texts.append(part)
        self._title_lengths.append((len(parts[0]), len(compact(title_en))))
        # Pairs of characters of titles and aliases: the words a sentence is segmented into (pairs from summaries
        # were measured to add nothing to the query set and cost a tenth of the build).
        for part in parts[:2]:
            self._name_bigrams.update(map(operator.add, part, part[1:]))
        title_keys = _ITEM_SEPARATOR.join(name_keys[0])  # the keys of the title, then of each Chinese alias
        alias_keys = _ITEM_SEPARATOR.join(key for keys in name_keys[1:] for key in keys)
        romanised = title_keys + _FIELD_SEPARATOR + alias_keys
        self._roman_starts.append(self._roman_length)
        self._roman_title_ends.append(self._roman_length + len(title_keys))
        self._roman_parts.append(romanised)
        self._roman_length += len(romanised) + 1
        for name in (title_zh, title_en, *aliases):
            key = compact(name)
            if key:
                holders = self._names.setdefault(key, [])
                if not holders or holders[-1] != position:  # positions only grow: no duplicate check needed
                    holders.append(position)

        field_stems: list[set[str]] = []  # the stems in title, aliases, summary and details
        details_en = [text.en for text in (*service.eligibility, *service.documents, *service.steps)]
        for field_strings, prose in (
            ((title_zh, title_en), ()),
            (aliases, ()),
            ((summary_zh,), (service.summary.en,)),
            (details_zh, details_en),
        ):
            words = set(latin_words(" ".join(field_strings)))  # one call per field: a space never joins two words
            if prose:
                words.update(_prose_words(prose))
            raw_words.update(words)
            field_stems.append(set(map(stem, words)))
        in_title, in_aliases, in_summary, in_details = field_stems
        postings = self._postings
        shifted = position << 4
        named = in_title | in_aliases | in_summary
        # Most stems of a service are only in its details (about 70 of 90): their code is the same, so they are
        # appended by a loop in C (map over the postings); the others get their fields one by one.
        _consume(map(_append, map(postings.__getitem__, in_details - named), repeat(shifted | _DETAILS)))
        for word_stem in named:
            postings[word_stem].append(
                shifted
                | (word_stem in in_title)
                | (word_stem in in_aliases) << 1
                | (word_stem in in_summary) << 2
                | (word_stem in in_details) << 3
            )

    # -- saving and loading (see persist.py) --------------------------------------------------------------------

    def state(self) -> dict:
        """Everything the corpus holds, as plain values (for :mod:`marshal`)."""
        return {
            "size": self.size,
            "fields": [field.state() for field in self._fields],
            "title_lengths": self._title_lengths,
            "names": self._names,
            "postings": {key: value.tobytes() for key, value in self._postings.items()},
            "names_text": self._lexicon,
            "words": self._words,
            "name_bigrams": self._name_bigrams,
            "roman_text": self._roman_text,
            "roman_starts": array("Q", self._roman_starts).tobytes(),
            "roman_title_ends": array("Q", self._roman_title_ends).tobytes(),
            "syllables": sorted(self._syllables),
        }

    @classmethod
    def from_state(cls, state: dict) -> SearchCorpus:
        """A corpus rebuilt from :meth:`state` without folding anything again; raises on a malformed state."""
        corpus = cls.__new__(cls)
        corpus.size = int(state["size"])
        corpus._recent = LookupCache(corpus.size)
        corpus._fields = [_FieldText.from_state(flag, saved) for flag, saved in zip(_FIELD_FLAGS, state["fields"])]
        corpus._title_lengths = [tuple(t) for t in state["title_lengths"]]
        corpus._names = dict(state["names"])
        postings: dict[str, array] = {}
        for key, raw in state["postings"].items():
            found = postings[key] = array("I")
            found.frombytes(raw)
        corpus._postings = postings
        corpus._lexicon = str(state["names_text"])
        corpus._words = list(state["words"])
        corpus._word_set = set(corpus._words)
        corpus._words_by_length = {}
        for word in corpus._words:
            corpus._words_by_length.setdefault(len(word), []).append(word)
        corpus._name_bigrams = set(state["name_bigrams"])
        corpus._known = {}
        corpus._roman_text = str(state["roman_text"])
        corpus._roman_starts = array("Q", state["roman_starts"]).tolist()
        corpus._roman_title_ends = array("Q", state["roman_title_ends"]).tolist()
        corpus._syllables = frozenset(map(str, state["syllables"]))
        if len(corpus._fields) != len(_FIELD_FLAGS) or any(f.size != corpus.size for f in corpus._fields):
            raise ValueError("a saved index that does not match its size")
        if not len(corpus._roman_starts) == len(corpus._roman_title_ends) == corpus.size:
            raise ValueError("a saved index with unmatched romanised keys")
        return corpus

    def title_length(self, position: int, chinese: bool) -> int:
        """The length of a service's folded, space-free title in Chinese or in English (at least 1)."""
        return max(1, self._title_lengths[position][0 if chinese else 1])

    # -- exact names ---------------------------------------------------------------------------------------------

    def services_named(self, compact_query: str) -> list[int]:
        """Services with a title (either language) or an alias equal to the folded, space-free query."""
        return self._names.get(compact_query, [])

    # -- Chinese terms --------------------------------------------------------------------------------------------

    def forget_recent_lookups(self) -> None:
        """Forget every lookup kept for later searches."""
        self._recent.clear()

    def find_chinese(self, term: str) -> Mapping[int, int]:
        """Services whose Chinese texts (or aliases) contain ``term`` (folded, without spaces), with the fields.

        The answer is shared with later lookups of the same term (see :class:`LookupCache`): never change it."""
        return self._recent.get("chinese", term, self._find_chinese)

    def _find_chinese(self, term: str) -> dict[int, int]:
        found: dict[int, int] = {}
        if not term:
            return found
        for field in self._fields:
            flag = field.flag
            text = field.text
            starts = field.starts
            index = text.find(term)
            while index != -1:
                position = bisect.bisect_right(starts, index) - 1
                found[position] = found.get(position, 0) | flag
                index = text.find(term, starts[position + 1])  # on from the next service
        return found

    def in_names(self, term: str) -> bool:
        """True when some title or alias contains ``term``."""
        return term in self._lexicon

    def knows_piece(self, piece: str) -> int:
        """How well the dataset knows a Chinese piece: 2 when a title or alias contains it, 1 when it is a pair of
        characters found in titles and aliases (not necessarily in one), else 0 (used to segment sentences)."""
        known = self._known.get(piece)
        if known is not None:
            return known
        pairs = [piece[i : i + 2] for i in range(len(piece) - 1)]
        if pairs and all(pair in self._name_bigrams for pair in pairs) and piece in self._lexicon:
            known = 2
        else:
            known = 1 if len(piece) == 2 and piece in self._name_bigrams else 0
        if len(self._known) >= _KNOWN_CACHE_SIZE:
            self._known.clear()
        self._known[piece] = known
        return known

    def find_romanised(self, key: str) -> dict[int, tuple[int, float]]:
        """Services whose title or alias romanises to something containing ``key`` (pinyin, Jyutping or initials).

        Answers ``{position: (fields, closeness)}``: closeness 1 for a whole key, 0.85 for the start of one, 0.7
        inside one. Keys shorter than 3 letters are not looked up (too many titles contain them by chance). The
        answer is shared with later lookups of the same key: never change it.
        """
        return self._recent.get("romanised", key, self._find_romanised)

    def _find_romanised(self, key: str) -> dict[int, tuple[int, float]]:
        if len(key) < 3:
            return {}
        text = self._roman_text
        starts = self._roman_starts
        title_ends = self._roman_title_ends
        found: dict[int, tuple[int, float]] = {}
        index = text.find(key)
        hits = 0
        while index != -1 and hits < MAX_ROMANISED_HITS:
            hits += 1
            position = bisect.bisect_right(starts, index) - 1
            key_start = max(text.rfind(_ITEM_SEPARATOR, 0, index), text.rfind(_FIELD_SEPARATOR, 0, index)) + 1
            ends = [e for e in (text.find(_ITEM_SEPARATOR, index), text.find(_FIELD_SEPARATOR, index)) if e != -1]
            key_end = min(ends) if ends else len(text)
            if index + len(key) <= key_end:
                field = _TITLE if index < title_ends[position] else _ALIAS
                whole = index == key_start and index + len(key) == key_end
                closeness = 1.0 if whole else 0.85 if index == key_start else 0.7
                fields, best = found.get(position, (0, 0.0))
                found[position] = (fields | field, max(best, closeness))
            index = text.find(key, index + 1)
        return found

    def syllable_count(self, word: str) -> int:
        """The fewest pinyin or Jyutping syllables (of those read while building) that ``word`` is made of; 0 when it
        is not made of them ("lushi" -> 2, "shen" -> 1, "card" -> 0)."""
        syllables = self._syllables
        length = len(word)
        if not syllables or length > MAX_SYLLABLE_WORD_CHARS:
            return 0
        fewest = [0] + [length + 1] * length
        for end in range(1, length + 1):
            for start in range(max(0, end - _LONGEST_SYLLABLE), end):
                if fewest[start] < fewest[end] - 1 and word[start:end] in syllables:
                    fewest[end] = fewest[start] + 1
        return fewest[length] if fewest[length] <= length else 0

    def find_chinese_typos(self, term: str) -> dict[int, tuple[int, str]]:
        """Services with a text one edit away from ``term`` (a wrong, missing or extra character).

        Answers ``{position: (fields, the text found)}``. Terms shorter than 3 or longer than
        :data:`MAX_TYPO_TERM_CHARS` characters are not searched this way: with fewer than 3 characters a typo leaves
        too little to recognise. A 3-character term with a typo keeps only two characters, which ordinary prose
        shares by chance, so it is only looked for in titles and aliases. An extra character is only tolerated in
        terms of 4 or more characters. The answer is shared with later lookups of the same term: never change it.
        """
        return self._recent.get("typos", term, self._find_chinese_typos)

    def _find_chinese_typos(self, term: str) -> dict[int, tuple[int, str]]:
        length = len(term)
        if not 3 <= length <= MAX_TYPO_TERM_CHARS:
            return {}
        fields = self._fields[:2] if length == 3 else self._fields
        head = _typo_pattern(term)  # every variant that keeps the first character
        tail = term[1:]  # the variants that change or drop the first character all contain the rest
        by_head: dict[int, tuple[int, str]] = {}
        by_tail: dict[int, tuple[int, str]] = {}
        for field in fields:
            text = field.text
            starts = field.starts
            flag = field.flag
            for match in head.finditer(text):
                text_found = match.group()
                if text_found != term:  # an exact hit is find_chinese's
                    position = bisect.bisect_right(starts, match.start()) - 1
                    flags, first = by_head.get(position, (0, text_found))
                    by_head[position] = (flags | flag, first)
            index = text.find(tail)
            while index != -1:
                if index > 0 and text[index - 1] not in _SEPARATORS:
                    text_found = text[index - 1 : index - 1 + length]
                elif length >= 4:
                    text_found = tail
                else:
                    text_found = term
                if text_found != term:
                    position = bisect.bisect_right(starts, index) - 1
                    flags, first = by_tail.get(position, (0, text_found))
                    by_tail[position] = (flags | flag, first)
                index = text.find(tail, index + 1)
        for position, (flags, first) in by_tail.items():
            if position in by_head:
                head_flags, head_first = by_head[position]
                by_head[position] = (head_flags | flags, head_first)
            else:
                by_head[position] = (flags, first)
        return by_head

    def segment(self, term: str) -> list[str]:
        """Split a Chinese term into the longest pieces found in titles and aliases ("前海法院" -> 前海, 法院).

        A character found in no title or alias stays a piece of its own.
        """
        pieces: list[str] = []
        start = 0
        while start < len(term):
            for length in range(min(MAX_SEGMENT_CHARS, len(term) - start), 1, -1):
                piece = term[start : start + length]
                if piece in self._lexicon:
                    break
            else:
                length = 1
            pieces.append(term[start : start + length])
            start += length
        return pieces

    # -- English words --------------------------------------------------------------------------------------------

    def find_stem(self, word_stem: str) -> Mapping[int, int]:
        """Services with a word of this stem, with the fields (:class:`Field` flags) it is in.

        The answer is shared with later lookups of the same stem: never change it."""
        return self._recent.get("stem", word_stem, self._find_stem)

    def _find_stem(self, word_stem: str) -> dict[int, int]:
        postings = self._postings.get(word_stem)
        if postings is None:
            return {}
        return {code >> 4: code & 15 for code in postings}

    def words_with_prefix(self, prefix: str) -> list[str]:
        """Known words that start with ``prefix`` (at most :data:`MAX_PREFIX_EXPANSIONS`, shortest first)."""
        words = self._words
        start = bisect.bisect_left(words, prefix)
        end = bisect.bisect_left(words, prefix + "\U0010ffff", lo=start)
        matches = words[start:end]
        if len(matches) > MAX_PREFIX_EXPANSIONS:
            matches = sorted(matches, key=len)[:MAX_PREFIX_EXPANSIONS]
        return matches

    def known_word_starting(self, word: str) -> str:
        """The longest known word that ``word`` starts with and mostly is ("retirement" -> "retire"), or "".

        The known word must have at least :data:`MIN_ROOT_CHARS` letters and cover at least
        :data:`MIN_ROOT_SHARE` of ``word``: it catches derived forms (-ment, -ing, -al) that light stemming leaves.
        """
        for length in range(len(word) - 1, MIN_ROOT_CHARS - 1, -1):
            if length < MIN_ROOT_SHARE * len(word):
                break
            if word[:length] in self._word_set:
                return word[:length]
        return ""

    def knows_prefix(self, prefix: str) -> bool:
        """True when some known word starts with ``prefix`` (and is longer than it)."""
        words = self._words
        at = bisect.bisect_right(words, prefix)
        return at < len(words) and words[at].startswith(prefix)

    def knows_stem(self, word_stem: str) -> bool:
        """True when some service has a word of this stem."""
        return word_stem in self._postings

    def corrections(self, word: str) -> list[str]:
        """Known words one typo away from ``word`` (two for words of 8 letters or more; two neighbouring letters swapped
        count as one typo); none for short words."""
        return self._recent.get("corrections", word, self._corrections)

    def _corrections(self, word: str) -> list[str]:
        if len(word) < 4 or not word.isalpha():
            return []
        nearest = nearest_words(word, self._words_by_length, 1 if len(word) < 8 else 2)
        return [candidate for candidate in nearest if candidate != word]


@lru_cache(maxsize=256)
def _typo_pattern(term: str) -> re.Pattern[str]:
    """A regular expression for the texts one edit away from ``term`` that keep its first character.

    The pattern starts with that character, which lets the regular expression engine skip quickly to where it
    occurs (ten times faster than an alternation of every variant).
    """
    escaped = [re.escape(char) for char in term]
    rest: set[str] = set()
    for index in range(1, len(term)):
        rest.add("".join(escaped[1:index]) + _WILDCARD + "".join(escaped[index + 1 :]))  # a wrong character
        rest.add("".join(escaped[1:index]) + _WILDCARD + "".join(escaped[index:]))  # a character left out
        if len(term) >= 4:
            rest.add("".join(escaped[1:index] + escaped[index + 1 :]))  # an extra character typed
    return re.compile(escaped[0] + "(?:" + "|".join(sorted(rest, key=len, reverse=True)) + ")")
