"""The one place where text from outside becomes something rich or Textual renders: always literally.

Rich and Textual read ``[...]`` in a plain string as markup (styles, ``[link=...]``, ``[@click=...]`` actions), and
a terminal acts on control characters. Text from the dataset, a checklist file, the settings or the person must do
neither, so every such text reaches a renderer through :func:`literal` (a ``rich.text.Text``, never parsed as
markup) or, where it is embedded in a markup template of our own, through :func:`markup_safe`.
"""

from __future__ import annotations

from rich.markup import escape
from rich.style import Style
from rich.text import Text as RichText

from hkqh_tui.core.language.visible import visible

SAFE_LINK_SCHEMES = ("http://", "https://")


def literal(text: object, style: str = "", *, multiline: bool = True) -> RichText:
    """``text`` as a rich Text shown exactly as written (control characters made visible, no markup)."""
    return RichText(visible(text, multiline=multiline), style=style)  # type: ignore[arg-type]


def markup_safe(text: object, *, multiline: bool = False) -> str:
    """``text`` for embedding in a markup string of our own: control characters visible, ``[`` escaped."""
    return escape(visible(text, multiline=multiline))  # type: ignore[arg-type]


def is_safe_link(url: str) -> bool:
    """True for an http(s) URL without characters a terminal would act on: the only links hkqh makes or opens."""
    return (
        isinstance(url, str)
        and url.lower().startswith(SAFE_LINK_SCHEMES)
        and visible(url) == url
        and not any(c.isspace() for c in url)
    )


def link_style(url: str, style: str = "") -> Style:
    """A rich style that makes ``url`` clickable when it is a safe http(s) link, else just ``style``."""
    base = Style.parse(style) if style else Style()
    return base + Style(link=url) if is_safe_link(url) else base
