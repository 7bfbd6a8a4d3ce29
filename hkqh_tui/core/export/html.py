"""A checklist as one self-contained HTML page, ready to print: the same content as the Markdown export
(:mod:`hkqh_tui.core.export.content`), tick boxes drawn in CSS, a font stack that has Chinese glyphs on every common
system, and print rules (A4 margins, headings kept with what follows, no item cut across pages, each link's address printed after
it).

Every text from the dataset or the person is HTML-escaped; only http(s) addresses become links. The page loads
nothing from outside (no scripts, fonts or images).
"""

from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import quote

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.dataset.model import Dataset
from hkqh_tui.core.export.content import ExportContent, Reasons, ServiceBlock, Task, build_content, colon
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import heading, stale_warning

_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_URL_SAFE = "/:?#[]@!$&'*+,;=%-._~"

LANG = {"hant": "zh-Hant-HK", "hans": "zh-Hans-CN", "en": "en"}
_CJK_FONTS = {
    "hant": '"PingFang HK", "PingFang TC", "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", '
            '"Microsoft JhengHei", "Heiti TC"',
    "hans": '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", '
            '"Heiti SC"',
}

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, FONTS, sans-serif;
       font-size: 11pt; line-height: 1.55; color: #111; background: #fff; max-width: 46em; margin: 2em auto;
       padding: 0 1.2em; }
h1 { font-size: 1.7em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .3em; padding-bottom: .15em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1em; margin: 1em 0 .2em; }
p { margin: .35em 0; }
ul { margin: .2em 0 .4em; padding-left: 1.4em; }
ul.tasks { list-style: none; padding-left: 0; }
ul.tasks li { display: flex; gap: .55em; align-items: flex-start; margin: .25em 0; }
.box { flex: none; display: inline-block; width: 1em; height: 1em; margin-top: .28em; border: 1.5px solid #333;
       border-radius: 2px; position: relative; }
.box.done::after { content: "✓"; position: absolute; left: .08em; top: -.32em; font-size: 1.05em; font-weight: bold; }
li.done .text { color: #555; }
.meta, .detail, .source { color: #444; font-size: .92em; }
.detail { display: block; }
.warning { color: #8a4b00; font-weight: bold; }
.note { border-left: 3px solid #999; margin: .3em 0; padding: .1em .8em; white-space: pre-wrap; }
li, .note, .source, .meta { break-inside: avoid; page-break-inside: avoid; }
a { color: #0645ad; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: #111; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: #444; overflow-wrap: anywhere; }
  h2, h3 { break-after: avoid-page; page-break-after: avoid; }
  section.service + section.service { break-before: auto; }
}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _link(text: str, url: str) -> str:
    url = url.strip()
    if not _URL.match(url):
        return _e(f"{text} ({url})" if url else text)
    return f'<a href="{_e(quote(url, safe=_URL_SAFE))}">{_e(text or url)}</a>'


def _tasks(tasks: tuple[Task, ...]) -> list[str]:
    lines = ['<ul class="tasks">']
    for task in tasks:
        done = " done" if task.ticked else ""
        detail = f'<span class="detail">{_e(task.detail)}</span>' if task.detail else ""
        lines.append(
            f'<li class="task{done}"><span class="box{done}" role="checkbox" aria-checked="{str(task.ticked).lower()}">'
            f'</span><span class="text">{_e(task.text) or "—"}{detail}</span></li>'
        )
    lines.append("</ul>")
    return lines


def _bullets(title: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return []
    return [f"<h3>{_e(title)}</h3>", "<ul>", *(f"<li>{_e(item)}</li>" for item in items), "</ul>"]


def _service(number: int, block: ServiceBlock, content: ExportContent) -> list[str]:
    script = content.script
    lines = ['<section class="service">', f"<h2>{number}. {_e(block.title)}</h2>"]
    if not block.listed:
        lines.append(f'<p class="warning">⚠ {_e(content.label("no_longer_listed"))}</p>')
        lines.append(f'<p class="meta">{_e(content.labelled("service_id", block.service_id))}</p>')
    else:
        meta = " · ".join(_e(part) for part in block.meta)
        if block.stale:
            meta += f' <span class="warning">⚠ {_e(stale_warning(script))}</span>'
        lines.append(f'<p class="meta">{meta}</p>')
        if block.summary:
            lines.append(f"<p>{_e(block.summary)}</p>")
    lines.extend(_bullets(content.label("why_here"), block.reasons))
    lines.extend(_bullets(content.label("eligibility"), block.eligibility))
    if block.documents:
        lines.append(f'<p class="meta">{_e(heading("documents_in_list", script).format(count=block.documents))}</p>')
    if block.steps:
        lines.append(f"<h3>{_e(content.label('steps'))}</h3>")
        lines.extend(_tasks(block.steps))
    lines.extend(_bullets(content.label("costs"), block.costs))
    if block.contacts:
        lines.append(f"<h3>{_e(content.label('contacts'))}</h3>")
        lines.append("<ul>")
        for contact in block.contacts:
            parts = [f"<strong>{_e(contact.name)}</strong>"]
            parts += [_e(f"{label}{colon(script)}{value}") for label, value in contact.details]
            if contact.website:
                parts.append(_link(content.label("website"), contact.website))
            lines.append("<li>" + " · ".join(parts) + "</li>")
        lines.append("</ul>")
    if block.note:
        lines.append(f"<h3>{_e(content.label('note'))}</h3>")
        lines.append(f'<div class="note">{_e(block.note)}</div>')
    if block.source is not None:
        source = block.source
        kind = f" ({_e(source.kind)})" if script == "en" else f"（{_e(source.kind)}）"
        text = f"{_e(content.label('source'))}{colon(script)}{_link(source.label, source.url)}{kind}"
        if source.more:
            text += " · " + _e(heading("source_more", script).format(count=source.more, id=block.service_id))
        lines.append(f'<p class="source">{text}</p>')
    lines.append("</section>")
    return lines


def checklist_to_html(checklist: Checklist, dataset: Dataset, script: Script, *, today: date | None = None,
                      reasons: Reasons | None = None) -> str:
    """The whole checklist as one self-contained HTML page (ends with a newline).

    ``reasons`` (service id -> why it fits this person) are printed under each service when given.
    """
    content = build_content(checklist, dataset, script, today=today, reasons=reasons)
    fonts = _CJK_FONTS.get(script, _CJK_FONTS["hant"] + ", " + _CJK_FONTS["hans"])
    title = content.labelled("checklist", content.name)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{LANG[script]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta name=\"generator\" content=\"hkqh\">",
        f"<title>{_e(title)}</title>",
        "<style>" + _CSS.replace("FONTS", fonts) + "</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{" · ".join(_e(part) for part in content.meta)}</p>',
        f"<p>{_e(content.intro)}</p>",
        "</header>",
    ]
    if content.documents:
        lines.append('<section class="documents">')
        lines.append(f"<h2>{_e(content.label('combined_documents'))}</h2>")
        lines.extend(_tasks(content.documents))
        lines.append("</section>")
    for number, block in enumerate(content.services, 1):
        lines.extend(_service(number, block, content))
    lines.extend(["</body>", "</html>"])
    return "\n".join(lines) + "\n"
