"""Bilingual texts and the display languages ("scripts") hkqh offers."""

from __future__ import annotations

from typing import Literal, NamedTuple

Script = Literal["hant", "hans", "en"]
SCRIPTS: tuple[Script, ...] = ("hant", "hans", "en")
"""Display choices: Traditional Chinese (HK), Simplified Chinese, English."""


class Text(NamedTuple):
    """A text in Traditional Chinese (HK forms) with an optional English translation."""

    zh_hant: str
    en: str = ""

    def chinese(self) -> str:
        """The Traditional Chinese text."""
        return self.zh_hant

    def english_or_chinese(self) -> str:
        """The English text, falling back to Chinese where there is no translation."""
        return self.en or self.zh_hant

    def to_json(self) -> dict[str, str]:
        """The JSON shape used by ``--json`` output and JSON datasets."""
        data = {"zh-Hant": self.zh_hant}
        if self.en:
            data["en"] = self.en
        return data
