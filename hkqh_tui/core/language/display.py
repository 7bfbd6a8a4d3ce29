"""Show dataset texts in the script the person chose.

The dataset stores Traditional Chinese (HK forms) and English. Simplified Chinese is produced here, at display time,
with OpenCC's ``hk2s`` converter. ``hk2s`` maps a few Cantonese characters to rare glyphs outside the Basic
Multilingual Plane (嗰 becomes 𠮶) that most terminal fonts cannot draw, so such characters are kept as written.
"""

from __future__ import annotations

from functools import lru_cache

from hkqh_tui.core.language.text import Script, Text


@lru_cache(maxsize=1)
def _hk2s():
    import opencc  # imported lazily: loading the dictionaries costs ~100 ms

    return opencc.OpenCC("hk2s")


@lru_cache(maxsize=4096)
def _is_kept_as_written(char: str) -> bool:
    """True for a character OpenCC must not see or must not change.

    That is a BMP character that hk2s would turn into one outside the BMP, and also control characters and lone
    surrogates: OpenCC stops at a NUL and cannot encode a surrogate, so those are passed through untouched.
    """
    code = ord(char)
    if code < 0x20 or 0xD800 <= code <= 0xDFFF:
        return True
    if code > 0xFFFF or code < 0x2E80:
        return False
    return any(ord(c) > 0xFFFF for c in _hk2s().convert(char))


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Convert HK Traditional Chinese to Simplified Chinese for display, without rare glyphs."""
    if not text:
        return text
    converter = _hk2s()
    pieces: list[str] = []
    run_start = 0
    for index, char in enumerate(text):
        if _is_kept_as_written(char):
            if run_start < index:
                pieces.append(converter.convert(text[run_start:index]))
            pieces.append(char)
            run_start = index + 1
    if run_start < len(text):
        pieces.append(converter.convert(text[run_start:]))
    return "".join(pieces)


def show(text: Text, script: Script) -> str:
    """The text as shown in ``script``: English falls back to Chinese where there is no translation."""
    if script == "en":
        return text.english_or_chinese()
    if script == "hans":
        return to_simplified(text.zh_hant)
    return text.zh_hant


def show_plain(text: str, script: Script) -> str:
    """A plain Chinese string (for example a vocabulary label or an alias) shown in ``script``."""
    return to_simplified(text) if script == "hans" else text
