"""A profile as JSON (inside ``settings.json``), read with bounds: a bad answer is dropped with a notice, never fatal."""

from __future__ import annotations

from typing import Any

from hkqh_tui.core.dataset.model import ACTIVITIES, PLACES, PROFESSIONS
from hkqh_tui.core.profile.model import (
    AGE_BAND_KEYS,
    DOCUMENTS,
    MAX_CHILD_AGE,
    MAX_CHILDREN,
    WELFARE,
    Profile,
)

PROFILE_VERSION = 1
_CHOICES: dict[str, tuple[str, ...]] = {"age": AGE_BAND_KEYS, "lives_in": PLACES}
_SETS: dict[str, tuple[str, ...]] = {
    "activities": ACTIVITIES, "professions": PROFESSIONS, "welfare": WELFARE, "documents": DOCUMENTS,
}
_FLAGS = ("children", "elderly_parents", "hk_car", "pet")
MAX_KEYS = 40
"""A profile object with more keys than this is not one hkqh wrote; it is ignored as a whole."""


def profile_to_json(profile: Profile) -> dict[str, Any]:
    """The answers given (a skipped question is left out), with a format version."""
    data: dict[str, Any] = {"version": PROFILE_VERSION}
    for name in (*_CHOICES, *_SETS, *_FLAGS, "children_ages"):
        value = getattr(profile, name)
        if value is None:
            continue
        if name in _SETS:
            data[name] = [word for word in _SETS[name] if word in value]
        elif name == "children_ages":
            data[name] = list(value)
        else:
            data[name] = value
    return data


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def parse_children_ages(value: Any) -> tuple[int, ...]:
    """Children's ages from a JSON list; a ValueError says what is wrong."""
    if not isinstance(value, list) or not value:
        raise ValueError("expected a list of ages")
    if len(value) > MAX_CHILDREN:
        raise ValueError(f"at most {MAX_CHILDREN} children")
    ages = []
    for age in value:
        if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_CHILD_AGE:
            raise ValueError(f"an age is a whole number from 0 to {MAX_CHILD_AGE}, not {_short(age)}")
        ages.append(age)
    return tuple(sorted(ages))


def profile_from_json(raw: Any) -> tuple[Profile, list[str]]:
    """A profile from its JSON object; notices name every answer that was ignored and why."""
    if raw is None:
        return Profile(), []
    if not isinstance(raw, dict):
        return Profile(), [f"Ignored the saved profile: expected an object, not {_short(raw)}."]
    if len(raw) > MAX_KEYS:
        return Profile(), [f"Ignored the saved profile: it has {len(raw)} entries, more than hkqh writes."]
    if raw.get("version", PROFILE_VERSION) != PROFILE_VERSION:
        return Profile(), [f"Ignored the saved profile: unknown version {_short(raw.get('version'))}."]
    values: dict[str, Any] = {}
    notices: list[str] = []

    def ignore(name: str, why: str) -> None:
        notices.append(f"Ignored the profile answer '{name[:40]}': {why}.")

    for name, value in raw.items():
        if name == "version":
            continue
        if name in _CHOICES:
            if value in _CHOICES[name]:
                values[name] = value
            else:
                ignore(name, f"{_short(value)} is not one of {', '.join(_CHOICES[name])}")
        elif name in _SETS:
            allowed = _SETS[name]
            if isinstance(value, list) and len(value) <= len(allowed) and all(v in allowed for v in value):
                values[name] = frozenset(value)
            else:
                ignore(name, f"expected a list of {', '.join(allowed)}")
        elif name in _FLAGS:
            if isinstance(value, bool):
                values[name] = value
            else:
                ignore(name, "expected true or false")
        elif name == "children_ages":
            try:
                values[name] = parse_children_ages(value)
            except ValueError as error:
                ignore(name, str(error))
        else:
            ignore(str(name), "not a question hkqh asks")
    if "children_ages" in values and values.get("children") is not True:
        values.pop("children_ages")
        if raw.get("children") is not None:
            ignore("children_ages", "given without children")
    if values.get("professions") and "profession" not in values.get("activities", frozenset({"profession"})):
        values["activities"] = values["activities"] | {"profession"}
    return Profile(**values), notices
