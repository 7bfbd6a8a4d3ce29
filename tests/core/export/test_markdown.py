"""The Markdown export, parsed with a real Markdown parser: headings, task items and ticks, links, escaping."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.export.markdown import checklist_to_markdown, escape_markdown, link, note_block
from hkqh_tui.core.language.text import Text
from tests.factories import service_record, write_dataset

TODAY = date(2026, 11, 24)
# GitHub-flavoured: CommonMark + tables, strikethrough, task lists, and GitHub's $math$.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(tasklists_plugin).use(dollarmath_plugin)

HKID = {"zh-Hant": "香港身份證", "en": "Hong Kong identity card"}
PERMIT = {"zh-Hant": "回鄉證", "en": "Home Return Permit"}
STRUCTURE = {
    "heading_open", "bullet_list_open", "ordered_list_open", "fence", "code_block", "html_block", "table_open",
    "hr", "blockquote_open", "math_block",
}
INLINE_STRUCTURE = {"link_open", "image", "code_inline", "html_inline", "em_open", "strong_open", "s_open", "math_inline"}


@pytest.fixture
def dataset(tmp_path):
    records = [
        service_record(
            "svc-a",
            title={"zh-Hant": "長者醫療券", "en": "Elderly voucher"},
            documents=[HKID, PERMIT],
            steps=[{"zh-Hant": "登記", "en": "Register"}, {"zh-Hant": "使用", "en": "Use it"}],
            contacts=[
                {
                    "name": {"zh-Hant": "港大深圳醫院", "en": "HKU-SZH"},
                    "address": {"zh-Hant": "深圳市福田區海園一路1號", "en": "1 Haiyuan 1st Road"},
                    "hours": {"zh-Hant": "星期一至五", "en": "Mon-Fri"},
                    "phone": "+86 755 8691 3388",
                    "website": "https://www.hku-szh.org/",
                    "source": "https://example.org/source",
                }
            ],
            sources=[
                {"title": "Press release", "url": "https://example.org/source", "publisher": "HKSAR Government",
                 "date": "2025-08-18", "official": True},
                {"title": "News [report] (2)", "url": "https://news.example.com/a_(b)?q=1&r=2", "publisher": "A paper",
                 "date": "undated", "official": False},
            ],
        ),
        service_record(
            "svc-b",
            title={"zh-Hant": "深圳灣口岸", "en": "Shenzhen Bay Port"},
            documents=[PERMIT],
            steps=[],
            contacts=[],
        ),
    ]
    return load_dataset(write_dataset(tmp_path / "data", records))


@pytest.fixture
def checklist():
    return (
        Checklist.new("阿媽 🏠")
        .with_service("svc-a")
        .with_service("svc-b")
        .with_service("retired", Text("已停辦服務", "Retired service"))
        .with_tick("svc-a", "documents", "回鄉證")
        .with_tick("svc-a", "steps", "登記")
        .with_tick("svc-b", "documents", "回鄉證")
        .with_note("svc-a", "帶埋老花鏡\n預早一日訂車")
        .with_note("retired", "問社工")
    )


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def tasks(tokens: list[Token]) -> list[tuple[bool, str]]:
    """(ticked, text) of every task-list item."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open" and tok.attrs.get("class") == "task-list-item":
            inline = next(t for t in tokens[i:] if t.type == "inline")
            box, *rest = inline.children
            found.append(('checked="checked"' in box.content, "".join(c.content for c in rest).strip()))
    return found


def links(tokens: list[Token]) -> list[tuple[str, str]]:
    found = []
    for tok in tokens:
        children = tok.children or []
        for i, child in enumerate(children):
            if child.type == "link_open":
                found.append((children[i + 1].content, child.attrs["href"]))
    return found


