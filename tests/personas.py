"""Five people, as profiles, with the bundled services each must and must not be shown by "For me".

"Shown" means listed as relevant: it fits (or fits for a parent), almost fits, or states no conditions but is for
an audience the person belongs to. The lists are written from the entries' audiences and eligibility texts, so they
hold whether or not an entry carries a ``requires`` table yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from hkqh_tui.core.profile.model import Profile


@dataclass(frozen=True)
class Persona:
    name: str
    profile: Profile
    must_see: tuple[str, ...]
    must_not_see: tuple[str, ...]


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "retiree",  # 67, lives in Yuen Long, on the Old Age Living Allowance, no car, no pet, no children at home
        Profile(age="65-69", lives_in="hk", activities=frozenset(), children=False, elderly_parents=False,
                hk_car=False, pet=False, welfare=frozenset({"oala"}),
                documents=frozenset({"hk-permanent-resident", "home-return-permit"})),
        must_see=("ehcv-gba-pilot", "guangdong-fujian-oala", "residential-care-guangdong"),
        must_not_see=("gba-youth-employment-scheme", "qianhai-hk-youth-employment-subsidy",
                      "qianhai-hk-youth-housing-subsidy", "hk-children-schools-shenzhen", "sz-public-school-admission",
                      "northbound-travel-hk-vehicles", "hk-vets-practise-qianhai", "gba-lawyers"),
    ),
    Persona(
        "parent",  # 36, works in Qianhai, lives in Shenzhen, a son of six and a daughter of ten
        Profile(age="30-39", lives_in="shenzhen", activities=frozenset({"work"}), children=True,
                children_ages=(6, 10), elderly_parents=False, hk_car=False, pet=False, welfare=frozenset(),
                documents=frozenset({"hk-permanent-resident", "home-return-permit", "residence-permit"})),
        must_see=("hk-children-schools-shenzhen", "sz-public-school-admission", "harrow-hk-children-school-qianhai"),
        must_not_see=("ehcv-gba-pilot", "guangdong-fujian-oala", "portable-cssa-guangdong",
                      "northbound-travel-hk-vehicles", "hk-vets-practise-qianhai", "gba-lawyers"),
    ),
    Persona(
        "graduate",  # 23, lives in Hong Kong, wants a first job in Qianhai
        Profile(age="18-29", lives_in="hk", activities=frozenset({"work"}), children=False, elderly_parents=False,
                hk_car=False, pet=False, welfare=frozenset(),
                documents=frozenset({"hk-permanent-resident", "home-return-permit"})),
        must_see=("gba-youth-employment-scheme", "qianhai-hk-youth-employment-subsidy",
                  "qianhai-hk-youth-living-subsidy"),
        must_not_see=("ehcv-gba-pilot", "guangdong-fujian-oala", "residential-care-guangdong",
                      "hk-children-schools-shenzhen", "northbound-travel-hk-vehicles", "hk-vets-practise-qianhai"),
    ),
    Persona(
        "driver",  # 52, runs a trading business, drives a Hong Kong car north, has a mother of 80
        Profile(age="45-59", lives_in="hk", activities=frozenset({"business"}), children=False, elderly_parents=True,
                hk_car=True, pet=False, welfare=frozenset(),
                documents=frozenset({"hk-permanent-resident", "home-return-permit"})),
        must_see=("northbound-travel-hk-vehicles", "cross-boundary-private-car-quota", "ehcv-gba-pilot"),
        must_not_see=("gba-youth-employment-scheme", "qianhai-hk-youth-employment-subsidy",
                      "hk-children-schools-shenzhen", "sz-public-school-admission", "hk-vets-practise-qianhai"),
    ),
    Persona(
        "vet",  # 34, a Hong Kong vet who wants to practise in Qianhai, with a dog
        Profile(age="30-39", lives_in="hk", activities=frozenset({"profession"}), professions=frozenset({"vet"}),
                children=False, elderly_parents=False, hk_car=False, pet=True, welfare=frozenset(),
                documents=frozenset({"hk-permanent-resident", "home-return-permit"})),
        must_see=("hk-vets-practise-qianhai", "pets-mainland-to-hk-quarantine"),
        must_not_see=("ehcv-gba-pilot", "guangdong-fujian-oala", "hk-children-schools-shenzhen",
                      "northbound-travel-hk-vehicles", "sz-public-school-admission"),
    ),
)
