"""Reasons and questions in plain words, written for each of the three display scripts.

Simplified Chinese is written out here rather than converted, so that it reads as a Mainland reader expects; a test
checks where it differs from what the converter would make of the Traditional text (the Markdown export converts).
"""

from __future__ import annotations

from dataclasses import dataclass

from hkqh_tui.core.language.text import Script, Text


@dataclass(frozen=True, slots=True)
class Wording:
    """One phrase in Traditional Chinese (HK), Simplified Chinese and English."""

    hant: str
    hans: str
    en: str

    def show(self, script: Script) -> str:
        """The phrase in ``script``."""
        return {"hant": self.hant, "hans": self.hans, "en": self.en}[script]

    def format(self, **values: object) -> Wording:
        """The phrase with ``{placeholders}`` filled in; a :class:`Wording` value fills each script with its own words."""

        def values_in(script: str) -> dict[str, object]:
            return {k: getattr(v, script) if isinstance(v, Wording) else v for k, v in values.items()}

        return Wording(
            self.hant.format(**values_in("hant")), self.hans.format(**values_in("hans")),
            self.en.format(**values_in("en")),
        )

    def to_text(self) -> Text:
        """The phrase as a bilingual :class:`Text` (Traditional and English), for code that converts to Simplified."""
        return Text(self.hant, self.en)

    def to_json(self) -> dict[str, str]:
        """The three scripts, keyed like dataset texts."""
        return {"zh-Hant": self.hant, "zh-Hans": self.hans, "en": self.en}


def wording_of_text(text: Text) -> Wording:
    """A dataset text (for example a vocabulary label) as a :class:`Wording`; Simplified is converted."""
    from hkqh_tui.core.language.display import to_simplified

    return Wording(text.zh_hant, to_simplified(text.zh_hant), text.english_or_chinese())


def join(parts: list[Wording]) -> Wording:
    """Several phrases as one: "A、B" in Chinese, "A, B" in English."""
    return Wording("、".join(p.hant for p in parts), "、".join(p.hans for p in parts), ", ".join(p.en for p in parts))


def either(parts: list[Wording]) -> Wording:
    """"A or B": "A或B" in Chinese, "A or B" in English (more than two: "A、B或C", "A, B or C")."""
    if len(parts) == 1:
        return parts[0]
    head, last = join(parts[:-1]), parts[-1]
    return Wording(f"{head.hant}或{last.hant}", f"{head.hans}或{last.hans}", f"{head.en} or {last.en}")


W = Wording

# ---- what a condition is, said neutrally ("aged 65 or over") and as met ("you are 65 or over") -------------------

MIN_AGE = W("年滿{n}歲", "年满{n}岁", "aged {n} or over")
MIN_AGE_MET = W("你已年滿{n}歲", "你已年满{n}岁", "you are {n} or over")
MAX_AGE = W("{n}歲或以下", "{n}岁或以下", "aged {n} or under")
MAX_AGE_MET = W("你在{n}歲或以下", "你在{n}岁或以下", "you are {n} or under")

PLACE_NAMES: dict[str, Wording] = {
    "hk": W("香港", "香港", "Hong Kong"),
    "shenzhen": W("深圳（包括前海）", "深圳（包括前海）", "Shenzhen (Qianhai included)"),
    "gba": W("大灣區其他內地城市", "大湾区其他内地城市", "another Mainland GBA city"),
}
LIVES_IN = W("住在{place}", "住在{place}", "living in {place}")
LIVES_IN_MET = W("你住在{place}", "你住在{place}", "you live in {place}")

ACTIVITY_NAMES: dict[str, Wording] = {
    "work": W("在前海或大灣區工作（或想去工作）", "在前海或大湾区工作（或想去工作）",
              "working (or wanting to work) in Qianhai or the GBA"),
    "study": W("在前海或大灣區讀書（或想去讀書）", "在前海或大湾区读书（或想去读书）",
               "studying (or wanting to study) in Qianhai or the GBA"),
    "business": W("在前海或大灣區經營或創立業務", "在前海或大湾区经营或创立业务",
                  "running or starting a business in Qianhai or the GBA"),
    "profession": W("以專業人士身份在前海或大灣區執業", "以专业人士身份在前海或大湾区执业",
                    "practising a profession in Qianhai or the GBA"),
}
ACTIVITY_MET: dict[str, Wording] = {
    "work": W("你在前海或大灣區工作（或想去工作）", "你在前海或大湾区工作（或想去工作）",
              "you work (or want to work) in Qianhai or the GBA"),
    "study": W("你在前海或大灣區讀書（或想去讀書）", "你在前海或大湾区读书（或想去读书）",
               "you study (or want to study) in Qianhai or the GBA"),
    "business": W("你在前海或大灣區經營或創立業務", "你在前海或大湾区经营或创立业务",
                  "you run or are starting a business in Qianhai or the GBA"),
    "profession": W("你是專業人士，在前海或大灣區執業", "你是专业人士，在前海或大湾区执业",
                    "you practise a profession in Qianhai or the GBA"),
}

