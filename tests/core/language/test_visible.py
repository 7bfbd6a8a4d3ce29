"""Text from outside is made visible for the terminal, and reaches rich literally."""

from __future__ import annotations

import pytest
from rich.console import Console

from hkqh_tui.core.language.visible import first_active_character, visible
from hkqh_tui.presentation.literal import is_safe_link, link_style, literal, markup_safe


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain 阿媽 🏠", "plain 阿媽 🏠"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("bell\x07", "bell\\x07"),
        ("del\x7f", "del\\x7f"),
        ("c1\x9b2J", "c1\\x9b2J"),
        ("\u202eevil", "\\u202eevil"),
        ("\u2066iso\u2069", "\\u2066iso\\u2069"),
        ("line\u2028sep", "line\\u2028sep"),
        ("lone\udc80", "lone\\udc80"),
        ("a\nb\tc", "a\\x0ab\\x09c"),
    ],
)
def test_visible_escapes_what_a_terminal_acts_on(raw, shown):
    assert visible(raw) == shown


def test_multiline_keeps_line_breaks_and_tabs_only():
    assert visible("a\nb\tc\x1b\r", multiline=True) == "a\nb\tc\\x1b\\x0d"


def test_first_active_character():
    assert first_active_character("ok\n") is None
    assert first_active_character("ok\n", allow_line_breaks=False) == "\n"
    assert first_active_character("x\u202dy") == "\u202d"


def _render(renderable) -> str:
    console = Console(width=80, record=True, force_terminal=False, color_system=None)
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("hostile", ["[/]", "[x]", "[link=file:///etc/passwd]click[/link]", "[@click=app.quit]go[/]", "a\\"])
def test_literal_and_markup_safe_show_brackets_as_written(hostile):
    assert _render(literal(hostile)).strip() == hostile
    assert _render(f"[bold]{markup_safe(hostile)}[/]").strip() == hostile
    assert literal(hostile).spans == []


def test_literal_never_carries_an_escape_byte():
    assert "\x1b" not in _render(literal("\x1b]0;owned\x07 title"))


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.gov.hk/x?a=1", True),
        ("HTTP://example.org", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("https://example.org/\x1b[2J", False),
        ("https://exa mple.org", False),
        ("", False),
    ],
)
def test_only_http_links_are_links(url, safe):
    assert is_safe_link(url) is safe
    assert (link_style(url).link == url) is safe
