"""Which services fit a profile, which almost fit (and what is missing), and why, in plain words.

Each condition of a service's ``requires`` table is checked against the profile and is *met*, *not met* or
*unknown*: the question was skipped, or the person's age band straddles the service's age limit ("check: you may
qualify"). Then:

- **fits**: every condition is met; the reasons say why ("you are 65 or over").
- **fits, for your parent**: a service for older people (``min_age`` of 60 or more) that the person is too young
  for (or gave no age) while they have elderly parents; its other conditions are then about the parent, to check.
- **almost fits**: nothing is clearly not met except what a person can change (a permit to apply for, where one
  lives), and something is not met or unknown; ``missing`` says what ("needs a Home Return Permit").
- **does not fit**: a condition the person cannot simply change is not met (an age, a profession, a car).
- **not stated**: the service has no ``requires`` table. It is neither promised nor hidden: listed after the
  others, first those whose audiences match the profile (a weak signal, said as "may be for you").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from hkqh_tui.core.dataset.model import Dataset, Requirements, Service
from hkqh_tui.core.profile import wording as words
from hkqh_tui.core.profile.model import Profile
from hkqh_tui.core.profile.wording import Wording, either, join, wording_of_text

ELDERLY_AGE = 60
"""A service whose minimum age is at least this is for older people: it may fit a person's elderly parents."""
CHANGEABLE = frozenset({"has:home-return-permit", "has:residence-permit", "lives_in"})
"""Conditions a person can come to meet (apply for a permit, move): not meeting them still "almost fits"."""


class Outcome(Enum):
    """How one condition compares with the profile."""

    MET = "met"
    MAYBE = "maybe"  # the age band straddles the limit
    UNKNOWN = "unknown"  # the question was skipped
    NOT_MET = "not_met"