def test_structure_in_traditional_chinese(dataset, checklist):
    markdown = checklist_to_markdown(checklist, dataset, "hant", today=TODAY)
    tokens = MD.parse(markdown)
    assert headings(tokens) == [
        ("h1", "清單：阿媽 🏠"),
        ("h2", "所需文件總表"),
        ("h2", "1. 長者醫療券"),
        ("h3", "資格"),
        ("h3", "步驟"),
        ("h3", "聯絡"),
        ("h3", "備註"),
        ("h2", "2. 深圳灣口岸"),
        ("h3", "資格"),
        ("h2", "3. 已停辦服務"),
        ("h3", "備註"),
    ]
    assert f"匯出日期：2026-11-24 · 資料集版本：{dataset.version} · 進度：3/5" in markdown
    assert "狀態：運作中 · 最後核實：2026-11-24 · 進度：2/4" in markdown
    assert "此服務已不在資料集內" in markdown and "服務編號：retired" in markdown
    assert tasks(tokens) == [
        # every document once, first, with the services that need it
        (False, "香港身份證 — 用於：長者醫療券"),
        (True, "回鄉證 — 用於：長者醫療券、深圳灣口岸"),
        (True, "登記"),
        (False, "使用"),
    ]
    assert markdown.count("回鄉證") == 1, "a document is listed once"
    assert "所需文件：2 份，見上方「所需文件總表」" in markdown
    # one short source line per service: the official source, with how many more there are
    assert links(tokens) == [
        ("網站", "https://www.hku-szh.org/"),
        ("HKSAR Government, 2025-08-18", "https://example.org/source"),
        ("Test publisher, 2025-08-18", "https://example.org/source"),
    ]
    assert "資料來源：[HKSAR Government, 2025-08-18](https://example.org/source)（官方） · 另有 1 項來源：hkqh show svc-a" in markdown
    assert "- 港大深圳醫院 · 地址：深圳市福田區海園一路1號 · 辦公時間：星期一至五 · 電話：+86 755 8691 3388 · [網站](https://www.hku-szh.org/)" in markdown
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_complete_for_the_person_who_receives_it(tmp_path):
    records = [
        service_record(
            "voucher",
            eligibility=[{"zh-Hant": "年滿65歲", "en": "Aged 65 or over"}],
            costs=[{"zh-Hant": "每年2,000港元", "en": "HK$2,000 a year; balance capped at HK$8,000"},
                   {"zh-Hant": "不適用於住院", "en": "Not for in-patient care"}],
        )
    ]
    dataset = load_dataset(write_dataset(tmp_path / "data", records))
    checklist = Checklist.new("Mum").with_service("voucher")
    english = checklist_to_markdown(checklist, dataset, "en", today=TODAY)
    for expected in ("### Eligibility", "- Aged 65 or over", "### Costs and amounts",
                     "- HK$2,000 a year; balance capped at HK$8,000", "- Not for in-patient care", "Last verified: "):
        assert expected in english.replace("HK\\$", "HK$")
    assert "HK$2,000 a year;" not in english, "two $ that could pair up as math are escaped"
    assert "\\#" not in english and "\\-" not in english and "\\_" not in english
    tokens = MD.parse(english)
    assert not any(t.type == "math_inline" for tok in tokens for t in (tok.children or []))


def test_reasons_are_printed_under_their_service(dataset, checklist):
    reasons = {"svc-a": [Text("你年滿65歲", "You are 65 or over")], "svc-b": []}
    markdown = checklist_to_markdown(checklist, dataset, "en", today=TODAY, reasons=reasons)
    section = markdown.split("## 1. Elderly voucher", 1)[1].split("## 2.", 1)[0]
    assert "### Why this is here\n\n- You are 65 or over" in section
    assert markdown.count("Why this is here") == 1
    assert "Why this is here" not in checklist_to_markdown(checklist, dataset, "en", today=TODAY)


def test_few_urls_inline(tmp_path):
    sources = [{"title": f"Source {i}", "url": f"https://example.org/{i}", "publisher": "P", "date": "2025-01-01",
                "official": i == 3} for i in range(6)]
    dataset = load_dataset(write_dataset(tmp_path / "data", [service_record("many", sources=sources, contacts=[])]))
    markdown = checklist_to_markdown(Checklist.new("x").with_service("many"), dataset, "en", today=TODAY)
    assert markdown.count("https://") == 1 and "https://example.org/3" in markdown
    assert "5 more sources: hkqh show many" in markdown


