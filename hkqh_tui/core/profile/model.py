"""A person's situation: a few answers, each optional, and the questions that ask for them.

Every answer may be left out ("skipped"): ``None`` means "not answered", which matching treats as unknown, never as
"no". An empty set is an answer ("none of these").
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from hkqh_tui.core.dataset.model import ACTIVITIES, PLACES, PROFESSIONS
from hkqh_tui.core.profile.wording import PLACE_NAMES, PROFESSION_NAMES, W, Wording, join


@dataclass(frozen=True, slots=True)
class AgeBand:
    """An age range a person picks instead of giving their age (both ends inclusive)."""

    key: str
    low: int
    high: int

    def label(self) -> Wording:
        """How the band is shown: "65–69" or "70 or over"."""
        if self.high >= MAX_PERSON_AGE:
            return W(f"{self.low}歲或以上", f"{self.low}岁或以上", f"{self.low} or over")
        if self.low == 0:
            return W(f"{self.high + 1}歲以下", f"{self.high + 1}岁以下", f"under {self.high + 1}")
        return W(f"{self.low}至{self.high}歲", f"{self.low}至{self.high}岁", f"{self.low} to {self.high}")


MAX_PERSON_AGE = 120
AGE_BANDS: tuple[AgeBand, ...] = (
    # The edges follow the ages the dataset's sources use: 18, under 30, under 40, under 45, 60, 65 and 70.
    AgeBand("under-18", 0, 17),
    AgeBand("18-29", 18, 29),
    AgeBand("30-39", 30, 39),
    AgeBand("40-44", 40, 44),
    AgeBand("45-59", 45, 59),
    AgeBand("60-64", 60, 64),
    AgeBand("65-69", 65, 69),
    AgeBand("70-plus", 70, MAX_PERSON_AGE),
)
AGE_BAND_KEYS: tuple[str, ...] = tuple(band.key for band in AGE_BANDS)
WELFARE: tuple[str, ...] = ("cssa", "oala")
"""Welfare a person may receive (words of :data:`hkqh_tui.core.dataset.model.CIRCUMSTANCES`)."""
DOCUMENTS: tuple[str, ...] = ("hk-permanent-resident", "home-return-permit", "residence-permit")
"""Identity documents a person may hold (words of :data:`hkqh_tui.core.dataset.model.CIRCUMSTANCES`)."""
MAX_CHILDREN = 12
MAX_CHILD_AGE = 60


def age_band(key: str | None) -> AgeBand | None:
    """The band with this key, or None."""
    return next((band for band in AGE_BANDS if band.key == key), None)


@dataclass(frozen=True, slots=True)
class Profile:
    """The answers a person gave; None everywhere is an empty profile."""

    age: str | None = None  # one of AGE_BAND_KEYS
    lives_in: str | None = None  # one of PLACES
    activities: frozenset[str] | None = None  # subset of ACTIVITIES
    professions: frozenset[str] | None = None  # subset of PROFESSIONS
    children: bool | None = None
    children_ages: tuple[int, ...] | None = None  # sorted ages, only with children
    elderly_parents: bool | None = None
    hk_car: bool | None = None
    pet: bool | None = None
    welfare: frozenset[str] | None = None  # subset of WELFARE
    documents: frozenset[str] | None = None  # subset of DOCUMENTS

    def is_empty(self) -> bool:
        """True when no question is answered."""
        return all(getattr(self, item.name) is None for item in fields(self))

    def answered(self) -> int:
        """How many questions are answered."""
        return sum(getattr(self, item.name) is not None for item in fields(self))

    def band(self) -> AgeBand | None:
        """The age band answered, or None."""
        return age_band(self.age)

    def with_answer(self, question_id: str, value: Any) -> Profile:
        """A copy with one answer set (None skips the question). Answering "no children" drops their ages."""
        changed = replace(self, **{question_id: value})
        if question_id == "children" and value is not True:
            changed = replace(changed, children_ages=None)
        if question_id == "activities" and (value is None or "profession" not in value):
            changed = replace(changed, professions=None)
        return changed

    def circumstance(self, word: str) -> bool | None:
        """Whether the person has or is ``word`` (a CIRCUMSTANCES word): True, False, or None when not answered."""
        if word == "children":
            return self.children
        if word == "elderly-parents":
            return self.elderly_parents
        if word == "hk-car":
            return self.hk_car
        if word == "pet":
            return self.pet
        if word in WELFARE:
            return None if self.welfare is None else word in self.welfare
        if word in DOCUMENTS:
            return None if self.documents is None else word in self.documents
        return None

    def practises(self) -> frozenset[str] | None:
        """The activities, counting "profession" when a profession is named."""
        if self.activities is None and not self.professions:
            return None
        activities = set(self.activities or ())
        if self.professions:
            activities.add("profession")
        return frozenset(activities)


QuestionKind = Literal["single", "multi", "yes-no", "ages"]


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the profile: what it asks, its choices, and the ``requires`` words its answer speaks to."""

    id: str  # the Profile field it fills
    kind: QuestionKind
    prompt: Wording
    choices: tuple[tuple[str, Wording], ...] = ()
    hint: Wording | None = None
    covers: tuple[str, ...] = ()  # "field" or "field:word" of a service's requires table

    def applies(self, profile: Profile) -> bool:
        """False for a follow-up question whose first question was not answered so (ages without children)."""
        if self.id == "children_ages":
            return profile.children is True
        if self.id == "professions":
            return bool(profile.activities and "profession" in profile.activities)
        return True

    def choice_label(self, key: str) -> Wording:
        """The label of one choice."""
        return dict(self.choices).get(key, W(key, key, key))


