"""Reasons read right in each script; the Simplified text is written, and agrees with the converter where the
export converts."""

from __future__ import annotations

from hkqh_tui.core.language.display import to_simplified
from hkqh_tui.core.profile import wording
from hkqh_tui.core.profile.model import QUESTIONS
from hkqh_tui.core.profile.wording import Wording


def every_wording():
    for name in dir(wording):
        value = getattr(wording, name)
        if isinstance(value, Wording):
            yield name, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Wording):
                    yield f"{name}[{key}]", item
    for item in QUESTIONS:
        yield item.id, item.prompt
        for key, label in item.choices:
            yield f"{item.id}:{key}", label


def test_every_phrase_is_written_in_three_scripts():
    for name, phrase in every_wording():
        assert phrase.hant and phrase.hans and phrase.en, name


REVIEWED_DIFFERENCES = {
    # Question prompts are never exported; here the written Simplified is the better one.
    "activities": "甚麼 is written 什么 on the Mainland; the converter gives 甚么",
}


def test_simplified_agrees_with_the_converter_so_the_export_reads_the_same():
    differing = {name for name, p in every_wording() if to_simplified(p.hant) != p.hans}
    assert differing == set(REVIEWED_DIFFERENCES)


def test_placeholders_take_each_script_its_own_words():
    filled = wording.MISSING.format(condition=wording.MIN_AGE.format(n=65))
    assert (filled.hant, filled.hans, filled.en) == ("須年滿65歲", "须年满65岁", "for people aged 65 or over")