def test_note_lines_are_kept(dataset, checklist):
    tokens = MD.parse(checklist_to_markdown(checklist, dataset, "hant", today=TODAY))
    quote = tokens.index(next(t for t in tokens if t.type == "blockquote_open"))
    inline = tokens[quote + 2]
    assert [(c.type, c.content) for c in inline.children] == [("text", "帶埋老花鏡"), ("hardbreak", ""), ("text", "預早一日訂車")]


def test_english_and_simplified(dataset, checklist):
    english = checklist_to_markdown(checklist, dataset, "en", today=TODAY)
    assert [h for _, h in headings(MD.parse(english))][:4] == [
        "Checklist: 阿媽 🏠", "All documents to prepare", "1. Elderly voucher", "Eligibility",
    ]
    assert "(True, 'Home Return Permit — Needed for: Elderly voucher, Shenzhen Bay Port')" in str(tasks(MD.parse(english)))
    assert "This service is no longer in the dataset" in english and "Retired service" in english
    simplified = checklist_to_markdown(checklist, dataset, "hans", today=TODAY)
    hans_headings = [h for _, h in headings(MD.parse(simplified))]
    assert hans_headings[1:3] == ["所需材料汇总", "1. 长者医疗券"]
    assert hans_headings[0] == "清单：阿媽 🏠"  # the person's own name is kept as typed
    assert "深圳湾口岸" in simplified and "香港身份证" in simplified
    assert "导出日期" in simplified and "汇出" not in simplified


def test_empty_checklist(dataset):
    markdown = checklist_to_markdown(Checklist.new("我"), dataset, "en", today=TODAY)
    tokens = MD.parse(markdown)
    assert headings(tokens) == [("h1", "Checklist: 我")]
    assert "This checklist has no services yet." in markdown and "Progress: 0/0" in markdown
    assert tasks(tokens) == []


HOSTILE_NOTES = [
    "# Heading\n## another",
    "- item\n* item\n+ item\n1. one\n2) two",
    "[link](https://evil.example) ![img](x.png) <https://auto.example> [ref]\n\n[ref]: https://evil.example",
    "<script>alert(1)</script>\n<div>\n<b>bold</b> &amp; &#60; &lt;",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode fence\n```\n~~~\nother fence\n~~~",
    "    indented code\n\tand a tab",
    "> quote\n>> nested",
    "*em* **strong** _em_ __strong__ ~~strike~~ `code` $x^2$ $$\nmath\n$$",
    "line\n===\nline\n---\n***\n___",
    "- [ ] fake task\n- [x] fake done",
    "trailing backslash \\\nnext\\",
    "NUL\x00 and ESC\x1b[31m and bell\x07 and CR\r\nend",
    "\n\n\nlots of blank lines\n\n\n\nbetween\n\n",
    "[^1] footnote\n\n[^1]: the note",
    "<!-- comment -->\n<?php ?>\n<![CDATA[x]]>",
]


def note_section(tokens: list[Token]) -> list[Token]:
    """The tokens between the note heading and the source line (or the next heading)."""
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "備註") + 2
    for end in range(start, len(tokens)):
        if tokens[end].type == "heading_open":
            break
        if tokens[end].type == "inline" and tokens[end].content.startswith("資料來源"):
            end -= 1  # the source line's paragraph_open
            break
    return tokens[start:end]


def expected_paragraphs(note: str) -> list[str]:
    note = note.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    cleaned = "".join(c for c in note if c == "\n" or c >= " " and not "\x7f" <= c <= "\x9f")
    paragraphs, current = [], []
    for line in cleaned.split("\n"):
        line = " ".join(line.split())
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def rendered_paragraphs(section: list[Token]) -> list[str]:
    paragraphs = []
    for tok in section:
        if tok.type == "inline":
            paragraphs.append("".join("\n" if c.type in ("hardbreak", "softbreak") else c.content for c in tok.children))
    return paragraphs


def assert_note_is_plain_text(markdown: str, note: str) -> None:
    tokens = MD.parse(markdown)
    section = note_section(tokens)
    types = [t.type for t in section]
    assert types[0] == "blockquote_open" and types[-1] == "blockquote_close", types
    assert set(types) <= {"blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close", "inline"}, types
    for tok in section:
        for child in tok.children or []:
            assert child.type in ("text", "hardbreak", "softbreak"), (child.type, child.content)
    assert rendered_paragraphs(section) == expected_paragraphs(note)


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_hostile_notes_cannot_break_the_structure(dataset, note):
    checklist = Checklist.new("我").with_service("svc-b").with_note("svc-b", note)
    markdown = checklist_to_markdown(checklist, dataset, "hant", today=TODAY)
    assert_note_is_plain_text(markdown, note)
    tokens = MD.parse(markdown)
    assert [h for _, h in headings(tokens)] == ["清單：我", "所需文件總表", "1. 深圳灣口岸", "資格", "備註"]
    assert len(tasks(tokens)) == 1
    assert [href for _, href in links(tokens)] == ["https://example.org/source"]


MARKDOWN_ALPHABET = st.text(alphabet=st.sampled_from(list("#-+*_=>`~|[]()!<>&$\\:;.1) \n\tab中文😀\u3000\u00a0")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(note=MARKDOWN_ALPHABET)
def test_any_note_renders_as_exactly_its_text(note):
    markdown = "### 備註\n\n" + "\n".join(note_block(note)) + "\n\n## end\n"
    if not expected_paragraphs(note):
        assert note_block(note) == []
        return
    assert_note_is_plain_text(markdown, note)


