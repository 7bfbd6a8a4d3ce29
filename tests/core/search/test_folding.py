"""Folding text for matching: forms, case, accents, scripts and separators stop mattering."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hkqh_tui.core.search.folding import compact, fold, fold_many, fold_with_offsets, to_folded_script


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("長者醫療券", "长者医疗券"),  # Traditional and Simplified
        ("ＥＨＣＶ７２小時", "ehcv72小時"),  # full-width letters and digits
        ("Elderly VOUCHER", "elderly voucher"),  # case
        ("café", "cafe"),  # accents (composed)
        ("cafe\u0301", "cafe"),  # accents (combining mark)
        ("裏面", "裡面"),  # HK variant forms that t2s would miss
        ("衞生", "衛生"),
        ("綫路", "線路"),
        ("為何", "爲何"),
        ("回鄉証", "回鄉證"),
        ("e-Station", "e station"),  # punctuation is a separator
        ("港車北上！！", "港車北上"),
        ("  深圳灣\t口岸 \n", "深圳灣 口岸"),  # whitespace collapses
        ("「港車北上」", "港車北上"),
        ("HK$2,000", "hk 2 000"),
        ("①", "1"),
    ],
)
def test_folds_alike(a, b):
    assert fold(a) == fold(b)


def test_fold_result_form():
    assert fold("  長者醫療券 ＥＨＣＶ！！７２小時 ") == "长者医疗券 ehcv 72小时"
    assert fold("") == ""
    assert fold("🍕 ?!") == ""


def test_cantonese_characters_fold_consistently():
    # hk2s maps 嗰 to a rare glyph: fine for matching (both sides fold the same), never displayed.
    assert fold("嗰度") == fold("嗰度") == to_folded_script("嗰度")
    assert fold("佢哋 冇 啲") == "佢哋 冇 啲"


def test_control_characters_and_lone_surrogates_become_separators():
    assert fold("a\x00b\x1b[31mc") == "a b 31mc"
    assert fold("\x00Ð") == "ð"  # OpenCC stops at a NUL character: it must never reach it
    assert fold("醫療\ud800券") == "医疗 券"
    assert fold("\udfff") == ""


def test_fold_many_matches_fold():
    texts = ["長者醫療券", "", "ＥＨＣＶ\n72小時", "Café, e-Station", "🍕", "嗰度\ud800", "Shenzhen Bay Port"]
    assert fold_many(texts) == [fold(t) for t in texts]
    assert fold_many([]) == []


def test_compact_removes_spaces():
    assert compact(fold("72 小時")) == compact(fold("72小時")) == "72小时"


def test_hk2s_keeps_one_character_per_han_character():
    # fold_with_offsets relies on this to map highlights back to the displayed text.
    characters = "".join(chr(code) for code in range(0x4E00, 0xA000))
    assert all(len(to_folded_script(char)) == 1 for char in characters)
    assert len(to_folded_script(characters)) == len(characters)


def test_fold_with_offsets_points_back_to_the_source():
    text = "長者醫療券 ＥＨＣＶ！７２小時"
    folded, origins = fold_with_offsets(text)
    assert folded == "长者医疗券 ehcv 72小时"
    assert len(origins) == len(folded)
    start = folded.index("ehcv")
    assert text[origins[start] : origins[start + 3] + 1] == "ＥＨＣＶ"


def test_fold_with_offsets_expansions_share_an_origin():
    folded, origins = fold_with_offsets("ﬁle ß")
    assert folded == "file ss"
    assert origins == [0, 0, 1, 2, 3, 4, 4]


_CONJOINING_JAMO = re.compile("[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]")
_TRICKY = list("乾隆頭髮發台風颱後面裏嗰啲가e\u0301\u0308ﬁ①ＡＢ ,.\x00\ud800ßİ") + [chr(c) for c in range(0x4E00, 0x4EC8)]


@given(st.one_of(st.text(max_size=80), st.text(alphabet=st.sampled_from(_TRICKY), max_size=40)))
def test_fold_with_offsets_agrees_with_fold(text):
    # Conjoining Hangul jamo compose only when normalised together, so per-character folding cannot match them.
    assume(not _CONJOINING_JAMO.search(text))
    folded, origins = fold_with_offsets(text)
    assert len(origins) == len(folded)
    assert origins == sorted(origins)
    assert all(0 <= origin < len(text) for origin in origins)
    assert folded.split() == fold(text).split()


def _fold_whole(text: str) -> str:
    """The reference: normalise and convert the whole text at once (how folding worked before the tables)."""
    from hkqh_tui.core.search import folding

    return folding._SEPARATORS.sub(" ", to_folded_script(folding._normalize(text))).strip()


_HAN_AND_FRIENDS = (
    list("么乾俱剋劄吒哩噁坏彷徵扞於昇氾沈濛甦畫瞭祕脩蒐薹藉袷覆計谿逕釐鉅鍊鍾陞麼麽批答回憑慰隆淨")
    + list("長者醫療券裏裡衞綫為爲証嗰啲ＡＢ１２ ,.、。「」\n\t\x00ßéİ")
    + [chr(c) for c in range(0x4E00, 0x4E80)]
)


def _phrases() -> list[str]:
    from hkqh_tui.core.search.script_phrases import PHRASES

    return sorted(PHRASES)


_MIXED_TEXT = st.lists(st.one_of(st.sampled_from(_phrases()), st.sampled_from(_HAN_AND_FRIENDS)), max_size=20)


@given(st.one_of(st.text(alphabet=st.sampled_from(_HAN_AND_FRIENDS), max_size=60), _MIXED_TEXT.map("".join)))
def test_character_tables_fold_as_the_whole_text_would(text):
    # Phrases that change a character (批覆 -> 批复) are still read: such texts convert whole.
    assert fold(text) == _fold_whole(text)
    assert fold_many([text, "x", text]) == [fold(text), "x", fold(text)]


def test_phrases_that_change_a_character_are_still_read():
    assert fold("批覆") == fold("批复") == "批复"
    assert fold("覆蓋") == "覆盖"
    assert fold_many(["答覆", "前海", "憑藉"]) == ["答复", "前海", "凭借"]
    folded, origins = fold_with_offsets("已答覆。")
    assert folded == "已答复 " and origins == [0, 1, 2, 3]


def test_character_tables_stay_bounded(monkeypatch):
    from hkqh_tui.core.search import folding

    forms = folding._CharacterForms(script=True)
    monkeypatch.setattr(folding, "MAX_REMEMBERED_CHARACTERS", 50)
    monkeypatch.setattr(folding, "_FOLDED_FORMS", forms)
    text = "".join(c for c in map(chr, range(0x4E00, 0x4F00)) if not folding._SENSITIVE.match(c))
    assert fold(text) == _fold_whole(text)
    assert len(forms) == 50


def _phrase_keys_of_installed_opencc() -> list[str]:
    """Every phrase of the dictionaries ``hk2s`` reads phrases from, dumped with OpenCC's own tool."""
    import os
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    tool = clib / "bin" / "opencc_dict"
    if not tool.exists() or not os.access(tool, os.X_OK):
        pytest.skip("this OpenCC has no opencc_dict tool to read its dictionaries with")
    keys: list[str] = []
    folder = tempfile.mkdtemp(prefix="hkqh-opencc-")
    try:
        for name in ("TSPhrases", "HKVariantsRevPhrases"):
            out = Path(folder) / f"{name}.txt"
            env = dict(os.environ, LD_LIBRARY_PATH=str(clib / "lib64"))
            source = clib / "share" / "opencc" / f"{name}.ocd2"
            done = subprocess.run(
                [str(tool), "-i", str(source), "-o", str(out), "-f", "ocd2", "-t", "text"],
                env=env, capture_output=True, timeout=60, check=False,
            )
            if done.returncode != 0:
                pytest.skip(f"opencc_dict could not read {name}: {done.stderr[-200:]!r}")
            keys += [line.split("\t")[0] for line in out.read_text("utf-8").splitlines() if "\t" in line]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return keys