class Verdict(Enum):
    """Where a service stands for a profile, in the order they are listed."""

    FITS = "fits"
    FOR_PARENT = "for_parent"
    ALMOST = "almost"
    NOT_STATED = "not_stated"
    DOES_NOT_FIT = "does_not_fit"


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of a ``requires`` table, checked against a profile."""

    kind: str  # "min_age", "max_age", "lives_in", "activities", "professions", "has:<word>", "children_ages"
    outcome: Outcome
    met: Wording  # "you are 65 or over"
    need: Wording  # the condition itself: "aged 65 or over"

    @property
    def changeable(self) -> bool:
        """True for a condition a person can come to meet."""
        return self.kind in CHANGEABLE

    def missing(self) -> Wording:
        """What the person lacks or should check ("needs a Home Return Permit", "check: ...")."""
        if self.outcome is Outcome.MAYBE:
            return words.MAY_QUALIFY.format(condition=self.need)
        if self.outcome is Outcome.UNKNOWN:
            return words.NOT_ANSWERED.format(condition=self.need)
        needed = words.CIRCUMSTANCE_NEEDED.get(self.kind.removeprefix("has:"))
        return needed or words.MISSING.format(condition=self.need)

    def not_met(self) -> Wording:
        """Why the service does not fit ("only for people aged 65 or over")."""
        return words.NOT_MET.format(condition=self.need)


@dataclass(frozen=True, slots=True)
class Match:
    """A service and where it stands for a profile, with the reasons in plain words."""

    service: Service
    verdict: Verdict
    conditions: tuple[Condition, ...]
    reasons: tuple[Wording, ...]  # why it fits (or may be for the person)
    missing: tuple[Wording, ...]  # what is missing or to check (and the table's note); "does not fit": what is not

    @property
    def listed(self) -> bool:
        """True when "For me" shows it as relevant: it fits, almost fits, or its audience matches the profile."""
        return self.verdict in (Verdict.FITS, Verdict.FOR_PARENT, Verdict.ALMOST) or (
            self.verdict is Verdict.NOT_STATED and bool(self.reasons)
        )


def _age_conditions(requires: Requirements, profile: Profile) -> list[Condition]:
    band = profile.band()
    found = []
    if requires.min_age is not None:
        limit = requires.min_age
        if band is None:
            outcome = Outcome.UNKNOWN
        elif band.low >= limit:
            outcome = Outcome.MET
        elif band.high < limit:
            outcome = Outcome.NOT_MET
        else:
            outcome = Outcome.MAYBE
        found.append(Condition("min_age", outcome, words.MIN_AGE_MET.format(n=limit), words.MIN_AGE.format(n=limit)))
    if requires.max_age is not None:
        limit = requires.max_age
        if band is None:
            outcome = Outcome.UNKNOWN
        elif band.high <= limit:
            outcome = Outcome.MET
        elif band.low > limit:
            outcome = Outcome.NOT_MET
        else:
            outcome = Outcome.MAYBE
        found.append(Condition("max_age", outcome, words.MAX_AGE_MET.format(n=limit), words.MAX_AGE.format(n=limit)))
    return found


def _any_of(answer: frozenset[str] | str | None, wanted: tuple[str, ...]) -> Outcome:
    if answer is None:
        return Outcome.UNKNOWN
    chosen = {answer} if isinstance(answer, str) else answer
    return Outcome.MET if chosen & set(wanted) else Outcome.NOT_MET


def check_conditions(requires: Requirements, profile: Profile) -> list[Condition]:
    """Every condition of ``requires``, each checked against ``profile``."""
    found = _age_conditions(requires, profile)
    if requires.lives_in:
        outcome = _any_of(profile.lives_in, requires.lives_in)
        place = words.PLACE_NAMES[profile.lives_in] if outcome is Outcome.MET and profile.lives_in else None
        wanted = either([words.PLACE_NAMES[p] for p in requires.lives_in])
        found.append(Condition(
            "lives_in", outcome, words.LIVES_IN_MET.format(place=place or wanted), words.LIVES_IN.format(place=wanted)
        ))
    if requires.activities:
        practised = profile.practises()
        outcome = _any_of(practised, requires.activities)
        shared = [a for a in requires.activities if practised and a in practised]
        met = words.ACTIVITY_MET[shared[0]] if shared else words.ACTIVITY_MET[requires.activities[0]]
        found.append(Condition(
            "activities", outcome, met, either([words.ACTIVITY_NAMES[a] for a in requires.activities])
        ))
    if requires.professions:
        answer = profile.professions
        if answer is None and profile.activities is not None and "profession" not in profile.activities:
            answer = frozenset()  # said they practise no profession
        outcome = _any_of(answer, requires.professions)
        shared = [p for p in requires.professions if answer and p in answer]
        names = [words.PROFESSION_NAMES[p] for p in requires.professions]
        met = words.PROFESSION_MET.format(profession=words.PROFESSION_NAMES[shared[0]] if shared else names[0])
        found.append(Condition("professions", outcome, met, words.PROFESSION.format(profession=either(names))))
    for word in requires.has:
        state = profile.circumstance(word)
        outcome = Outcome.UNKNOWN if state is None else (Outcome.MET if state else Outcome.NOT_MET)
        found.append(Condition(
            f"has:{word}", outcome, words.CIRCUMSTANCE_MET[word], words.CIRCUMSTANCE_NAMES[word]
        ))
    if requires.children_ages is not None:
        low, high = requires.children_ages
        if profile.children is False:
            outcome = Outcome.NOT_MET
        elif profile.children_ages:
            outcome = Outcome.MET if any(low <= age <= high for age in profile.children_ages) else Outcome.NOT_MET
        else:
            outcome = Outcome.UNKNOWN
        found.append(Condition(
            "children_ages", outcome, words.CHILDREN_AGES_MET.format(low=low, high=high),
            words.CHILDREN_AGES.format(low=low, high=high),
        ))
    return found


# Audiences that a profile makes likely: the weak signal for services that state no conditions.
def profile_audiences(profile: Profile) -> set[str]:
    """The dataset audiences a profile suggests (never "everyone" or "visitors": they say nothing about a person)."""
    audiences: set[str] = set()
    band = profile.band()
    if band is not None:
        if band.low >= ELDERLY_AGE:
            audiences.add("elderly")
        if 18 <= band.low and band.high <= 39:
            audiences.add("youth")
    if profile.elderly_parents:
        audiences.add("elderly")
    if profile.lives_in in ("shenzhen", "gba"):
        audiences.add("residents")
    practised = profile.practises() or frozenset()
    audiences |= {a for word, a in (("work", "workers"), ("study", "students"), ("business", "entrepreneurs"),
                                     ("business", "investors"), ("profession", "professionals")) if word in practised}
    if profile.children:
        audiences |= {"families", "students"}
    if profile.hk_car:
        audiences.add("drivers")
    if profile.pet:
        audiences.add("pet-owners")
    return audiences


def match_service(service: Service, profile: Profile, dataset: Dataset | None = None) -> Match:
    """Where ``service`` stands for ``profile``; ``dataset`` supplies audience labels for "not stated"."""
    requires = service.requires
    if requires.is_empty():
        shared = [a for a in service.audiences if a in profile_audiences(profile)]
        reasons: tuple[Wording, ...] = ()
        if shared:
            labels = [wording_of_text(dataset.vocabularies.audiences.label(a)) if dataset else Wording(a, a, a)
                      for a in shared]
            reasons = (words.AUDIENCE_HINT.format(audiences=join(labels)),)
        return Match(service, Verdict.NOT_STATED, (), reasons, (words.NOT_STATED,))
    conditions = tuple(check_conditions(requires, profile))
    met = tuple(c.met for c in conditions if c.outcome is Outcome.MET)
    # A condition the vocabulary cannot say is never judged: it is always left to the person to check.
    note = (words.ALSO_CHECK.format(note=wording_of_text(requires.note)),) if requires.note else ()
    blocking = [c for c in conditions if c.outcome is Outcome.NOT_MET and not c.changeable]
    open_ = [c for c in conditions if c.outcome is not Outcome.MET]
    if not open_:
        return Match(service, Verdict.FITS, conditions, met, note)
    age = next((c for c in conditions if c.kind == "min_age"), None)
    if (
        profile.elderly_parents and age is not None and requires.min_age is not None and requires.min_age >= ELDERLY_AGE
        and age.outcome is not Outcome.MET and all(c.kind != "max_age" for c in conditions)
    ):
        # About the parent: the age is theirs, and so are the other conditions (to check), except having parents.
        others = [c for c in conditions if c.kind not in ("min_age", "has:elderly-parents")]
        reasons = (words.FOR_PARENT.format(condition=age.need),)
        return Match(service, Verdict.FOR_PARENT, conditions, reasons,
                     (*(words.PARENT_ALSO.format(condition=c.need) for c in others), *note))
    if blocking:
        return Match(service, Verdict.DOES_NOT_FIT, conditions, met, tuple(c.not_met() for c in blocking))
    return Match(service, Verdict.ALMOST, conditions, met, (*(c.missing() for c in open_), *note))


@dataclass(frozen=True, slots=True)
class ForMe:
    """Every service of a dataset placed for one profile, each group best first."""

    fits: tuple[Match, ...]  # FITS, then FOR_PARENT
    almost: tuple[Match, ...]
    not_stated: tuple[Match, ...]  # audience matches first
    does_not_fit: tuple[Match, ...]

    def listed(self) -> list[Match]:
        """What "For me" lists, in order: fits, almost fits, then the services that state no conditions."""
        return [*self.fits, *self.almost, *self.not_stated]

    def by_id(self) -> dict[str, Match]:
        """Every match by service id."""
        return {m.service.id: m for m in (*self.fits, *self.almost, *self.not_stated, *self.does_not_fit)}


def for_me(dataset: Dataset, profile: Profile, services: Iterable[Service] | None = None) -> ForMe:
    """Place every service (or those given) for ``profile``.

    Best first: a personal fit before a fit for a parent; more conditions met before fewer (a service that names
    the person's situation is more specific than one for everyone); fewer things missing first; then the dataset's
    curated order.
    """
    pool = dataset.curated_order(list(services) if services is not None else None)
    position = {service.id: index for index, service in enumerate(pool)}
    matches = [match_service(service, profile, dataset) for service in pool]

    def group(*verdicts: Verdict) -> list[Match]:
        return [m for m in matches if m.verdict in verdicts]

    fits = sorted(group(Verdict.FITS, Verdict.FOR_PARENT),
                  key=lambda m: (m.verdict is Verdict.FOR_PARENT, -len(m.reasons), position[m.service.id]))
    almost = sorted(group(Verdict.ALMOST),
                    key=lambda m: (len(m.missing), -len(m.reasons), position[m.service.id]))
    not_stated = sorted(group(Verdict.NOT_STATED), key=lambda m: (not m.reasons, position[m.service.id]))
    return ForMe(tuple(fits), tuple(almost), tuple(not_stated), tuple(group(Verdict.DOES_NOT_FIT)))
