"""The questions cover the ``requires`` vocabulary, and every rule field and word is in it."""

from __future__ import annotations

from dataclasses import fields

from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.dataset.model import ACTIVITIES, CIRCUMSTANCES, PLACES, PROFESSIONS, Requirements
from hkqh_tui.core.dataset.validation import REQUIREMENT_FIELDS
from hkqh_tui.core.profile import wording
from hkqh_tui.core.profile.model import AGE_BANDS, CIRCUMSTANCE_QUESTIONS, QUESTIONS, Profile, answer_label, question

VOCABULARY = {"lives_in": PLACES, "activities": ACTIVITIES, "professions": PROFESSIONS, "has": CIRCUMSTANCES}
CONDITION_FIELDS = {"min_age", "max_age", "lives_in", "activities", "professions", "has", "children_ages"}


def test_every_question_maps_to_vocabulary_words_and_fills_a_profile_field():
    profile_fields = {item.name for item in fields(Profile)}
    for item in QUESTIONS:
        assert item.id in profile_fields
        assert item.covers, item.id
        for cover in item.covers:
            name, _, word = cover.partition(":")
            assert name in CONDITION_FIELDS, cover
            if word:
                assert word in VOCABULARY[name], cover
        for key, label in item.choices:
            assert label.hant and label.hans and label.en, (item.id, key)


def test_every_rule_field_and_word_is_asked_by_some_question():
    covered = {cover for item in QUESTIONS for cover in item.covers}
    asked_fields = {cover.partition(":")[0] for cover in covered}
    assert asked_fields == CONDITION_FIELDS == set(REQUIREMENT_FIELDS) - {"source", "note"}
    for name, words in VOCABULARY.items():
        for word in words:
            assert f"{name}:{word}" in covered, f"no question answers requires.{name} = {word!r}"
    assert set(CIRCUMSTANCE_QUESTIONS) == set(CIRCUMSTANCES)


def test_every_vocabulary_word_has_wording():
    assert set(wording.PLACE_NAMES) == set(PLACES)
    assert set(wording.ACTIVITY_NAMES) == set(wording.ACTIVITY_MET) == set(ACTIVITIES)
    assert set(wording.PROFESSION_NAMES) == set(PROFESSIONS)
    assert set(wording.CIRCUMSTANCE_NAMES) == set(wording.CIRCUMSTANCE_MET) == set(CIRCUMSTANCES)


def test_bundled_requires_use_only_vocabulary_words():
    dataset = read_dataset(None).dataset
    for service in dataset.services:
        requires: Requirements = service.requires
        for name, words in VOCABULARY.items():
            assert set(getattr(requires, name)) <= set(words), (service.id, name)


def test_age_bands_are_contiguous_and_labelled():
    assert AGE_BANDS[0].low == 0
    for before, after in zip(AGE_BANDS, AGE_BANDS[1:]):
        assert after.low == before.high + 1
    assert [band.label().en for band in AGE_BANDS][:2] == ["under 18", "18 to 29"]
    assert AGE_BANDS[-1].label().hant == "70歲或以上"


def test_follow_up_questions_and_answers_in_words():
    profile = Profile().with_answer("children", True).with_answer("children_ages", (6, 10))
    assert question("children_ages").applies(profile)
    assert answer_label(profile, question("children_ages")).en == "6, 10"
    no_children = profile.with_answer("children", False)
    assert no_children.children_ages is None and not question("children_ages").applies(no_children)
    assert not question("professions").applies(Profile(activities=frozenset({"work"})))
    assert answer_label(Profile(welfare=frozenset()), question("welfare")).en == "None of these"
    assert answer_label(Profile(), question("age")) is None
    assert Profile().is_empty() and Profile(pet=False).answered() == 1
