"""Five personas against the bundled dataset: the services each must and must not be shown."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.profile.matching import Verdict, for_me
from tests.personas import PERSONAS


@pytest.fixture(scope="module")
def bundled():
    dataset = read_dataset(None).dataset
    assert dataset is not None
    return dataset


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.name)
def test_persona_sees_what_applies_and_not_what_does_not(bundled, persona):
    for service_id in (*persona.must_see, *persona.must_not_see):
        assert bundled.get(service_id) is not None, f"{service_id} left the dataset: update the persona"
    placed = for_me(bundled, persona.profile)
    shown = {m.service.id for m in placed.listed() if m.listed}
    assert set(persona.must_see) <= shown, set(persona.must_see) - shown
    assert not set(persona.must_not_see) & shown, set(persona.must_not_see) & shown
    for match in placed.listed():
        if match.listed:
            assert match.reasons or match.missing, f"{match.service.id} is shown without a reason"


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.name)
def test_stated_conditions_are_respected(bundled, persona):
    """Whatever the requires tables say, these hold for every entry that has one."""
    profile = persona.profile
    band = profile.band()
    for match in for_me(bundled, profile).by_id().values():
        requires = match.service.requires
        if requires.is_empty():
            assert match.verdict is Verdict.NOT_STATED
            continue
        shown = match.verdict in (Verdict.FITS, Verdict.ALMOST)
        if requires.max_age is not None and band.low > requires.max_age:
            assert not shown, f"{match.service.id}: {persona.name} is too old"
        if requires.min_age is not None and band.high < requires.min_age:
            assert not shown, f"{match.service.id}: {persona.name} is too young"
            if match.verdict is Verdict.FOR_PARENT:
                assert profile.elderly_parents and requires.min_age >= 60
        if requires.professions and not set(requires.professions) & set(profile.professions or ()):
            assert match.verdict is Verdict.DOES_NOT_FIT, f"{match.service.id}: not {persona.name}'s profession"
        if "hk-car" in requires.has and not profile.hk_car:
            assert match.verdict in (Verdict.DOES_NOT_FIT, Verdict.FOR_PARENT)


def test_the_retiree_sees_the_voucher_among_the_first(bundled):
    retiree = next(p for p in PERSONAS if p.name == "retiree")
    listed = [m.service.id for m in for_me(bundled, retiree.profile).listed()]
    assert listed.index("ehcv-gba-pilot") < 10
