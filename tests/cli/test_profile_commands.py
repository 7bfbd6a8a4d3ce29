"""`hkqh profile set|show|clear` and `hkqh for-me`, in-process and as real subprocesses."""

from __future__ import annotations

import json
import subprocess

import pytest

from hkqh_tui.cli import main
from hkqh_tui.core.storage.paths import settings_file
from tests.cli.process import run_hkqh
from tests.factories import service_record, write_dataset

SOURCE = "https://example.org/source"


def hkqh(*args: str) -> subprocess.CompletedProcess:
    return run_hkqh(*args)

@pytest.fixture
def matching_dataset(tmp_path):
    records = [
        service_record("voucher", requires={"source": SOURCE, "min_age": 65, "has": ["home-return-permit"]}),
        service_record("school", title={"zh-Hant": "港人子弟學校", "en": "School for HK children"},
                       category="education", audiences=["families"],
                       requires={"source": SOURCE, "children_ages": [6, 15]}),
        service_record("northbound", title={"zh-Hant": "港車北上", "en": "Northbound Travel"}, category="transport",
                       audiences=["drivers"], requires={"source": SOURCE, "has": ["hk-car"]}),
        service_record("port", title={"zh-Hant": "深圳灣口岸", "en": "Shenzhen Bay Port"}, category="transport",
                       audiences=["everyone"]),
    ]
    return write_dataset(tmp_path / "data", records)


@pytest.fixture
def run(matching_dataset, capsys):
    def run_hkqh(*args: str):
        status = main(["--data", str(matching_dataset), *args])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return status, captured.out, captured.err

    return run_hkqh


def test_set_show_and_clear_keep_answers_in_settings(run):
    status, out, _ = run("profile", "set", "--age", "65-69", "--hk-car", "no", "--documents", "none", "--script", "en")
    assert status == 0 and "How old are you? 65 to 69" in out and "Kept on this computer only" in out
    saved = json.loads(settings_file().read_text(encoding="utf-8"))["profile"]
    assert saved == {"version": 1, "age": "65-69", "hk_car": False, "documents": []}
    status, _, _ = run("profile", "set", "--pet", "yes", "--age", "skip")
    status, out, _ = run("profile", "show", "--json")
    assert json.loads(out) == {"version": 1, "hk_car": False, "pet": True, "documents": []}
    status, out, _ = run("profile", "clear", "--script", "en")
    assert status == 0 and json.loads(settings_file().read_text(encoding="utf-8"))["profile"] is None


def test_children_ages_imply_children(run):
    run("profile", "set", "--children-ages", "10, 6")
    _, out, _ = run("profile", "show", "--json")
    assert json.loads(out) == {"version": 1, "children": True, "children_ages": [6, 10]}


@pytest.mark.parametrize(("args", "message"), [
    (("--age", "sixty"), "--age: unknown value 'sixty'"),
    (("--activities", "work,flying"), "unknown value 'flying'"),
    (("--pet", "maybe"), "say yes, no or skip"),
    (("--children-ages", "6,x"), "ages are whole numbers"),
    (("--children-ages", "6,200"), "from 0 to 60"),
    (("--children", "no", "--children-ages", "6"), "needs --children yes"),
    ((), "give at least one answer"),
])
def test_bad_answers_are_clear_errors_and_change_nothing(run, args, message):
    run("profile", "set", "--hk-car", "yes")
    status, _, err = run("profile", "set", *args)
    assert status == 1 and message in err
    _, out, _ = run("profile", "show", "--json")
    assert json.loads(out) == {"version": 1, "hk_car": True}


def test_for_me_lists_fits_almost_and_not_stated_with_reasons(run):
    run("profile", "set", "--age", "70-plus", "--hk-car", "yes", "--children", "no")
    status, out, _ = run("for-me", "--script", "en")
    assert status == 0
    fits = out.index("Fits you (1)")
    almost = out.index("Almost fits")
    stated = out.index("No conditions stated")
    assert fits < out.index("northbound") < almost < out.index("voucher") < stated < out.index("port")
    assert "✓ you have a Hong Kong car" in out and "✓ you are 65 or over" in out
    assert "check: for people holding a Home Return Permit (you skipped this question)" in out
    assert "school" not in out and "Add --all" in out
    _, everything, _ = run("for-me", "--all", "--script", "en")
    assert "Does not fit (1)" in everything and "✗ only for people with a child aged 6 to 15" in everything


def test_for_me_json_and_query(run):
    run("profile", "set", "--age", "30-39", "--children-ages", "7", "--elderly-parents", "yes")
    status, out, _ = run("for-me", "--json")
    data = json.loads(out)
    assert status == 0 and data["profile"]["children_ages"] == [7]
    assert [m["id"] for m in data["fits"]] == ["school", "voucher"]
    assert data["fits"][1]["verdict"] == "for_parent"
    assert data["fits"][1]["reasons"][0]["en"] == "for your parent: for people aged 65 or over"
    assert data["fits"][1]["reasons"][0]["zh-Hans"] == "适合你的父母：年满65岁的长者"
    assert [m["id"] for m in data["almost"]] == ["northbound"]
    _, out, _ = run("for-me", "school", "--json")
    narrowed = json.loads(out)
    assert [m["id"] for m in narrowed["fits"]] == ["school"] and not narrowed["almost"]
    _, out, _ = run("for-me", "--category", "transport", "--json")
    assert {m["id"] for group in ("fits", "almost", "not_stated") for m in json.loads(out)[group]} == {"northbound", "port"}
    status, _, err = run("for-me", "--category", "nope")
    assert status == 1 and "unknown category" in err


def test_an_empty_profile_says_how_to_answer(run):
    status, out, err = run("for-me", "--script", "en")
    assert status == 0 and "hkqh profile set" in err
    assert "Almost fits: what is missing or to check (3)" in out and "first) (1)" in out


def test_a_damaged_profile_in_settings_is_a_warning_not_a_failure(matching_dataset):
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(json.dumps({"version": 1, "script": "en", "profile": {"age": "old", "pet": True}}),
                               encoding="utf-8")
    result = hkqh("--data", str(matching_dataset), "for-me", "--json")
    assert result.returncode == 0, result.stderr
    assert "Ignored the profile answer 'age'" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["profile"] == {"version": 1, "pet": True}
    result = hkqh("--data", str(matching_dataset), "profile", "set", "--hk-car", "yes")
    assert result.returncode == 0
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    assert saved["script"] == "en" and saved["profile"] == {"version": 1, "hk_car": True, "pet": True}
