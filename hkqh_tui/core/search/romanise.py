"""Romanised keys for titles and aliases: Hanyu pinyin and Jyutping, joined and as initials.

Computed when the index is built (never at import time: pypinyin and ToJyutping are imported on first use) from the
Chinese of each title and alias. For each text there are up to four keys, all lower-case, tones dropped:

- pinyin joined ("yiliaoquan") and its initials ("ylq"), read from the folded Simplified text, using pypinyin's
  phrase readings for two- to four-character words (银行 -> yin hang) and a character's first reading otherwise;
- Jyutping joined ("jiliuhun", from ji liu hyun) and its initials ("jlh"), read character by character from the
  Traditional text with ToJyutping, folded the same way in keys and queries (:func:`lazy_syllable`): the sounds Hong
  Kong people commonly merge (n- as l-, ng- dropped, gw- as g-) and the letters Hong Kong's own spellings write
  otherwise (Tsim, Heung, Pak for Jyutping's zim, hoeng, bak), so "gong che bak seung" finds 港車北上 as "gong ce bak
  soeng" does.

Latin letters and digits in a text are kept as they are (e站通 -> e zhan tong).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

_TONES = re.compile(r"[1-6]")
_LATIN_RUN = re.compile(r"[a-z0-9]+")
_MAX_PHRASE = 4


_HK_INITIALS = (("ts", "c"), ("ch", "c"), ("sh", "s"), ("z", "c"), ("y", "j"), ("p", "b"), ("t", "d"), ("k", "g"))
"""Initials folded together: Jyutping's z- and c- and Hong Kong spellings' ts- and ch- (前 cin, Tsim; 車 ce, Che);
sh- as s- (Sham); y- as Jyutping's j-; and p-, t-, k- as b-, d-, g-, which Hong Kong spellings use for both (北 bak,
Pak; 大 daai, Tai; 九 gau, Kau)."""
_HK_FINALS = (
    ("eoi", "ui"), ("oe", "eu"), ("eo", "eu"), ("aa", "a"), ("yu", "u"), ("ue", "u"), ("ee", "i"), ("oo", "u"),
    ("ou", "o"),
)
"""Finals folded together, Jyutping's first: 水 seoi and Shui, 上 soeng and Seung, 大 daai and Tai, 住 zyu and Chu,
元 jyun and Yuen, 埔 bou and Po."""


@lru_cache(maxsize=8192)
def lazy_syllable(syllable: str) -> str:
    """A Jyutping syllable, or one spelt as Hong Kong's place names and people's names are (Tsim Sha Tsui, Heung,
    Pak), folded to one form: the sounds commonly merged in Hong Kong speech (nei -> lei, ngo -> o, gwong -> gong)
    and the letters the two spellings write differently (soeng and seung -> seung; ce and che -> ce). Keys and
    queries are folded alike, so either spelling finds a title."""
    if syllable.startswith("ng"):
        syllable = syllable[2:] or syllable  # ng on its own (五) stays
    elif syllable.startswith("n") and len(syllable) > 1:
        syllable = "l" + syllable[1:]
    if syllable.startswith(("gw", "kw")):
        syllable = syllable[0] + syllable[2:]
    for spelt, folded in _HK_INITIALS:
        if syllable.startswith(spelt) and len(syllable) > len(spelt):
            syllable = folded + syllable[len(spelt) :]
            break
    initial = syllable[:1] if syllable[:1] not in ("a", "e", "i", "o", "u") else ""
    final = syllable[len(initial) :]
    for spelt, folded in _HK_FINALS:
        final = final.replace(spelt, folded)
    return initial + final


@lru_cache(maxsize=1)
def _pinyin_tables() -> tuple[dict[int, str], dict[str, list[list[str]]]]:
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict, phrases_dict


@lru_cache(maxsize=8192)
def _toneless(reading: str) -> str:
    """A pinyin reading without its tone mark or diaeresis ("quàn" -> "quan", "lǜ" -> "lu"); a query's v is read as u
    (:func:`query_keys`), so lushi, lvshi and lüshi all find 律師."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", reading)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _pinyin_of(char: str) -> str:
    chars, _ = _pinyin_tables()
    reading = chars.get(ord(char))
    return _toneless(reading.split(",", 1)[0]) if reading else ""


