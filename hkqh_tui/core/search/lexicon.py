"""The search lexicon (``data/lexicon.toml``): how people ask, as opposed to what the dataset says.

Three parts, each validated when loaded:

- ``function_words``: particles, question words, pronouns and politeness in Cantonese, Mandarin and English, dropped
  from a query ("點樣", "可唔可以", "怎么", "吗", "the");
- ``synonyms``: an everyday, colloquial or Mainland word and the dataset words it stands for (隔離 -> 檢疫); a query
  word then matches itself or any of them;
- ``audiences``: words that say who is asking (阿媽 -> elderly); services for that audience rank a little higher.

Every word is folded (:func:`hkqh_tui.core.search.folding.fold`) when loaded, so it may be written in Traditional or
Simplified. The lexicon is read once, the first time a query needs it; a broken file raises :class:`LexiconError` with
the file and the entry at fault.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from hkqh_tui.core.search.folding import compact, fold, fold_many
from hkqh_tui.core.search.words import nearest_words

LEXICON_FILE = "lexicon.toml"
MAX_LEXICON_BYTES = 512 * 1024
"""A larger file is refused: the lexicon is a hand-written list."""
MAX_WORD_CHARS = 16
"""The longest word the lexicon may hold (folded, without spaces)."""
MAX_ALTERNATIVES = 8
"""At most this many dataset words per synonym."""

_SECTIONS = {"function_words", "synonyms", "audiences"}
_FUNCTION_LANGUAGES = {"cantonese", "mandarin", "english"}
_AUDIENCE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class LexiconError(ValueError):
    """The lexicon file is missing, unreadable or has an entry that is not allowed (the message says which)."""


class Lexicon(NamedTuple):
    """The lexicon, folded and ready for query parsing."""

    function_words: frozenset[str]
    synonyms: Mapping[str, tuple[str, ...]]
    """Folded word -> folded dataset words it stands for."""
    audiences: Mapping[str, str]
    """Folded word -> the audience id it says is asking."""

    @property
    def longest_word(self) -> int:
        """The length of the longest entry (bounds dictionary segmentation)."""
        words = (*self.function_words, *self.synonyms, *self.audiences)
        return max((len(word) for word in words), default=1)

    def knows(self, word: str) -> bool:
        """True when ``word`` (folded, space-free) is an entry of any part."""
        return word in self.function_words or word in self.synonyms or word in self.audiences

    def nearest_synonym(self, word: str) -> str | None:
        """The English synonym entry one typo away from ``word`` (two for words of 10 letters or more: phrases such
        as "retirement home" are entries without their spaces; two neighbouring letters swapped count as one typo),
        when exactly one entry is closest; else None.

        Words shorter than :data:`MIN_TYPO_CHARS` letters are never corrected (too many entries are that close)."""
        if len(word) < MIN_TYPO_CHARS or not (word.isascii() and word.isalpha()) or word in self.synonyms:
            return None
        nearest = nearest_words(word, _english_entries(self), 1 if len(word) < 10 else 2)
        return nearest[0] if len(nearest) == 1 else None


EMPTY_LEXICON = Lexicon(frozenset(), {}, {})

MIN_TYPO_CHARS = 5
"""The shortest word :meth:`Lexicon.nearest_synonym` corrects."""

_ENGLISH_ENTRIES: dict[int, tuple[Lexicon, dict[int, list[str]]]] = {}


def _english_entries(lexicon: Lexicon) -> dict[int, list[str]]:
    """The lexicon's English synonym entries by length (worked out once per lexicon)."""
    kept = _ENGLISH_ENTRIES.get(id(lexicon))
    if kept is not None and kept[0] is lexicon:
        return kept[1]
    by_length: dict[int, list[str]] = {}
    for entry in lexicon.synonyms:
        if entry.isascii() and entry.isalpha():
            by_length.setdefault(len(entry), []).append(entry)
    _ENGLISH_ENTRIES.clear()  # one lexicon is in use at a time
    _ENGLISH_ENTRIES[id(lexicon)] = (lexicon, by_length)
    return by_length


_folded_words: dict[str, str] = {}
"""Words folded in one pass by :func:`parse_lexicon` (one script conversion instead of hundreds)."""


