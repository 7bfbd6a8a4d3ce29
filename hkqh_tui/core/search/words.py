"""English words for search: light stemming (plural to singular), stop words and common synonyms.

Chinese has no spaces, so it is matched by substring (see :mod:`hkqh_tui.core.search.index`); these rules only apply
to runs of Latin letters and digits in folded text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

IDEOGRAPHIC_START = 0x2E80
"""Characters from here on (CJK radicals, kana, Han, Hangul, ...) are matched by substring, not as words."""

LATIN_WORD = re.compile(
    "[\x00-\x08\x0e-\x1b\x21-\x84\x86-\x9f\xa1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2e7f]+"
)
"""A run of characters below U+2E80 that are not whitespace: the same set as ``[^\\s\\u2e80-\\U0010ffff]``, written
out because a negated class that reaches U+10FFFF takes several milliseconds to compile at every start."""
_FIRST_IDEOGRAPHIC = chr(IDEOGRAPHIC_START)

STOPWORDS: frozenset[str] = frozenset(
    """a an the to for of in on at by with from and or my me i is are am be been how what where when which who
    do does did can could should would will get got about into it its your you we our us this that these those
    there here want wants need needs please if as so""".split()
)
"""Function words dropped from a query (unless the query has nothing else)."""

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("child", "kid"),
    ("car", "vehicle", "automobile"),
    ("drive", "driver", "driving", "drives"),
    ("doctor", "physician", "clinic"),
    ("medicine", "drug", "medication", "pharmaceutical"),
    ("job", "employment", "career"),
    ("young", "youth", "youngster"),
    ("elderly", "elder", "senior", "aged"),
    ("old", "elderly"),
    ("housing", "house", "accommodation", "apartment", "flat", "rent", "rental", "tenancy"),
    ("startup", "entrepreneur", "entrepreneurship", "founder"),
    ("lawyer", "solicitor", "attorney", "barrister"),
    ("vet", "veterinary", "veterinarian"),
    ("ferry", "boat", "ship", "vessel"),
    ("bus", "coach", "minibus"),
    ("train", "rail", "railway"),
    ("border", "boundary"),
    ("subsidy", "grant", "allowance"),
    ("tax", "taxation"),
    ("centre", "center"),
    ("programme", "program"),
    ("licence", "license"),
    ("practise", "practice"),
    ("government", "govt", "gov"),
    ("shenzhen", "sz"),
    ("airport", "hkia"),
)
"""Words people use interchangeably when looking for a service. Each group is symmetric."""


def is_ideographic(text: str) -> bool:
    """True when ``text`` contains a character matched by substring (Han, kana, Hangul, ...)."""
    # The same test as searching for [\u2e80-\U0010ffff], without compiling that class (about 10 ms at start-up).
    return bool(text) and max(text) >= _FIRST_IDEOGRAPHIC


def latin_words(folded: str) -> list[str]:
    """The runs of non-ideographic letters and digits in folded text ("b2巴士 hzmb" -> ["b2", "hzmb"])."""
    if folded.isascii():
        return folded.split()  # the same runs, without a regular expression (most English text)
    return LATIN_WORD.findall(folded)


_IRREGULAR = {
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
    "buses": "bus",
    "statuses": "status",
    "campuses": "campus",
    "viruses": "virus",
    "gases": "gas",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem for matching: singular and plural fold together.

    "ferries" and "ferry" -> "ferry"; "buses" -> "bus"; "taxes" -> "tax"; "applied" -> "apply"; "children" ->
    "child". Verb endings (-ing, -ed) are left alone: stripping them makes too many unrelated words collide (care and
    car), and prefixes and synonyms cover the common cases. Words of three letters or fewer, and anything with a
    digit, are kept as they are. A stem is only ever compared with other stems, never shown.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("ss", "x", "z", "ch", "sh")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _synonym_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        stems = {stem(word) for word in group}
        for member in stems:
            table.setdefault(member, set()).update(stems)
    return {key: frozenset(value - {key}) for key, value in table.items()}


_SYNONYMS = _synonym_table()


def synonyms(word_stem: str) -> frozenset[str]:
    """Stems of the common synonyms of a stem (not including the stem itself)."""
    return _SYNONYMS.get(word_stem, frozenset())


def nearest_words(word: str, by_length: Mapping[int, Sequence[str]], most_typos: int) -> list[str]:
    """The words of ``by_length`` (known words by their length) fewest typos away from ``word``, at most
    ``most_typos`` away (a wrong, missing or extra letter, or two neighbouring letters swapped, is one); [] when
    none is that close. ``word`` itself, when known, is the only one at 0."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    candidates = [
        known for size in range(len(word) - most_typos, len(word) + most_typos + 1) for known in by_length.get(size, ())
    ]
    found = extract(word, candidates, scorer=OSA.distance, score_cutoff=most_typos, limit=None)
    if not found:
        return []
    best = min(distance for _, distance, _ in found)
    return [known for known, distance, _ in found if distance == best]
