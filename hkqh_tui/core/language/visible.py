"""Make text from outside (datasets, checklist files, settings, names, queries) safe to print on a terminal.

A terminal acts on some characters instead of drawing them: C0 controls such as ESC (which start escape sequences
that can move the cursor, retitle the window or hide text), DEL, the C1 controls U+0080-U+009F (which some terminals
also treat as escape sequences), the bidirectional overrides and isolates U+202A-U+202E and U+2066-U+2069 (which
reorder what follows, so a name can read differently from what it is) and the line and paragraph separators
U+2028-U+2029. Lone surrogates cannot be encoded at all. :func:`visible` writes each of them as a Python-style
escape (``\\x1b``, ``\\u202e``, ``\\udc80``), so a person sees that they are there and nothing acts on them.

Plain Python: no Textual or rich here (see :mod:`hkqh_tui.presentation.literal` for the renderable form).
"""

from __future__ import annotations

import re

_ACTIVE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
ACTIVE_CHARACTERS = re.compile(f"[{_ACTIVE}]")
"""Characters a terminal acts on or cannot encode, except tab and line feed (see :data:`ACTIVE_OR_LINE_BREAK`)."""
ACTIVE_OR_LINE_BREAK = re.compile(f"[\t\n{_ACTIVE}]")
"""The same, with tab and line feed: for text that must stay on one line."""


def escape_character(char: str) -> str:
    """The visible escape of one character: ``\\x1b`` below U+0100, else ``\\u202e``."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character a terminal would act on written as a visible escape.

    With ``multiline`` line feeds and tabs are kept (for notes and paragraphs); otherwise they are escaped too, so
    the result is one line. Anything that is not ``str`` is converted with ``str`` first.
    """
    if not isinstance(text, str):
        text = str(text)
    pattern = ACTIVE_CHARACTERS if multiline else ACTIVE_OR_LINE_BREAK
    if pattern.search(text) is None:
        return text
    return pattern.sub(lambda match: escape_character(match.group()), text)


def first_active_character(text: str, *, allow_line_breaks: bool = True) -> str | None:
    """The first character of ``text`` that :func:`visible` would escape, or None (for validation rules)."""
    pattern = ACTIVE_CHARACTERS if allow_line_breaks else ACTIVE_OR_LINE_BREAK
    found = pattern.search(text)
    return None if found is None else found.group()
