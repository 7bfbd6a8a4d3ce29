"""Key bindings whose descriptions follow the display language.

Every binding in the app has a stable id (see the help screen), so a person can rebind it in the settings file's
``keymap``. Textual applies the keymap on top of whatever descriptions a node's bindings carry, so swapping a node's
bindings for translated copies keeps any rebinding intact.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from hkqh_tui.core.language.text import Script
from hkqh_tui.ui.strings import binding_words


def localize_bindings(node: DOMNode, script: Script) -> bool:
    """Give ``node`` copies of its class's bindings with descriptions in ``script``; False if already done."""
    merged = type(node)._merged_bindings
    if merged is None or getattr(node, "_hkqh_binding_script", None) == script:
        return False
    translated: dict[str, list[Binding]] = {}
    for key, bindings in merged.key_to_bindings.items():
        translated[key] = [
            replace(b, description=binding_words(b.id, script, b.description)) if b.id else b for b in bindings
        ]
    node._bindings = BindingsMap.from_keys(translated)
    node._hkqh_binding_script = script
    return True


def describe_key(binding: Binding) -> str:
    """How a binding's key is written for people (``ctrl+q``, ``/``, ``space``)."""
    names = {"slash": "/", "question_mark": "?", "escape": "Esc", "enter": "Enter", "space": "Space",
             "up": "↑", "down": "↓", "home": "Home", "end": "End"}
    return names.get(binding.key, binding.key_display or binding.key)
