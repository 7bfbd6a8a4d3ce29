"""Fold text for matching, so that the way something is typed does not matter.

Folding, in order: control characters and lone surrogates become spaces; Unicode compatibility forms are normalised
(full-width letters, digits and punctuation become their usual forms); case is folded and accents are dropped;
OpenCC ``hk2s`` turns Traditional, HK variant and Simplified characters alike into Simplified; every run of
punctuation, symbols, whitespace and control characters becomes one space. The dataset and the query are folded the
same way. A folded string is for matching only and is never shown (``hk2s`` turns a few Cantonese characters into
rare glyphs, for example 嗰 into 𠮶).

Each character is folded once, the first time it is seen (its Simplified form from a table of what ``hk2s`` does to
each character alone, :mod:`hkqh_tui.core.search.script_characters`), and texts are then folded with
:meth:`str.translate`: three times quicker than normalising and converting each text (the benchmarks' 100,000
services hold about 24 million characters of Chinese). Only the few characters that ``hk2s`` converts otherwise
inside a phrase (批覆 -> 批复) make a text convert whole. Folding character by character means that sequences which Unicode normalisation
would compose (conjoining Hangul jamo, a kana and a separate voicing mark) are not composed.

``hk2s`` maps each Han character of the Basic Multilingual Plane to exactly one character (tests/core/test_folding.py
checks U+4E00 to U+9FFF), which lets :func:`fold_with_offsets` map folded positions back to the displayed text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from hkqh_tui.core.search import script_phrases

_SEPARATORS = re.compile(r"[\W_]+")
"""Anything but a letter, digit or ideograph: punctuation, symbols, spaces, controls, emoji."""

_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (but the newline) and lone surrogates: OpenCC cannot encode a lone surrogate and stops at a
NUL character, so they become spaces before conversion (fold_many joins texts with newlines)."""

_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""Combining diacritical marks, dropped so that "cafe" matches "café"."""


@lru_cache(maxsize=1)
def _hk2s():
    import opencc  # about 20 ms to import and 6 ms to build the converter, once

    return opencc.OpenCC("hk2s")


def to_folded_script(text: str) -> str:
    """Convert Traditional (HK) and Simplified Chinese alike to Simplified, for matching only.

    ``text`` must not contain lone surrogates; :func:`fold` removes them first.
    """
    if not text or text.isascii():
        return text
    return _hk2s().convert(text)


@lru_cache(maxsize=1)
def _script_table() -> dict[int, int]:
    from hkqh_tui.core.search import script_characters

    return script_characters.TABLE


def _to_folded_script_alone(form: str) -> str:
    """:func:`to_folded_script` of the folded form of one character, from the table of characters ``hk2s`` converts
    (:mod:`hkqh_tui.core.search.script_characters`): no converter is built unless the form holds a phrase."""
    if len(form) > 1 and _converts_by_phrase(form):
        return to_folded_script(form)
    return form.translate(_script_table())


def _normalize(text: str) -> str:
    """Compatibility forms, case and accents folded; control characters and lone surrogates become spaces."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", _UNSAFE.sub(" ", text)).casefold()
    return unicodedata.normalize("NFKC", _ACCENTS.sub("", decomposed))


class _CharacterForms(dict):
    """The folded form of each character, worked out the first time it is asked for (a :meth:`str.translate` table).

    ``script=False``: compatibility forms, case and accents folded, separators as one space. ``script=True``: that,
    then converted to Simplified on its own (OpenCC reads no phrase around it). A newline stays a newline, which lets
    :func:`fold_many` fold many texts in one call; callers that fold one text split on whitespace anyway.
    """

    def __init__(self, script: bool) -> None:
        super().__init__()
        self._script = script

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char == "\n":
            form = "\n"
        else:
            form = _collapse_keeping_ends(_normalize(char))
            if self._script and form.strip():
                form = _collapse_keeping_ends(_to_folded_script_alone(form))
        if len(self) < MAX_REMEMBERED_CHARACTERS:
            self[code] = form
        return form


def _collapse_keeping_ends(text: str) -> str:
    return _SEPARATORS.sub(" ", text)


MAX_REMEMBERED_CHARACTERS = 100_000
"""Characters whose folded forms are kept; further ones are worked out each time (bounds the tables' memory)."""

_NORMAL_FORMS = _CharacterForms(script=False)
_FOLDED_FORMS = _CharacterForms(script=True)

_SENSITIVE = re.compile(f"[{script_phrases.CHARACTERS}]")


@lru_cache(maxsize=1)
def _phrases_by_pair() -> dict[str, tuple[str, ...]]:
    """Each pair of characters (a sensitive one and its neighbour) found in :data:`script_phrases.PHRASES`, with the
    phrases it is found in: any text holding such a phrase holds one of these pairs."""
    found: dict[str, set[str]] = {}
    for phrase in script_phrases.PHRASES:
        for index, char in enumerate(phrase):
            if char in script_phrases.CHARACTERS:
                for pair in (phrase[index - 1 : index + 1] if index else "", phrase[index : index + 2]):
                    if len(pair) == 2:
                        found.setdefault(pair, set()).add(phrase)
    return {pair: tuple(phrases) for pair, phrases in found.items()}


