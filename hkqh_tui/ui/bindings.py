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
    node._hkqh_binding_script = script  # type: ignore[attr-defined]  # our own marker on the node
    return True


_KEY_NAMES = {
    "slash": "/", "question_mark": "?", "escape": "Esc", "enter": "Enter", "space": "Space", "tab": "Tab",
    "up": "↑", "down": "↓", "left": "←", "right": "→", "home": "Home", "end": "End", "delete": "Delete",
    "backspace": "Backspace", "pageup": "PgUp", "pagedown": "PgDn", "insert": "Insert",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta", "super": "Super"}


def describe_one_key(key: str) -> str:
    """One key as people write it: ``ctrl+p`` → ``Ctrl+P``, ``f1`` → ``F1``, ``question_mark`` → ``?``."""
    *modifiers, name = key.strip().split("+")
    if name in _KEY_NAMES:
        shown = _KEY_NAMES[name]
    elif len(name) > 1 and name[0] == "f" and name[1:].isdigit():
        shown = name.upper()
    elif len(name) == 1 and modifiers:
        shown = name.upper()
    else:
        shown = name
    return "+".join([_MODIFIERS.get(m, m.capitalize()) for m in modifiers] + [shown])


def describe_keys(keys: str) -> str:
    """A binding's keys (``"f1,question_mark"``) as people write them (``"F1 / ?"``)."""
    return " / ".join(describe_one_key(key) for key in keys.split(",") if key.strip())


def describe_key(binding: Binding) -> str:
    """How a binding's keys are written for people."""
    return describe_keys(binding.key)