@lru_cache(maxsize=65536)
def _has_readings(char: str) -> bool:
    """True when a character has more than one pinyin reading (行: xing, hang), so its word decides."""
    chars, _ = _pinyin_tables()
    return "," in chars.get(ord(char), "")


def _pinyin_slowly(folded_simplified: str) -> list[str]:
    """:func:`pinyin_syllables` one character at a time (for text that mixes Latin and Chinese)."""
    _, phrases = _pinyin_tables()
    syllables: list[str] = []
    text = folded_simplified.replace(" ", "")
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char.isascii():
            latin = _LATIN_RUN.match(text, index)
            if latin:
                syllables.append(latin.group())
                index = latin.end()
            else:
                index += 1
            continue
        if _has_readings(char) or (index + 1 < length and _has_readings(text[index + 1])):
            for size in range(min(_MAX_PHRASE, length - index), 1, -1):
                readings = phrases.get(text[index : index + size])
                if readings is not None and len(readings) == size:
                    syllables.extend(_toneless(reading[0]) for reading in readings)
                    index += size
                    break
            else:
                reading = _pinyin_of(char)
                if reading:
                    syllables.append(reading)
                index += 1
            continue
        reading = _pinyin_of(char)
        if reading:
            syllables.append(reading)
        index += 1
    return syllables


@lru_cache(maxsize=65536)
def _jyutping_of(char: str) -> str:
    import ToJyutping

    found = ToJyutping.get_jyutping_list(char)
    reading = found[0][1] if found else None
    return lazy_syllable(_TONES.sub("", reading.split()[0])) if reading else ""


def _jyutping_slowly(traditional: str) -> list[str]:
    """:func:`jyutping_syllables` one character at a time (kept as the reference the fast path is tested against)."""
    syllables: list[str] = []
    lowered = traditional.lower()
    index = 0
    while index < len(lowered):
        latin = _LATIN_RUN.match(lowered, index)
        if latin:
            syllables.append(latin.group())
            index = latin.end()
            continue
        char = lowered[index]
        if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
            reading = _jyutping_of(char)
            if reading:
                syllables.append(reading)
        index += 1
    return syllables


class _Readings:
    """Translation tables from each character seen to its reading, grown as texts come in, so that a whole text is
    read with one ``str.translate``: between spaces (Latin letters and digits stay, anything else is a space), run
    together, or as initials."""

    def __init__(self, reading_of) -> None:
        self._reading_of = reading_of
        self._table: dict[int, str] = {}
        self._joined: dict[int, str] = {}
        self._initials: dict[int, str] = {}
        self._seen: set[str] = set()

    def _learn(self, text: str) -> None:
        if self._seen.issuperset(text):  # nearly always, once the common characters are known: no set is made
            return
        for char in set(text).difference(self._seen):
            if char.isascii():
                self._table[ord(char)] = char.lower() if char.isalnum() else " "
            else:
                reading = self._reading_of(char)
                self._table[ord(char)] = f" {reading} " if reading else " "
                self._joined[ord(char)] = reading
                self._initials[ord(char)] = reading[:1]
        self._seen.update(text)

    def readings(self) -> list[str]:
        """The reading of every character seen so far ("" for one without)."""
        return list(self._joined.values())

    def seen(self) -> set[str]:
        """Every character seen so far."""
        return self._seen

    def syllables(self, text: str) -> list[str]:
        """The reading of each character, and each Latin run whole."""
        self._learn(text)
        return text.translate(self._table).split()

    def joined_and_initials(self, text: str) -> tuple[str, str]:
        """The readings run together, and their first letters, of a text with no ASCII character."""
        self._learn(text)
        return text.translate(self._joined), text.translate(self._initials)


