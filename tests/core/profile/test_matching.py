"""Each kind of condition in a ``requires`` table, matched against profiles, on real dataset files."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.profile.matching import Outcome, Verdict, for_me, match_service
from hkqh_tui.core.profile.model import Profile
from tests.factories import service_record, write_dataset

SOURCE = "https://example.org/source"


def service_with(tmp_path, requires=None, **fields):
    record = service_record("svc", **fields) if requires is None else service_record(
        "svc", requires={"source": SOURCE, **requires}, **fields)
    dataset = read_dataset(write_dataset(tmp_path / "data", [record])).dataset
    assert dataset is not None
    return dataset, dataset.get("svc")


def verdict(tmp_path, requires, profile):
    dataset, service = service_with(tmp_path, requires)
    return match_service(service, profile, dataset)


@pytest.mark.parametrize(("age", "expected"), [
    ("70-plus", Verdict.FITS), ("65-69", Verdict.FITS), ("60-64", Verdict.DOES_NOT_FIT),
    ("18-29", Verdict.DOES_NOT_FIT), (None, Verdict.ALMOST),
])
def test_min_age_against_age_bands(tmp_path, age, expected):
    match = verdict(tmp_path, {"min_age": 65}, Profile(age=age))
    assert match.verdict is expected
    if expected is Verdict.FITS:
        assert [r.en for r in match.reasons] == ["you are 65 or over"]
        assert match.reasons[0].hant == "你已年滿65歲" and match.reasons[0].hans == "你已年满65岁"
    if age is None:
        assert "skipped" in match.missing[0].en


def test_a_band_that_straddles_an_age_limit_is_check_you_may_qualify(tmp_path):
    match = verdict(tmp_path, {"min_age": 62}, Profile(age="60-64"))
    assert match.verdict is Verdict.ALMOST
    assert match.conditions[0].outcome is Outcome.MAYBE
    assert match.missing[0].en == "check: for people aged 62 or over; you may qualify"
    under_45 = verdict(tmp_path / "b", {"max_age": 44}, Profile(age="40-44"))
    assert under_45.verdict is Verdict.FITS and under_45.reasons[0].en == "you are 44 or under"
    straddles = verdict(tmp_path / "c", {"max_age": 35}, Profile(age="30-39"))
    assert straddles.verdict is Verdict.ALMOST and "you may qualify" in straddles.missing[0].en
    assert verdict(tmp_path / "d", {"max_age": 29}, Profile(age="30-39")).verdict is Verdict.DOES_NOT_FIT


def test_lives_in_is_any_of_and_moving_almost_fits(tmp_path):
    requires = {"lives_in": ["shenzhen", "gba"]}
    fits = verdict(tmp_path, requires, Profile(lives_in="gba"))
    assert fits.verdict is Verdict.FITS and fits.reasons[0].en == "you live in another Mainland GBA city"
    elsewhere = verdict(tmp_path / "b", requires, Profile(lives_in="hk"))
    assert elsewhere.verdict is Verdict.ALMOST
    assert elsewhere.missing[0].en == "for people living in Shenzhen (Qianhai included) or another Mainland GBA city"


def test_activities_and_professions(tmp_path):
    work = {"activities": ["work", "business"]}
    assert verdict(tmp_path, work, Profile(activities=frozenset({"business"}))).verdict is Verdict.FITS
    assert verdict(tmp_path / "b", work, Profile(activities=frozenset({"study"}))).verdict is Verdict.DOES_NOT_FIT
    assert verdict(tmp_path / "c", work, Profile()).verdict is Verdict.ALMOST
    vets = {"professions": ["vet"]}
    vet = verdict(tmp_path / "d", vets, Profile(activities=frozenset({"profession"}), professions=frozenset({"vet"})))
    assert vet.verdict is Verdict.FITS and vet.reasons[0].en == "you are a vet"
    lawyer = Profile(activities=frozenset({"profession"}), professions=frozenset({"lawyer"}))
    assert verdict(tmp_path / "e", vets, lawyer).verdict is Verdict.DOES_NOT_FIT
    no_profession = Profile(activities=frozenset({"work"}))
    assert verdict(tmp_path / "f", vets, no_profession).verdict is Verdict.DOES_NOT_FIT
    practising = {"activities": ["profession"]}
    named_only = Profile(professions=frozenset({"doctor"}))  # naming a profession means practising one
    assert verdict(tmp_path / "g", practising, named_only).verdict is Verdict.FITS


@pytest.mark.parametrize(("word", "yes", "no"), [
    ("children", Profile(children=True), Profile(children=False)),
    ("elderly-parents", Profile(elderly_parents=True), Profile(elderly_parents=False)),
    ("hk-car", Profile(hk_car=True), Profile(hk_car=False)),
    ("pet", Profile(pet=True), Profile(pet=False)),
    ("cssa", Profile(welfare=frozenset({"cssa"})), Profile(welfare=frozenset({"oala"}))),
    ("oala", Profile(welfare=frozenset({"oala"})), Profile(welfare=frozenset())),
    ("hk-permanent-resident", Profile(documents=frozenset({"hk-permanent-resident"})), Profile(documents=frozenset())),
])
def test_each_circumstance(tmp_path, word, yes, no):
    assert verdict(tmp_path, {"has": [word]}, yes).verdict is Verdict.FITS
    assert verdict(tmp_path / "b", {"has": [word]}, no).verdict is Verdict.DOES_NOT_FIT
    assert verdict(tmp_path / "c", {"has": [word]}, Profile()).verdict is Verdict.ALMOST


def test_a_permit_one_can_apply_for_almost_fits_with_what_is_missing(tmp_path):
    requires = {"has": ["home-return-permit"], "lives_in": ["hk"]}
    match = verdict(tmp_path, requires, Profile(lives_in="hk", documents=frozenset({"hk-permanent-resident"})))
    assert match.verdict is Verdict.ALMOST
    assert [m.en for m in match.missing] == ["needs a Home Return Permit"]
    assert [r.en for r in match.reasons] == ["you live in Hong Kong"]
    assert match.missing[0].hans == "须持回乡证（港澳居民来往内地通行证）"


def test_has_means_every_word(tmp_path):
    requires = {"has": ["hk-car", "home-return-permit"]}
    both = Profile(hk_car=True, documents=frozenset({"home-return-permit"}))
    assert verdict(tmp_path, requires, both).verdict is Verdict.FITS
    assert verdict(tmp_path / "b", requires, Profile(hk_car=True, documents=frozenset())).verdict is Verdict.ALMOST
    no_car = Profile(hk_car=False, documents=frozenset({"home-return-permit"}))
    assert verdict(tmp_path / "c", requires, no_car).verdict is Verdict.DOES_NOT_FIT


def test_children_ages(tmp_path):
    school = {"children_ages": [6, 15]}
    six = verdict(tmp_path, school, Profile(children=True, children_ages=(3, 6)))
    assert six.verdict is Verdict.FITS and six.reasons[0].en == "you have a child aged 6 to 15"
    assert verdict(tmp_path / "b", school, Profile(children=True, children_ages=(2, 17))).verdict is Verdict.DOES_NOT_FIT
    assert verdict(tmp_path / "c", school, Profile(children=False)).verdict is Verdict.DOES_NOT_FIT
    assert verdict(tmp_path / "d", school, Profile(children=True)).verdict is Verdict.ALMOST


def test_a_service_for_older_people_fits_a_younger_person_for_their_parent(tmp_path):
    requires = {"min_age": 65, "lives_in": ["hk"]}
    match = verdict(tmp_path, requires, Profile(age="30-39", lives_in="shenzhen", elderly_parents=True))
    assert match.verdict is Verdict.FOR_PARENT
    assert match.reasons[0].en == "for your parent: for people aged 65 or over"
    assert match.reasons[0].hant == "適合你的父母：年滿65歲的長者"
    assert [m.en for m in match.missing] == ["check that your parent qualifies: living in Hong Kong"]
    assert verdict(tmp_path / "b", requires, Profile(age="30-39", elderly_parents=False)).verdict is Verdict.DOES_NOT_FIT
    own = verdict(tmp_path / "c", requires, Profile(age="65-69", lives_in="hk", elderly_parents=True))
    assert own.verdict is Verdict.FITS, "a person old enough themselves fits in their own right"
    youth = verdict(tmp_path / "d", {"min_age": 18}, Profile(age="under-18", elderly_parents=True))
    assert youth.verdict is Verdict.DOES_NOT_FIT, "only services for older people are for a parent"


def test_services_without_requires_are_neither_promised_nor_hidden(tmp_path):
    records = [
        service_record("for-drivers", audiences=["drivers"]),
        service_record("for-all", audiences=["everyone"]),
        service_record("elderly-only", requires={"source": SOURCE, "min_age": 65}),
        service_record("for-drivers-stated", audiences=["drivers"], requires={"source": SOURCE, "has": ["hk-car"]}),
    ]
    dataset = read_dataset(write_dataset(tmp_path / "data", records)).dataset
    placed = for_me(dataset, Profile(age="45-59", hk_car=True))
    assert [m.service.id for m in placed.fits] == ["for-drivers-stated"]
    assert [m.service.id for m in placed.not_stated] == ["for-drivers", "for-all"], "audience match first"
    assert placed.not_stated[0].reasons[0].en == "may be for you: for Drivers"
    assert placed.not_stated[1].reasons == () and not placed.not_stated[1].listed
    assert [m.service.id for m in placed.does_not_fit] == ["elderly-only"]
    assert [m.service.id for m in placed.listed()] == ["for-drivers-stated", "for-drivers", "for-all"]


def test_best_first(tmp_path):
    records = [
        service_record("a-general", requires={"source": SOURCE, "lives_in": ["hk"]}),
        service_record("b-specific", requires={"source": SOURCE, "lives_in": ["hk"], "min_age": 65, "has": ["oala"]}),
        service_record("c-parent", requires={"source": SOURCE, "min_age": 70}),
        service_record("d-one-missing", requires={"source": SOURCE, "has": ["home-return-permit"]}),
        service_record("e-two-missing", requires={"source": SOURCE, "has": ["home-return-permit", "residence-permit"]}),
    ]
    dataset = read_dataset(write_dataset(tmp_path / "data", records)).dataset
    profile = Profile(age="65-69", lives_in="hk", elderly_parents=True, welfare=frozenset({"oala"}),
                      documents=frozenset())
    placed = for_me(dataset, profile)
    assert [m.service.id for m in placed.fits] == ["b-specific", "a-general", "c-parent"]
    assert [m.service.id for m in placed.almost] == ["d-one-missing", "e-two-missing"]


def test_a_note_the_vocabulary_cannot_say_is_always_left_to_check(tmp_path):
    requires = {"min_age": 65, "note": {"zh-Hant": "首次申請須親身辦理", "en": "the first application is in person"}}
    match = verdict(tmp_path, requires, Profile(age="65-69"))
    assert match.verdict is Verdict.FITS
    assert [m.en for m in match.missing] == ["also check: the first application is in person"]
    assert match.missing[0].hans == "另须核实：首次申请须亲身办理"
