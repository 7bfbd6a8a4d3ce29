"""Fold text for matching, so that the way something is typed does not matter.

Folding, in order: control characters and lone surrogates become spaces; Unicode compatibility forms are normalised
(full-width letters, digits and punctuation become their usual forms); case is folded and accents are dropped;
OpenCC ``hk2s`` turns Traditional, HK variant and Simplified characters alike into Simplified; every run of
punctuation, symbols, whitespace and control characters becomes one space. The dataset and the query are folded the
same way. A folded string is for matching only and is never shown (``hk2s`` turns a few Cantonese characters into
rare glyphs, for example 嗰 into 𠮶).

``hk2s`` maps each Han character of the Basic Multilingual Plane to exactly one character (tests/core/test_folding.py
checks U+4E00 to U+9FFF), which lets :func:`fold_with_offsets` map folded positions back to the displayed text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

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


def _normalize(text: str) -> str:
    """Compatibility forms, case and accents folded; control characters and lone surrogates become spaces."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", _UNSAFE.sub(" ", text)).casefold()
    return unicodedata.normalize("NFKC", _ACCENTS.sub("", decomposed))


_SEPARATORS_BUT_NEWLINES = re.compile(r"(?:[^\w\n]|_)+")


def _collapse(text: str) -> str:
    return _SEPARATORS.sub(" ", text).strip()


def fold(text: str) -> str:
    """The matching form of ``text``: compatibility forms, case and accents folded, Simplified, single spaces."""
    if not text:
        return ""
    return _collapse(to_folded_script(_normalize(text)))


_ASCII_FOLD = bytes(
    ord(chr(c).lower()) if chr(c).isalnum() else ord(" ") for c in range(256)
)  # lower case, and a space for anything but a letter or digit (only the first 128 are ever used)


def _fold_ascii(text: str) -> str:
    """:func:`fold` of an ASCII text, without regular expressions (most English text); a byte table is several
    times quicker than a str.translate mapping."""
    return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())


def fold_many(texts: Sequence[str]) -> list[str]:
    """:func:`fold` of each text, done in one pass (much faster when indexing thousands of texts)."""
    folded: list[str] = [_fold_ascii(text) if text.isascii() else "" for text in texts]
    others = [index for index, text in enumerate(texts) if not text.isascii()]
    if not others:
        return folded
    joined = "\n".join(texts[index].replace("\n", " ") for index in others)
    pieces = _SEPARATORS_BUT_NEWLINES.sub(" ", to_folded_script(_normalize(joined))).split("\n")
    if len(pieces) != len(others):  # pragma: no cover - no known character normalises to a newline
        pieces = [fold(texts[index]) for index in others]
    for index, piece in zip(others, pieces):
        folded[index] = piece.strip()
    return folded


def compact(folded: str) -> str:
    """A folded string without its spaces (so that 72 小時 and 72小時 match alike)."""
    return folded.replace(" ", "")


def _fold_char(char: str) -> str:
    """The folded form of one character, before script conversion; a separator becomes one space."""
    return _SEPARATORS.sub(" ", _normalize(char))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and say, for each folded character, the index in ``text`` of the character it came from.

    Unlike :func:`fold`, a leading or trailing separator is kept (as one space), so every folded character has an
    origin. Use it to map a match found in folded text back to the displayed string.
    """
    pieces: list[str] = []
    origins: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            is_space = piece == " "
            if is_space and previous_space:
                continue
            previous_space = is_space
            pieces.append(piece)
            origins.append(index)
    joined = "".join(pieces)
    converted = to_folded_script(joined)
    if len(converted) != len(joined):
        # A phrase conversion changed the length: convert character by character instead.
        converted = "".join(c if len(to_folded_script(c)) != 1 else to_folded_script(c) for c in joined)
    return converted, origins