YES_NO = (("yes", W("是", "是", "Yes")), ("no", W("否", "否", "No")))

QUESTIONS: tuple[Question, ...] = (
    Question(
        "age", "single", W("你的年齡？", "你的年龄？", "How old are you?"),
        tuple((band.key, band.label()) for band in AGE_BANDS),
        covers=("min_age", "max_age"),
    ),
    Question(
        "lives_in", "single", W("你住在哪裏？", "你住在哪里？", "Where do you live?"),
        tuple((place, PLACE_NAMES[place]) for place in PLACES),
        covers=tuple(f"lives_in:{place}" for place in PLACES),
    ),
    Question(
        "activities", "multi",
        W("你在前海或大灣區做甚麼（或想做甚麼）？", "你在前海或大湾区做什么（或想做什么）？",
          "What do you do (or want to do) in Qianhai or the GBA?"),
        (
            ("work", W("工作", "工作", "Work")),
            ("study", W("讀書", "读书", "Study")),
            ("business", W("經營或創立業務", "经营或创立业务", "Run or start a business")),
            ("profession", W("以專業人士身份執業", "以专业人士身份执业", "Practise a profession")),
        ),
        hint=W("可選多項；全部不選即「都不是」。", "可选多项；全部不选即“都不是”。", "Pick any; none picked means “none of these”."),
        covers=tuple(f"activities:{activity}" for activity in ACTIVITIES),
    ),
    Question(
        "professions", "multi", W("你是哪一類專業人士？", "你是哪一类专业人士？", "Which profession?"),
        tuple((key, W(PROFESSION_NAMES[key].hant, PROFESSION_NAMES[key].hans, label))
              for key, label in zip(PROFESSIONS, ("Lawyer", "Vet", "Doctor", "Engineer, architect, surveyor or planner",
                                                  "Another profession"))),
        covers=tuple(f"professions:{profession}" for profession in PROFESSIONS),
    ),
    Question("children", "yes-no", W("你有子女嗎？", "你有子女吗？", "Do you have children?"), YES_NO,
             covers=("has:children",)),
    Question(
        "children_ages", "ages", W("子女的年齡？", "子女的年龄？", "How old are your children?"),
        hint=W("以逗號分隔，例如：6, 10", "以逗号分隔，例如：6, 10", "Separate them with commas, for example: 6, 10"),
        covers=("children_ages",),
    ),
    Question("elderly_parents", "yes-no", W("你有年長的父母嗎？", "你有年长的父母吗？", "Do you have elderly parents?"),
             YES_NO, covers=("has:elderly-parents",)),
    Question("hk_car", "yes-no", W("你有香港私家車嗎？", "你有香港私家车吗？", "Do you have a Hong Kong private car?"),
             YES_NO, covers=("has:hk-car",)),
    Question("pet", "yes-no", W("你有寵物嗎？", "你有宠物吗？", "Do you have a pet?"), YES_NO, covers=("has:pet",)),
    Question(
        "welfare", "multi", W("你領取以下福利嗎？", "你领取以下福利吗？", "Do you receive any of these?"),
        (
            ("cssa", W("綜援（綜合社會保障援助）", "综援（综合社会保障援助）", "CSSA (Comprehensive Social Security Assistance)")),
            ("oala", W("長者生活津貼", "长者生活津贴", "Old Age Living Allowance")),
        ),
        hint=W("全部不選即「都沒有」。", "全部不选即“都没有”。", "None picked means “neither”."),
        covers=tuple(f"has:{word}" for word in WELFARE),
    ),
    Question(
        "documents", "multi", W("你持有以下哪些身份或證件？", "你持有以下哪些身份或证件？", "Which of these do you have?"),
        (
            ("hk-permanent-resident", W("香港永久性居民身份證", "香港永久性居民身份证", "Hong Kong permanent identity card")),
            ("home-return-permit", W("回鄉證（港澳居民來往內地通行證）", "回乡证（港澳居民来往内地通行证）", "Home Return Permit")),
            ("residence-permit", W("港澳居民居住證", "港澳居民居住证", "Residence Permit for HK and Macao residents")),
        ),
        hint=W("全部不選即「都沒有」。", "全部不选即“都没有”。", "None picked means “none of these”."),
        covers=tuple(f"has:{word}" for word in DOCUMENTS),
    ),
)
"""The profile's questions, in the order they are asked."""


def question(question_id: str) -> Question:
    """The question with this id (a KeyError for an unknown one)."""
    for item in QUESTIONS:
        if item.id == question_id:
            return item
    raise KeyError(question_id)


def answer_label(profile: Profile, item: Question) -> Wording | None:
    """The answer to ``item`` in words, or None when it was skipped."""
    value = getattr(profile, item.id)
    if value is None:
        return None
    if item.kind == "yes-no":
        return item.choice_label("yes" if value else "no")
    if item.kind == "ages":
        ages = ", ".join(str(age) for age in value)
        return W(ages, ages, ages)
    if item.kind == "single":
        return item.choice_label(value)
    chosen = [item.choice_label(key) for key, _ in item.choices if key in value]
    if not chosen:
        return W("都不是", "都不是", "None of these")
    return join(chosen)


CIRCUMSTANCE_QUESTIONS: dict[str, str] = {
    "children": "children", "elderly-parents": "elderly_parents", "hk-car": "hk_car", "pet": "pet",
    **{word: "welfare" for word in WELFARE}, **{word: "documents" for word in DOCUMENTS},
}
"""For each ``has`` word a profile can answer, the question that answers it."""
