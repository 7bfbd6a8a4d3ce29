"""The profile kept in the settings (``settings.json``, key ``profile``): it never leaves the machine."""

from __future__ import annotations

from hkqh_tui.core.profile.json_format import profile_from_json, profile_to_json
from hkqh_tui.core.profile.model import Profile
from hkqh_tui.core.storage.settings import Settings


def settings_profile(settings: Settings) -> tuple[Profile, list[str]]:
    """The saved profile and notices about answers that were ignored (a bad value is never fatal)."""
    return profile_from_json(settings.profile)


def keep_profile(settings: Settings, profile: Profile) -> None:
    """Put ``profile`` in ``settings`` (an empty profile removes it); the caller saves the settings."""
    settings.profile = None if profile.is_empty() else profile_to_json(profile)