def _word(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise LexiconError(f"{where}: expected a word (text), got {type(value).__name__}")
    folded = compact(_folded_words.get(value) or fold(value))
    if not folded:
        raise LexiconError(f"{where}: {value!r} has no letters or characters")
    if len(folded) > MAX_WORD_CHARS:
        raise LexiconError(f"{where}: {value!r} is longer than {MAX_WORD_CHARS} characters")
    return folded


def _words(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{where}: expected a non-empty list of words")
    words = [_word(item, f"{where}[{index}]") for index, item in enumerate(value)]
    seen: dict[str, object] = {}
    for raw, word in zip(value, words):
        if word in seen:
            if seen[word] == raw:
                raise LexiconError(f"{where}: {raw!r} is listed twice")
            raise LexiconError(
                f"{where}: {raw!r} is the same word as {seen[word]!r} (search reads Traditional and Simplified,"
                " capitals and full-width letters alike): keep one"
            )
        seen[word] = raw
    return words


def parse_lexicon(data: Mapping[str, object], origin: str = LEXICON_FILE) -> Lexicon:
    """Validate parsed TOML and fold it into a :class:`Lexicon`; raise :class:`LexiconError` on any bad entry."""
    texts = sorted({text for text in _strings(data) if "\n" not in text})
    _folded_words.clear()
    _folded_words.update(zip(texts, fold_many(texts)))
    try:
        return _parse(data, origin)
    finally:
        _folded_words.clear()


def _strings(value: object) -> list[str]:
    """Every string in parsed TOML (keys and values), to fold them together."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _parse(data: Mapping[str, object], origin: str) -> Lexicon:
    unknown = set(data) - _SECTIONS
    if unknown:
        allowed = ", ".join(sorted(_SECTIONS))
        raise LexiconError(f"{origin}: unknown section {sorted(unknown)[0]!r} (allowed: {allowed})")
    function_part = data.get("function_words", {})
    if not isinstance(function_part, dict):
        raise LexiconError(f"{origin}: [function_words] must be a table of lists")
    function_words: set[str] = set()
    for language, words in function_part.items():
        if language not in _FUNCTION_LANGUAGES:
            raise LexiconError(f"{origin}: function_words.{language}: unknown language")
        function_words.update(_words(words, f"{origin}: function_words.{language}"))

    synonyms_part = data.get("synonyms", {})
    if not isinstance(synonyms_part, dict):
        raise LexiconError(f"{origin}: [synonyms] must be a table of word = [dataset words]")
    synonyms: dict[str, tuple[str, ...]] = {}
    for raw_key, alternatives in synonyms_part.items():
        where = f"{origin}: synonyms.{raw_key}"
        key = _word(raw_key, where)
        if key in synonyms:
            raise LexiconError(f"{where}: the same word (after folding) is listed twice")
        words = _words(alternatives, where)
        if len(words) > MAX_ALTERNATIVES:
            raise LexiconError(f"{where}: more than {MAX_ALTERNATIVES} dataset words")
        synonyms[key] = tuple(word for word in words if word != key)

    audiences_part = data.get("audiences", {})
    if not isinstance(audiences_part, dict):
        raise LexiconError(f"{origin}: [audiences] must be a table of audience = [words]")
    audiences: dict[str, str] = {}
    for audience, words in audiences_part.items():
        where = f"{origin}: audiences.{audience}"
        if not _AUDIENCE_ID.fullmatch(audience):
            raise LexiconError(f"{where}: an audience id is lower-case letters, digits and hyphens")
        for word in _words(words, where):
            if word in audiences and audiences[word] != audience:
                raise LexiconError(f"{where}: {word!r} already says {audiences[word]!r}")
            audiences[word] = audience

    clash = sorted(function_words & (set(synonyms) | set(audiences)))
    if clash:
        raise LexiconError(f"{origin}: {clash[0]!r} is both a function word and a synonym or audience word")
    return Lexicon(frozenset(function_words), synonyms, audiences)


def read_lexicon(path: Path) -> Lexicon:
    """Read, bound-check and validate a lexicon file (its folded form comes from the cache when it holds it)."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_LEXICON_BYTES + 1)
    except OSError as error:
        raise LexiconError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_LEXICON_BYTES:
        raise LexiconError(f"{path}: larger than {MAX_LEXICON_BYTES // 1024} KiB")
    from hkqh_tui.core.search import lexicon_cache

    cached = lexicon_cache.load(raw)
    if cached is not None:
        return cached
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{path}: not valid TOML ({error})") from None
    lexicon = parse_lexicon(data, str(path))
    lexicon_cache.save(raw, lexicon)
    return lexicon


def lexicon_path() -> Path:
    """The bundled lexicon, next to the bundled dataset."""
    from hkqh_tui.core.dataset.loading import bundled_data_path

    return bundled_data_path() / LEXICON_FILE


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon, read once."""
    return read_lexicon(lexicon_path())
