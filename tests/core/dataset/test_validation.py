"""Each kind of bad service record is reported with file, service and field; validation never stops early."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.loading import read_dataset
from tests.factories import service_record, write_dataset, write_json_dataset


def problems_for(tmp_path, record):
    result = read_dataset(write_dataset(tmp_path / "data", [record]))
    assert result.dataset is None
    return result.problems


def fields(problems):
    return {p.field for p in problems}


def test_valid_record_loads(tmp_path):
    result = read_dataset(write_dataset(tmp_path / "data", [service_record("good-one")]))
    assert result.problems == []
    service = result.dataset.get("good-one")
    assert service.title.en == "Elderly voucher test"
    assert service.sources[0].date.isoformat() == "2025-08-18"


@pytest.mark.parametrize(
    ("override", "field", "words"),
    [
        ({"colour": "red"}, "colour", "unknown field"),
        ({"category": "shopping"}, "category", "not one of"),
        ({"audiences": ["aliens"]}, "audiences[0]", "not one of"),
        ({"audiences": []}, "audiences", "at least one"),
        ({"status": "rumoured"}, "status", "not one of"),
        ({"title": {"zh-Hant": "", "en": "x"}}, "title.zh-Hant", "must not be empty"),
        ({"title": {"zh-Hant": "名", "en": "   "}}, "title.en", "must not be empty"),
        ({"title": {"zh-Hant": "名"}}, "title.en", "is missing"),
        ({"title": "just a string"}, "title", "must be a table"),
        ({"summary": {"zh-Hant": "x", "en": "y", "fr": "z"}}, "summary", "unknown language"),
        ({"aliases": "醫療券"}, "aliases", "must be a list"),
        ({"aliases": [3]}, "aliases[0]", "must be text"),
        ({"steps": [{"en": "no chinese"}]}, "steps[0].zh-Hant", "is missing"),
        ({"sources": []}, "sources", "at least one source"),
        ({"last_verified": "24/11/2026"}, "last_verified", "ISO 8601"),
        ({"last_verified": "2026-02-30"}, "last_verified", "ISO 8601"),
        ({"plan_2026": {"mentioned": "maybe"}}, "plan_2026.mentioned", "not one of"),
        ({"plan_2026": {}}, "plan_2026.mentioned", "is missing"),
    ],
)
def test_bad_field_is_named(tmp_path, override, field, words):
    problems = problems_for(tmp_path, service_record("svc", **override))
    matching = [p for p in problems if p.field == field]
    assert matching, f"no problem for {field}: {[str(p) for p in problems]}"
    assert words in matching[0].message
    assert matching[0].service_id == "svc"
    assert matching[0].file.endswith("svc.toml")


def test_missing_field(tmp_path):
    record = service_record("svc")
    del record["summary"]
    del record["last_verified"]
    problems = problems_for(tmp_path, record)
    assert {"summary", "last_verified"} <= fields(problems)
    assert all("is missing" in p.message for p in problems if p.field in {"summary", "last_verified"})


def test_id_not_a_slug(tmp_path):
    problems = problems_for(tmp_path, service_record("Bad_ID"))
    assert any(p.field == "id" and "slug" in p.message for p in problems)


def test_id_must_match_file_name(tmp_path):
    root = write_dataset(tmp_path / "data", [service_record("one")])
    (root / "services" / "one.toml").rename(root / "services" / "other.toml")
    problems = read_dataset(root).problems
    assert any(p.field == "id" and "file name" in p.message for p in problems)


def test_source_url_and_date(tmp_path):
    bad_source = {"title": "t", "url": "ftp://example.org/x", "publisher": "p", "date": "May 2025", "official": "yes"}
    problems = problems_for(tmp_path, service_record("svc", sources=[bad_source], contacts=[]))
    assert {"sources[0].url", "sources[0].date", "sources[0].official"} <= fields(problems)


def test_undated_source_is_allowed(tmp_path):
    source = {"title": "t", "url": "https://example.org/x", "publisher": "p", "date": "undated", "official": False}
    result = read_dataset(write_dataset(tmp_path / "data", [service_record("svc", sources=[source], contacts=[])]))
    assert result.problems == []
    assert result.dataset.get("svc").sources[0].date_label() == "undated"


def test_contact_must_cite_a_source_and_say_something(tmp_path):
    contact = {"name": {"zh-Hant": "辦事處"}, "source": "https://elsewhere.org/"}
    problems = problems_for(tmp_path, service_record("svc", contacts=[contact]))
    assert any(p.field == "contacts[0].source" and "sources" in p.message for p in problems)
    assert any(p.field == "contacts[0]" and "at least one" in p.message for p in problems)


def test_duplicate_ids_in_json(tmp_path):
    path = write_json_dataset(tmp_path / "all.json", [service_record("twin"), service_record("twin")])
    problems = read_dataset(path).problems
    assert any(p.field == "id" and "duplicate" in p.message for p in problems)


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    records = [
        service_record("first", category="nope"),
        service_record("second", status="nope", last_verified="yesterday"),
    ]
    problems = read_dataset(write_dataset(tmp_path / "data", records)).problems
    located = {(p.service_id, p.field) for p in problems}
    assert {("first", "category"), ("second", "status"), ("second", "last_verified")} <= located


def test_record_that_is_not_an_object(tmp_path):
    path = write_json_dataset(tmp_path / "all.json", [["not", "a", "service"]])
    problems = read_dataset(path).problems
    assert len(problems) == 1 and "table/object" in problems[0].message


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\ud800"])
def test_control_characters_and_lone_surrogates_are_rejected(tmp_path, bad):
    import json

    path = tmp_path / "x.json"
    path.write_text(json.dumps([service_record("svc", aliases=[f"a{bad}b"])]), encoding="ascii")  # \u escapes
    problems = read_dataset(path).problems
    assert any(p.field == "aliases[0]" and "invalid character" in p.message for p in problems)



SOURCE_URL = "https://example.org/source"


def test_requires_accepts_stated_conditions_and_round_trips(tmp_path):
    from hkqh_tui.core.dataset.serialize import service_to_json

    requires = {"source": SOURCE_URL, "min_age": 65, "lives_in": ["hk"], "has": ["home-return-permit"],
                "children_ages": [6, 15]}
    result = read_dataset(write_dataset(tmp_path / "data", [service_record("with-requires", requires=requires)]))
    assert result.problems == []
    service = result.dataset.get("with-requires")
    assert service.requires.min_age == 65 and service.requires.lives_in == ("hk",)
    assert service.requires.children_ages == (6, 15)
    assert service_to_json(service)["requires"] == requires


def test_a_service_without_requires_has_no_conditions(tmp_path):
    result = read_dataset(write_dataset(tmp_path / "data", [service_record("plain")]))
    assert result.dataset.get("plain").requires.is_empty()


@pytest.mark.parametrize(
    ("requires", "field"),
    [
        ({"source": SOURCE_URL, "lives_in": ["mars"]}, "requires.lives_in[0]"),
        ({"source": SOURCE_URL, "min_age": "sixty"}, "requires.min_age"),
        ({"source": SOURCE_URL, "min_age": True}, "requires.min_age"),
        ({"source": SOURCE_URL, "min_age": 500}, "requires.min_age"),
        ({"source": SOURCE_URL, "min_age": 65, "max_age": 18}, "requires.max_age"),
        ({"source": "https://elsewhere.example/", "min_age": 65}, "requires.source"),
        ({"min_age": 65}, "requires.source"),
        ({"source": SOURCE_URL}, "requires"),
        ({"source": SOURCE_URL, "min_age": 65, "colour": "red"}, "requires.colour"),
        ({"source": SOURCE_URL, "children_ages": [15, 6]}, "requires.children_ages"),
        ({"source": SOURCE_URL, "children_ages": [6]}, "requires.children_ages"),
        ({"source": SOURCE_URL, "has": []}, "requires.has"),
        ({"source": SOURCE_URL, "has": ["pet", "pet"]}, "requires.has"),
        ({"source": SOURCE_URL, "professions": ["astronaut"]}, "requires.professions[0]"),
    ],
)
def test_requires_rejects_unknown_words_bad_ages_foreign_sources_and_empty_tables(tmp_path, requires, field):
    assert field in fields(problems_for(tmp_path, service_record("bad-requires", requires=requires)))
