"""A profile round-trips through JSON; every bad answer is dropped with a notice, never fatal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkqh_tui.core.profile.json_format import profile_from_json, profile_to_json
from hkqh_tui.core.profile.model import Profile
from tests.personas import PERSONAS


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.name)
def test_round_trip(persona):
    data = profile_to_json(persona.profile)
    assert data["version"] == 1
    assert profile_from_json(data) == (persona.profile, [])


def test_skipped_questions_are_left_out():
    assert profile_to_json(Profile()) == {"version": 1}
    assert profile_to_json(Profile(welfare=frozenset())) == {"version": 1, "welfare": []}


@pytest.mark.parametrize(("raw", "name"), [
    ({"age": "sixty"}, "age"),
    ({"age": 65}, "age"),
    ({"lives_in": "mars"}, "lives_in"),
    ({"activities": "work"}, "activities"),
    ({"activities": ["work", "flying"]}, "activities"),
    ({"welfare": ["cssa"] * 1000}, "welfare"),
    ({"pet": "yes"}, "pet"),
    ({"children": True, "children_ages": [6, -1]}, "children_ages"),
    ({"children": True, "children_ages": [6, True]}, "children_ages"),
    ({"children": True, "children_ages": list(range(40))}, "children_ages"),
    ({"children": False, "children_ages": [6]}, "children_ages"),
    ({"shoe_size": 42}, "shoe_size"),
])
def test_bad_answers_are_ignored_one_by_one(raw, name):
    profile, notices = profile_from_json({"hk_car": True, **raw})
    assert profile.hk_car is True, "the good answers are kept"
    assert len(notices) == 1 and f"'{name}'" in notices[0]


@pytest.mark.parametrize("raw", ["text", [1, 2], 7, {"version": 99}, {f"k{i}": 1 for i in range(100)}])
def test_a_profile_that_is_not_one_is_ignored_as_a_whole(raw):
    profile, notices = profile_from_json(raw)
    assert profile.is_empty() and len(notices) == 1 and len(notices[0]) < 200


def test_a_named_profession_implies_practising_one():
    profile, _ = profile_from_json({"activities": ["work"], "professions": ["vet"]})
    assert profile.activities == {"work", "profession"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)
profile_keys = st.sampled_from(["version", "age", "lives_in", "activities", "professions", "children",
                                "children_ages", "elderly_parents", "hk_car", "pet", "welfare", "documents", "x"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, st.dictionaries(profile_keys, json_values, max_size=12)))
def test_any_json_gives_a_valid_profile_and_short_notices(raw):
    profile, notices = profile_from_json(raw)
    assert isinstance(profile, Profile)
    assert profile_from_json(profile_to_json(profile)) == (profile, [])
    assert all(len(notice) < 300 for notice in notices)