@lru_cache(maxsize=1)
def _pinyin_readings() -> _Readings:
    return _Readings(_pinyin_of)


@lru_cache(maxsize=1)
def _jyutping_readings() -> _Readings:
    return _Readings(_jyutping_of)


def known_syllables() -> set[str]:
    """Every pinyin and (lazily folded) Jyutping syllable read so far: what tells a romanised word from an English
    one when a query is read word by word."""
    found = set(filter(None, _jyutping_readings().readings()))
    pinyin = _pinyin_readings()
    if pinyin.seen():
        chars, _ = _pinyin_tables()
        for char in pinyin.seen():  # every reading of a character, for one read as in a word (行 in 银行: hang)
            found.update(_toneless(reading) for reading in chars.get(ord(char), "").split(",") if reading)
    return found


@lru_cache(maxsize=1)
def _polyphonic() -> frozenset[str]:
    chars, _ = _pinyin_tables()
    return frozenset(chr(code) for code, reading in chars.items() if "," in reading)


def pinyin_syllables(folded_simplified: str) -> list[str]:
    """Toneless pinyin of each character (Latin runs kept whole), from folded Simplified text.

    A character with several readings is read as in the two-character word it starts or ends, when pypinyin knows
    that word (银行 -> yin hang); any other character with its first reading.
    """
    text = folded_simplified.replace(" ", "")
    syllables = _pinyin_readings().syllables(text)
    if len(syllables) != len(text):
        return _pinyin_slowly(text)  # Latin runs or characters without a reading: read one by one
    for index, reading in _word_readings(text):
        syllables[index] = reading
    return syllables


def _word_readings(text: str) -> Iterator[tuple[int, str]]:
    """(index, reading) of each character of ``text`` with several readings that is read as in the two-character
    word it starts or, failing that, ends, when pypinyin knows that word."""
    polyphonic = _polyphonic()
    if polyphonic.isdisjoint(text):
        return
    _, phrases = _pinyin_tables()
    for index, char in enumerate(text):
        if char in polyphonic:
            after = phrases.get(text[index : index + 2])
            if after is not None and len(after) == 2:
                yield index, _toneless(after[0][0])
                continue
            before = phrases.get(text[index - 1 : index + 1]) if index else None
            if before is not None and len(before) == 2:
                yield index, _toneless(before[1][0])


def jyutping_syllables(traditional: str) -> list[str]:
    """Toneless, lazily folded Jyutping of each character (Latin runs kept whole), from Traditional text."""
    return _jyutping_readings().syllables(traditional)


_ASCII = re.compile("[\x00-\x7f]")


def _pinyin_keys(folded_simplified: str) -> tuple[str, str, int]:
    """Pinyin joined, its initials, and how many syllables (:func:`pinyin_syllables`, without making the list
    when no character's reading depends on its word)."""
    text = folded_simplified.replace(" ", "")
    if not _ASCII.search(text):
        joined, initials = _pinyin_readings().joined_and_initials(text)
        if len(initials) == len(text) and not _reads_by_word(text):
            return joined, initials, len(initials)
    syllables = pinyin_syllables(text)
    return "".join(syllables), "".join(s[0] for s in syllables), len(syllables)


def _reads_by_word(text: str) -> bool:
    """True when some character of ``text`` reads otherwise in the word it is part of (行 in 银行)."""
    if _telling_pairs().isdisjoint(map(operator.add, text, text[1:])):
        return False  # no pair of characters that could change a reading: most texts, told without reading any
    return any(reading != _pinyin_of(text[index]) for index, reading in _word_readings(text))


@lru_cache(maxsize=1)
def _telling_pairs() -> frozenset[str]:
    """The two-character words pypinyin knows in which a character with several readings does not read its first
    one (银行: 行 reads hang, not xing). A text with none of them reads character by character."""
    chars, phrases = _pinyin_tables()
    polyphonic = _polyphonic()
    return frozenset(
        word
        for word, readings in phrases.items()
        if len(word) == 2
        and len(readings) == 2
        and any(c in polyphonic and _toneless(r[0]) != _pinyin_of(c) for c, r in zip(word, readings))
    )


