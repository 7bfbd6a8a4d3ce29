"""The curator report: ages, weak sources, flagged domains, shared URLs, stale announcements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hkqh_tui.core.dataset.loading import bundled_data_path, load_dataset
from hkqh_tui.core.dataset.report import DOMAINS_FILE, FlaggedDomain, age_bucket, curator_report, host_of, read_domains
from tests.factories import default_records, write_dataset

DOMAINS = """version = 1
[[domains]]
domain = "mirror.example"
kind = "mirror"
reason = "Copies example.org pages."
"""


def dataset_with(tmp_path: Path):
    records = default_records()
    ehcv, port, voucher = records
    ehcv["last_verified"] = "2026-11-01"
    port["last_verified"] = "2025-06-01"
    voucher["last_verified"] = "2026-05-01"
    port["sources"] = [dict(ehcv["sources"][0]), {"title": "Copy", "url": "https://www.mirror.example/page", "publisher": "x",
                                                  "date": "undated", "official": False}]
    voucher["sources"] = [{"title": "Old news", "url": "https://news.example/a", "publisher": "News", "date": "2026-03-01",
                           "official": False}]
    root = write_dataset(tmp_path / "data", records)
    (root / DOMAINS_FILE).write_text(DOMAINS, encoding="utf-8")
    return load_dataset(root), read_domains(root / DOMAINS_FILE)


def test_the_report_finds_what_a_curator_should_check(tmp_path: Path) -> None:
    dataset, domains = dataset_with(tmp_path)
    report = curator_report(dataset, domains, date(2026, 12, 2))
    assert report.by_age["under-3-months"] == [("ehcv-test", date(2026, 11, 1))]
    assert report.by_age["6-to-12-months"] == [("voucher-test", date(2026, 5, 1))]
    assert report.by_age["over-12-months"] == [("port-test", date(2025, 6, 1))]
    assert [(s.service_id, s.title) for s in report.undated_sources] == [("port-test", "Copy")]
    assert report.unofficial_only == ["voucher-test"]
    assert [(s.service_id, d.domain) for s, d in report.flagged_sources] == [("port-test", "mirror.example")]
    assert report.shared_urls == {"https://example.org/source": ["ehcv-test", "port-test"]}
    assert report.stale_announced == [("voucher-test", date(2026, 3, 1))]
    data = report.to_json()
    assert data["flagged_sources"][0]["kind"] == "mirror"
    assert data["stale_announced"] == [{"id": "voucher-test", "newest_source": "2026-03-01"}]


def test_a_recent_announcement_is_not_stale(tmp_path: Path) -> None:
    dataset, domains = dataset_with(tmp_path)
    assert curator_report(dataset, domains, date(2026, 4, 1)).stale_announced == []


def test_domains_match_themselves_and_subdomains_only() -> None:
    domain = FlaggedDomain("mirror.example", "mirror", "r")
    assert domain.matches("mirror.example") and domain.matches("m.mirror.example")
    assert not domain.matches("notmirror.example")
    assert host_of("https://WWW.Example.org:8080/x") == "www.example.org"
    assert host_of("http://[bad") == ""


def test_age_buckets() -> None:
    assert [age_bucket(d) for d in (0, 90, 91, 182, 183, 364, 365)] == [
        "under-3-months", "under-3-months", "3-to-6-months", "3-to-6-months", "6-to-12-months", "6-to-12-months",
        "over-12-months",
    ]


def test_a_bad_domain_list_gives_problems_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / DOMAINS_FILE
    path.write_text('version = 1\n[[domains]]\ndomain = "Bad/Host"\nkind = "spam"\n', encoding="utf-8")
    result = read_domains(path)
    messages = " ".join(str(p) for p in result.problems)
    assert "lowercase host name" in messages and "must be one of: mirror, aggregator" in messages and "must say why" in messages
    assert result.domains == []
    path.write_text("[[domains", encoding="utf-8")
    assert "not valid TOML" in str(read_domains(path).problems[0])
    assert read_domains(tmp_path / "absent.toml").domains == []


def test_the_bundled_domain_list_is_valid_and_every_entry_has_a_reason() -> None:
    result = read_domains(bundled_data_path() / DOMAINS_FILE)
    assert result.problems == []
    assert len(result.domains) >= 20
    report = curator_report(load_dataset(), result, date(2026, 12, 2))
    assert any(d.domain == "government-world.com" for _, d in report.flagged_sources)
