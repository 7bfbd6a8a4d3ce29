"""Loading datasets from folders and JSON files; bad files give located problems, never exceptions."""

from __future__ import annotations

import json

import pytest

from hkqh_tui.core.dataset.loading import DatasetError, bundled_data_path, load_dataset, read_dataset
from hkqh_tui.core.dataset.serialize import service_to_json
from tests.factories import default_records, write_dataset, write_json_dataset


def test_folder_and_json_load_the_same_services(tmp_path, small_dataset):
    from_folder = load_dataset(small_dataset)
    path = tmp_path / "all.json"
    path.write_text(json.dumps([service_to_json(s) for s in from_folder.services], ensure_ascii=False), "utf-8")
    from_json = load_dataset(path)
    assert [service_to_json(s) for s in from_json.services] == [service_to_json(s) for s in from_folder.services]
    assert from_json.version == from_folder.version


def test_version_changes_with_content(tmp_path):
    first = load_dataset(write_dataset(tmp_path / "a"))
    records = default_records()
    records[0]["summary"] = {"zh-Hant": "改過的簡介。", "en": "A changed summary."}
    second = load_dataset(write_dataset(tmp_path / "b", records))
    assert first.version != second.version
    assert first.version.startswith("2026-11-24+")


def test_env_var_chooses_dataset(tmp_path, small_dataset, monkeypatch):
    monkeypatch.setenv("HKQH_DATA", str(small_dataset))
    assert {s.id for s in load_dataset().services} == {"ehcv-test", "port-test", "voucher-test"}


def test_missing_path(tmp_path):
    problems = read_dataset(tmp_path / "nowhere").problems
    assert len(problems) == 1 and "no such file" in problems[0].message


def test_folder_without_services(tmp_path):
    (tmp_path / "empty").mkdir()
    messages = " ".join(p.message for p in read_dataset(tmp_path / "empty").problems)
    assert "services/" in messages


def test_invalid_toml_names_the_file(tmp_path, small_dataset):
    broken = small_dataset / "services" / "port-test.toml"
    broken.write_text('id = "port-test"\ntitle = {', encoding="utf-8")
    problems = read_dataset(small_dataset).problems
    assert any(p.file == str(broken) and "not valid TOML" in p.message for p in problems)


def test_not_utf8(tmp_path, small_dataset):
    broken = small_dataset / "services" / "port-test.toml"
    broken.write_bytes(b'id = "\xff\xfe"\n')
    assert any("UTF-8" in p.message for p in read_dataset(small_dataset).problems)


def test_invalid_json(tmp_path):
    path = tmp_path / "all.json"
    path.write_text('[{"id": ', encoding="utf-8")
    problems = read_dataset(path).problems
    assert "not valid JSON" in problems[0].message and "line 1" in problems[0].message


def test_json_must_be_an_array(tmp_path):
    path = tmp_path / "all.json"
    path.write_text('{"id": "x"}', encoding="utf-8")
    assert "JSON array" in read_dataset(path).problems[0].message


def test_unreadable_vocabulary(tmp_path, small_dataset):
    (small_dataset / "vocabularies.toml").write_text("[categories]\nhealth = 3\n", encoding="utf-8")
    problems = read_dataset(small_dataset).problems
    assert any(p.field == "categories.health" for p in problems)


def test_load_dataset_raises_with_all_problems(tmp_path):
    path = write_json_dataset(tmp_path / "x.json", [{"id": "a"}, {"id": "b"}])
    with pytest.raises(DatasetError) as error:
        load_dataset(path)
    assert {p.service_id for p in error.value.problems} == {"a", "b"}


def test_bundled_dataset_is_valid_and_complete():
    result = read_dataset(bundled_data_path())
    assert result.problems == [], "\n".join(str(p) for p in result.problems)
    services = result.dataset.services
    assert len(services) >= 40
    for service in services:
        assert service.sources, service.id
        assert service.title.en and service.summary.en, service.id
    ids = {s.id for s in services}
    # The 72-hour experience voucher is left out on purpose: no published source describing it was found
    # (see README, "What the dataset does not cover yet"); it must not be invented.
    for must_have in (
        "hk-vets-practise-qianhai",
        "ehcv-gba-pilot",
        "shenzhen-bay-port",
        "northbound-travel-hk-vehicles",
        "hsk-qianhai-rail-link",
        "harrow-hk-children-school-qianhai",
        "sz-public-school-admission",
        "hk-drugs-devices-gba",
        "qianhai-hk-youth-employment-subsidy",
        "qianhai-e-station",
        "cross-boundary-public-services-kiosk",
        "qianhai-court",
        "wealth-management-connect",
        "residence-permit-hk-macao",
        "qianhai-iit-relief",
        "hk-professionals-filing-qianhai",
    ):
        assert must_have in ids
    assert {s.category for s in services} == set(result.dataset.vocabularies.categories.keys())


def test_curated_order_follows_vocabulary(small_dataset):
    dataset = load_dataset(small_dataset)
    assert [s.category for s in dataset.curated_order()] == ["visit", "transport", "health"]