def test_every_phrase_that_changes_a_character_is_listed():
    from hkqh_tui.core.search import script_phrases

    keys = _phrase_keys_of_installed_opencc()
    assert len(keys) > 100
    changed = {
        char
        for key in keys
        for char, whole, alone in zip(key, to_folded_script(key), map(to_folded_script, key))
        if whole != alone
    }
    assert changed  # the check can find them
    assert changed <= set(script_phrases.CHARACTERS), sorted(changed - set(script_phrases.CHARACTERS))
    phrases = {key for key in keys if to_folded_script(key) != "".join(map(to_folded_script, key))}
    assert phrases <= script_phrases.PHRASES, sorted(phrases - script_phrases.PHRASES)


def test_character_table_is_what_the_installed_opencc_does_to_each_character():
    import opencc

    from hkqh_tui.core.search import script_characters

    codes = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and c not in (0, 0x0A)]
    alone = opencc.OpenCC("hk2s").convert("\n".join(map(chr, codes))).split("\n")
    assert len(alone) == len(codes)
    changed = {chr(code): form for code, form in zip(codes, alone) if form != chr(code)}
    assert len(changed) > 4000  # the check can find them
    table = dict(zip(script_characters.CONVERTED, script_characters.CONVERTED_TO))
    assert len(script_characters.CONVERTED) == len(script_characters.CONVERTED_TO) == len(table)
    missing = {char: form for char, form in changed.items() if table.get(char) != form}
    extra = sorted(set(table) - set(changed))
    assert not missing and not extra, (sorted(missing.items())[:20], extra[:20])


def test_folding_one_character_needs_no_converter(monkeypatch):
    from hkqh_tui.core.search import folding

    def no_converter():
        raise AssertionError("a converter was built")

    monkeypatch.setattr(folding, "_hk2s", no_converter)
    monkeypatch.setattr(folding, "_FOLDED_FORMS", folding._CharacterForms(script=True))
    assert fold("長者醫療券 證書 衞生") == "长者医疗券 证书 卫生"
    assert fold("㍿") == fold("株式會社")  # a compatibility form that normalises to several characters
