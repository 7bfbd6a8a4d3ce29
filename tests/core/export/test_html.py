"""The print-ready HTML export: one self-contained page, everything escaped, tick boxes, print CSS, CJK fonts."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.export.html import checklist_to_html
from hkqh_tui.core.language.text import Text
from tests.factories import service_record, write_dataset

TODAY = date(2026, 11, 24)
HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> " \' & </div>'


class Page(HTMLParser):
    """Every tag with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    return page


@pytest.fixture
def dataset(tmp_path):
    records = [
        service_record(
            "voucher",
            title={"zh-Hant": "長者醫療券 " + HOSTILE, "en": "Elderly voucher"},
            costs=[{"zh-Hant": "每年2,000港元，不適用於住院", "en": "HK$2,000 a year; not for in-patient care"}],
            contacts=[{"name": {"zh-Hant": "辦事處", "en": "Office"}, "phone": "+852 0000 0000",
                       "website": "https://example.org/a?x=<b>&y=\"z", "source": "https://example.org/source"}],
        ),
        service_record("port", title={"zh-Hant": "深圳灣口岸", "en": "Shenzhen Bay Port"}, contacts=[]),
    ]
    return load_dataset(write_dataset(tmp_path / "data", records))


@pytest.fixture
def checklist():
    return (
        Checklist.new("阿媽 <script>x</script>")
        .with_service("voucher")
        .with_service("port")
        .with_tick("voucher", "steps", "到服務點登記")
        .with_note("voucher", "帶埋老花鏡\n" + HOSTILE)
    )


def test_one_self_contained_page_with_everything_escaped(dataset, checklist):
    document = checklist_to_html(checklist, dataset, "hant", today=TODAY)
    page = parse(document)
    tag_names = [tag for tag, _ in page.tags]
    assert document.startswith("<!DOCTYPE html>") and tag_names.count("html") == 1
    assert "script" not in tag_names and "img" not in tag_names and "link" not in tag_names
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert all(attrs.get("href", "https://").startswith("https://") for _, attrs in page.tags)
    assert HOSTILE.split()[0] in page.plain, "the hostile text is shown as text"
    assert 'href="https://example.org/a?x=%3Cb%3E&amp;y=%22z"' in document


def test_only_web_addresses_become_links():
    from hkqh_tui.core.export.html import _link

    assert _link("x", "javascript:alert(1)") == "x (javascript:alert(1))"
    assert _link("<b>", "https://a.example/") == '<a href="https://a.example/">&lt;b&gt;</a>'


def test_complete_with_tick_boxes(dataset, checklist):
    page = parse(checklist_to_html(checklist, dataset, "hant", today=TODAY))
    boxes = [attrs for tag, attrs in page.tags if tag == "span" and "box" in (attrs.get("class") or "")]
    assert len(boxes) == 1 + 2  # one document (listed once), one step per service
    assert [b["aria-checked"] for b in boxes] == ["false", "true", "false"]
    for words in ("所需文件總表", "香港身份證", "用於：", "資格", "年滿65歲", "步驟", "費用及金額", "每年2,000港元，不適用於住院",
                  "聯絡", "電話：+852 0000 0000", "備註", "帶埋老花鏡", "資料來源：", "最後核實：2026-11-24", "官方"):
        assert words in page.plain, words
    assert page.plain.count("香港身份證") == 1


def test_print_css_fonts_and_language(dataset, checklist):
    for script, lang, font in (("hant", "zh-Hant-HK", "Noto Sans CJK TC"), ("hans", "zh-Hans-CN", "Noto Sans CJK SC"),
                               ("en", "en", "Noto Sans CJK TC")):
        document = checklist_to_html(checklist, dataset, script, today=TODAY)
        assert f'<html lang="{lang}">' in document
        assert "@media print" in document and "@page" in document and "break-inside: avoid" in document and "break-after: avoid" in document
        assert font in document and '<meta charset="utf-8">' in document
    assert "导出日期" in checklist_to_html(checklist, dataset, "hans", today=TODAY)


def test_reasons_under_their_service(dataset, checklist):
    reasons = {"port": [Text("你經常北上", "You often cross the border")]}
    plain = parse(checklist_to_html(checklist, dataset, "en", today=TODAY, reasons=reasons)).plain
    port = plain.split("2. Shenzhen Bay Port", 1)[1]
    assert "Why this is here You often cross the border" in port
    assert "Why this is here" not in parse(checklist_to_html(checklist, dataset, "en", today=TODAY)).plain


def test_empty_checklist(dataset):
    plain = parse(checklist_to_html(Checklist.new("我"), dataset, "en", today=TODAY)).plain
    assert "Checklist: 我" in plain and "This checklist has no services yet." in plain