def _pairs_at(text: str, at: int) -> tuple[str, str]:
    """The pairs of characters of ``text`` that the character at ``at`` is part of (before it, after it)."""
    return text[at - 1 : at + 1] if at else "", text[at : at + 2]


def _converts_by_phrase(text: str) -> bool:
    """True when ``text`` holds a phrase that OpenCC converts otherwise than character by character."""
    by_pair = _phrases_by_pair()
    for match in _SENSITIVE.finditer(text):
        for pair in _pairs_at(text, match.start()):
            phrases = by_pair.get(pair)
            if phrases is not None and any(phrase in text for phrase in phrases):
                return True
    return False


def _texts_converting_by_phrase(joined: str, texts: list[str]) -> list[int]:
    """Which of ``texts`` (joined by newlines into ``joined``) hold a phrase OpenCC converts otherwise than character
    by character; one scan of the joined text."""
    by_pair = _phrases_by_pair()
    starts: list[int] = []
    found: list[int] = []
    for match in _SENSITIVE.finditer(joined):
        at = match.start()
        if not any(pair in by_pair for pair in _pairs_at(joined, at)):
            continue  # the common case: a sensitive character outside any of its phrases (適用於)
        if not starts:
            starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        index = bisect.bisect_right(starts, at) - 1
        if (not found or found[-1] != index) and _converts_by_phrase(texts[index]):
            found.append(index)
    return found


def _fold_text(text: str) -> str:
    """:func:`fold` of a text with some non-ASCII character."""
    if not _converts_by_phrase(text):
        return " ".join(text.translate(_FOLDED_FORMS).split())
    return " ".join(_collapse_keeping_ends(to_folded_script(text.translate(_NORMAL_FORMS))).split())


def fold(text: str) -> str:
    """The matching form of ``text``: compatibility forms, case and accents folded, Simplified, single spaces.

    Each character is folded on its own, except that the conversion to Simplified reads a whole phrase where it
    matters (see :mod:`hkqh_tui.core.search.script_phrases`): so conjoining Hangul jamo or a decomposed kana are not
    composed.
    """
    if not text:
        return ""
    if text.isascii():
        return _fold_ascii(text)
    return _fold_text(text)


_ASCII_FOLD = bytes(
    ord(chr(c).lower()) if chr(c).isalnum() else ord(" ") for c in range(256)
)  # lower case, and a space for anything but a letter or digit (only the first 128 are ever used)


def ascii_words(text: str) -> list[str]:
    """The words of :func:`fold` of an ASCII text (``fold(text).split()``, without joining them first), without
    regular expressions; a byte table is several times quicker than a str.translate mapping."""
    return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split()


def _fold_ascii(text: str) -> str:
    """:func:`fold` of an ASCII text (most English text)."""
    return " ".join(ascii_words(text))


def fold_many(texts: Sequence[str]) -> list[str]:
    """:func:`fold` of each text, done in one pass (much faster when indexing thousands of texts)."""
    folded: list[str] = [_fold_ascii(text) if text.isascii() else "" for text in texts]
    others = [index for index, text in enumerate(texts) if not text.isascii()]
    if not others:
        return folded
    originals = [texts[index].replace("\n", " ") for index in others]
    joined = "\n".join(originals)
    pieces = joined.translate(_FOLDED_FORMS).split("\n")
    if len(pieces) != len(others):  # pragma: no cover - every newline is kept, and no other becomes one
        pieces = [_fold_text(text) for text in originals]
    for index, piece in zip(others, pieces):
        folded[index] = " ".join(piece.split())
    for index in _texts_converting_by_phrase(joined, originals):  # a few texts, converted whole
        folded[others[index]] = _fold_text(originals[index])
    return folded


def compact(folded: str) -> str:
    """A folded string without its spaces (so that 72 小時 and 72小時 match alike)."""
    return folded.replace(" ", "")


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and say, for each folded character, the index in ``text`` of the character it came from.

    Unlike :func:`fold`, a leading or trailing separator is kept (as one space), so every folded character has an
    origin. Use it to map a match found in folded text back to the displayed string.
    """
    sensitive = not text.isascii() and _converts_by_phrase(text)
    forms = _NORMAL_FORMS if sensitive else _FOLDED_FORMS
    pieces: list[str] = []
    origins: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        for piece in forms[ord(char)]:
            is_space = piece.isspace()
            if is_space and previous_space:
                continue
            previous_space = is_space
            pieces.append(" " if is_space else piece)
            origins.append(index)
    joined = "".join(pieces)
    if not sensitive:
        return joined, origins
    converted = to_folded_script(joined)
    if len(converted) != len(joined):
        # A phrase conversion changed the length: convert character by character instead.
        converted = "".join(c if len(to_folded_script(c)) != 1 else to_folded_script(c) for c in joined)
    return _collapse_keeping_ends(converted), origins