@settings(max_examples=300, deadline=None)
@given(text=MARKDOWN_ALPHABET)
def test_escaped_text_renders_as_its_text_in_every_position(text):
    escaped = escape_markdown(text)
    expected = " ".join(text.replace("\t", " ").split())
    if not expected:
        assert escaped == ""
        return
    for document in (escaped, f"## {escaped}", f"- {escaped}", f"- [ ] {escaped}", f"> {escaped}"):
        tokens = MD.parse(document + "\n")
        inlines = [t for t in tokens if t.type == "inline"]
        assert len(inlines) == 1, (document, [t.type for t in tokens])
        children = [c for c in inlines[0].children if not c.content.startswith("<input")]
        assert all(c.type == "text" for c in children), (document, [(c.type, c.content) for c in children])
        assert "".join(c.content for c in children).strip() == expected, document


def test_escape_markdown_examples():
    assert escape_markdown("香港身份證（正本）") == "香港身份證（正本）"
    # Only where Markdown would misread: no needless escapes in the raw text.
    for plain in ("HK$2,000 a year", "C# and F#", "snake_case_name", "a | b", "1.5 萬", "#1 choice", "~2 小時",
                  "A&B", "2+3=5", "100%", "a - b", "(x)", "問題?", "a > b", "https://www.gov.hk/a_b"):
        assert escape_markdown(plain) == plain, plain
    assert escape_markdown("# 標題") == "\\# 標題"
    assert escape_markdown("標題 #") == "標題 \\#"
    assert escape_markdown("*x* [a](b) <i> ` \\") == "\\*x\\* \\[a\\](b) \\<i> \\` \\\\"
    assert escape_markdown("HK$2 to HK$8") == "HK\\$2 to HK\\$8"
    assert escape_markdown("~~x~~") == "\\~\\~x\\~\\~"
    assert escape_markdown("_em_") == "\\_em\\_"
    assert escape_markdown("&amp; &#60;") == "\\&amp; \\&#60;"
    assert escape_markdown("|---|---|") == "\\|---\\|---\\|"
    assert escape_markdown("- a") == "\\- a"
    assert escape_markdown("---") == "\\---"
    assert escape_markdown("===") == "\\==="
    assert escape_markdown("> a") == "\\> a"
    assert escape_markdown("12. a") == "12\\. a"
    assert escape_markdown("3) a") == "3\\) a"
    assert escape_markdown("  two\nlines  ") == "two lines"
    assert escape_markdown("a\x00b\x1bc") == "abc"
    assert escape_markdown("bad \udcff") == "bad \ufffd"


def test_links_only_for_web_addresses():
    assert link("官方網頁", "https://www.gov.hk/a b") == "官方網頁 (https://www.gov.hk/a b)"
    assert link("x", "javascript:alert(1)") == "x (javascript:alert(1))"
    assert link("x", "https://a.example/(b)") == "[x](https://a.example/%28b%29)"
    assert link("", "https://a.example/") == "[https://a.example/](https://a.example/)"
