"""The profile kept in the settings (``settings.json``, key ``profile``): it never leaves the machine."""

from __future__ import annotations

from pathlib import Path

from hkqh_tui.core.profile.json_format import profile_from_json, profile_to_json
from hkqh_tui.core.profile.model import Profile
from hkqh_tui.core.storage.paths import settings_file
from hkqh_tui.core.storage.settings import Settings, load_settings


def settings_profile(settings: Settings) -> tuple[Profile, list[str]]:
    """The saved profile and notices about answers that were ignored (a bad value is never fatal)."""
    return profile_from_json(settings.profile)


def keep_profile(settings: Settings, profile: Profile) -> None:
    """Put ``profile`` in ``settings`` (an empty profile removes it); the caller saves the settings."""
    settings.profile = None if profile.is_empty() else profile_to_json(profile)


def saved_profile(path: Path | None = None) -> tuple[Profile, list[str]]:
    """The profile in the settings file (the user's one by default), with notices about anything ignored; for code
    that needs only the profile, such as an export adding its reasons."""
    settings, notices = load_settings(path or settings_file())
    profile, profile_notices = settings_profile(settings)
    return profile, [*notices, *profile_notices]