PROFESSION_NAMES: dict[str, Wording] = {
    "lawyer": W("律師", "律师", "a lawyer"),
    "vet": W("獸醫", "兽医", "a vet"),
    "doctor": W("醫生", "医生", "a doctor"),
    "engineer": W("工程師、建築師、測量師或規劃師", "工程师、建筑师、测量师或规划师",
                  "an engineer, architect, surveyor or planner"),
    "other": W("其他專業人士", "其他专业人士", "a professional in another field"),
}
PROFESSION = W("身為{profession}", "身为{profession}", "working as {profession}")
PROFESSION_MET = W("你是{profession}", "你是{profession}", "you are {profession}")

CIRCUMSTANCE_NAMES: dict[str, Wording] = {
    "hk-permanent-resident": W("具香港永久性居民身份", "具香港永久性居民身份", "with Hong Kong permanent residence"),
    "home-return-permit": W("持回鄉證（港澳居民來往內地通行證）", "持回乡证（港澳居民来往内地通行证）",
                            "holding a Home Return Permit"),
    "residence-permit": W("持港澳居民居住證", "持港澳居民居住证", "holding a Residence Permit for HK and Macao residents"),
    "hk-car": W("有香港私家車", "有香港私家车", "with a Hong Kong private car"),
    "children": W("有子女", "有子女", "with children"),
    "elderly-parents": W("有年長父母", "有年长父母", "with elderly parents"),
    "pet": W("有寵物", "有宠物", "with a pet"),
    "cssa": W("領取綜援", "领取综援", "receiving CSSA"),
    "oala": W("領取長者生活津貼", "领取长者生活津贴", "receiving the Old Age Living Allowance"),
}
CIRCUMSTANCE_MET: dict[str, Wording] = {
    "hk-permanent-resident": W("你是香港永久性居民", "你是香港永久性居民", "you are a Hong Kong permanent resident"),
    "home-return-permit": W("你有回鄉證", "你有回乡证", "you have a Home Return Permit"),
    "residence-permit": W("你有港澳居民居住證", "你有港澳居民居住证", "you have a Residence Permit"),
    "hk-car": W("你有香港私家車", "你有香港私家车", "you have a Hong Kong car"),
    "children": W("你有子女", "你有子女", "you have children"),
    "elderly-parents": W("你有年長父母", "你有年长父母", "you have elderly parents"),
    "pet": W("你有寵物", "你有宠物", "you have a pet"),
    "cssa": W("你領取綜援", "你领取综援", "you receive CSSA"),
    "oala": W("你領取長者生活津貼", "你领取长者生活津贴", "you receive the Old Age Living Allowance"),
}
CIRCUMSTANCE_NEEDED: dict[str, Wording] = {
    # Things a person can go and get: said as what is missing.
    "home-return-permit": W("須持回鄉證（港澳居民來往內地通行證）", "须持回乡证（港澳居民来往内地通行证）",
                            "needs a Home Return Permit"),
    "residence-permit": W("須持港澳居民居住證", "须持港澳居民居住证", "needs a Residence Permit for HK and Macao residents"),
}

CHILDREN_AGES = W("有{low}至{high}歲的子女", "有{low}至{high}岁的子女", "with a child aged {low} to {high}")
CHILDREN_AGES_MET = W("你有{low}至{high}歲的子女", "你有{low}至{high}岁的子女", "you have a child aged {low} to {high}")

# ---- how a condition is reported ------------------------------------------------------------------------------

NOT_MET = W("只適用於{condition}的人", "只适用于{condition}的人", "only for people {condition}")
MISSING = W("須{condition}", "须{condition}", "for people {condition}")
MAY_QUALIFY = W("請核實：須{condition}，你或許符合", "请核实：须{condition}，你或许符合",
                "check: for people {condition}; you may qualify")
NOT_ANSWERED = W("請核實：須{condition}（你未回答這一題）", "请核实：须{condition}（你未回答这一题）",
                 "check: for people {condition} (you skipped this question)")
FOR_PARENT = W("適合你的父母：{condition}的長者", "适合你的父母：{condition}的长者",
               "for your parent: for people {condition}")
PARENT_ALSO = W("請核實你的父母是否符合：{condition}", "请核实你的父母是否符合：{condition}",
                "check that your parent qualifies: {condition}")
ALSO_CHECK = W("另須核實：{note}", "另须核实：{note}", "also check: {note}")
AUDIENCE_HINT = W("或與你有關：對象包括{audiences}", "或与你有关：对象包括{audiences}", "may be for you: for {audiences}")
NOT_STATED = W("資料未列明資格條件，請閱讀詳情", "资料未列明资格条件，请阅读详情",
               "the dataset states no conditions: read the eligibility")