def _jyutping_keys(traditional: str) -> tuple[str, str, int]:
    """Jyutping joined, its initials, and how many syllables (:func:`jyutping_syllables`, without the list)."""
    if not _ASCII.search(traditional):
        joined, initials = _jyutping_readings().joined_and_initials(traditional)
        return joined, initials, len(initials)
    syllables = jyutping_syllables(traditional)
    return "".join(syllables), "".join(s[0] for s in syllables), len(syllables)


def keys_for(folded_simplified: str, traditional: str) -> tuple[str, ...]:
    """The romanised keys of one Chinese text (pinyin and Jyutping, joined and initials), without repeats."""
    return _distinct_keys((_pinyin_keys(folded_simplified), _jyutping_keys(traditional)))


def _distinct_keys(readings: Iterable[tuple[str, str, int]]) -> tuple[str, ...]:
    """The joined readings and initials of each (joined, initials, syllables) reading, without repeats; a reading of
    fewer than two syllables gives none (one syllable finds too much)."""
    keys: list[str] = []
    for joined, initials, count in readings:
        if count < 2:
            continue
        for key in (joined, initials):
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def keys_for_many(texts: Sequence[tuple[str, str]]) -> list[tuple[str, ...]]:
    """:func:`keys_for` of each (folded Simplified, Traditional) pair, the texts read together: one translation of
    all of them per table instead of four per text (most of what building the index spends on romanising). A pair
    that repeats (aliases often do) is read once."""
    unique = list(dict.fromkeys(texts))
    if len(unique) < len(texts):
        read = dict(zip(unique, keys_for_many(unique)))
        return [read[pair] for pair in texts]
    pinyin = _keys_many([folded.replace(" ", "") for folded, _ in texts], _pinyin_readings(), _pinyin_keys, True)
    jyutping = _keys_many([traditional for _, traditional in texts], _jyutping_readings(), _jyutping_keys, False)
    return [_distinct_keys(readings) for readings in zip(pinyin, jyutping)]


def _keys_many(
    texts: list[str], readings: _Readings, keys_of: Callable[[str], tuple[str, str, int]], by_word: bool
) -> list[tuple[str, str, int]]:
    """(joined, initials, syllables) of each text: the texts without ASCII read in one translation, the others (and
    any text whose characters read otherwise in its words, or lack a reading) one by one with ``keys_of``."""
    found: list[tuple[str, str, int] | None] = [None] * len(texts)
    plain = [index for index, text in enumerate(texts) if not _ASCII.search(text)]
    if plain:
        joined_texts, initial_texts = readings.joined_and_initials("\n".join(texts[index] for index in plain))
        for index, joined, initials in zip(plain, joined_texts.split("\n"), initial_texts.split("\n")):
            text = texts[index]
            if not by_word or (len(initials) == len(text) and not _reads_by_word(text)):
                found[index] = (joined, initials, len(initials))
    return [keys if keys is not None else keys_of(text) for keys, text in zip(found, texts)]


def _keys_slowly(folded_simplified: str, traditional: str) -> tuple[str, ...]:
    """:func:`keys_for` from the character-by-character readings (the reference the fast path is tested against)."""
    keys: list[str] = []
    for syllables in (_pinyin_slowly(folded_simplified), _jyutping_slowly(traditional)):
        if len(syllables) < 2:
            continue
        for key in ("".join(syllables), "".join(s[0] for s in syllables)):
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def query_keys(romanised: str) -> list[str]:
    """What a romanised query is looked up as: its words joined, and joined with lazy Jyutping sounds folded.

    A v is read as u: people type pinyin ü as v (lvshi) or u (lushi), and neither pinyin nor Jyutping has a v.
    """
    words = romanised.replace("v", "u").split()
    plain = "".join(words)
    lazy = "".join(lazy_syllable(word) for word in words)
    return [plain] if lazy == plain else [plain, lazy]
