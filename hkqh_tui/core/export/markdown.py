"""A checklist as GitHub-flavoured Markdown, to read on a phone, print or share, in the script the person chose.

Layout (see :mod:`hkqh_tui.core.export.content`): a title with the checklist's name; the export date, dataset
version and progress; every document to prepare, each once, as ``- [ ]`` / ``- [x]`` task items; then one section
per service with its status, last-verified date, summary, why it is here, eligibility, steps to tick, costs,
contacts, the person's note and one short source line (one link per service, so the raw text stays readable).

Every text from the dataset or the person goes through :func:`escape_markdown` (or :func:`note_block` for notes):
it can never open a heading, list, link, table, code span or fence, HTML tag or math, and a line break in a note
stays inside the note. Escaping is done only where Markdown would otherwise misread the text, so the raw file reads
cleanly (``HK$2,000``, ``C#``, ``snake_case`` stay as they are).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.dataset.model import Dataset
from hkqh_tui.core.export.content import ExportContent, Reasons, ServiceBlock, Task, build_content, clean, colon
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import heading, stale_warning

_ALWAYS = set("\\`*[]<")
"""Characters escaped wherever they are: each can start a code span, emphasis, link or HTML in any position."""
_ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])( |$)")
_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_URL_SAFE = "/:?#[]@!$&'*+,;=%-._~"
SEPARATOR = " · "


def escape_markdown(text: str, *, pairs_in: str | None = None) -> str:
    """``text`` as one line of Markdown that renders as exactly this text, with no Markdown structure, wherever it
    is put (a paragraph, a heading, a list or task item, a block quote).

    Line breaks and runs of spaces become one space; leading spaces (indented code) are dropped. ``pairs_in`` is
    the whole paragraph the line belongs to, when it has several lines (``$`` and ``~`` pair up across them).
    """
    line = " ".join(clean(text).split())
    if not line:
        return ""
    paragraph = line if pairs_in is None else pairs_in
    could_be_math = paragraph.count("$") >= 2  # $...$ could be math (HK$2,000 alone is left as it is)
    several_tildes = paragraph.count("~") >= 2  # ~x~ strikes through, ~~~ opens a fence
    table_delimiter = "|" in line and "-" in line and set(line) <= set("|-: ")
    out = []
    for index, char in enumerate(line):
        before = line[index - 1] if index else ""
        after = line[index + 1] if index + 1 < len(line) else ""
        if (
            char in _ALWAYS
            or (char == "_" and not (before.isalnum() and after.isalnum()))
            or (char == "&" and _ENTITY.match(line, index))
            or (char == "$" and could_be_math)
            or (char == "~" and several_tildes)
            or (char == "|" and table_delimiter)
            or (char == "#" and _closes_heading(line, index))
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    return _escape_block_start("".join(out))


def _closes_heading(line: str, index: int) -> bool:
    """True for a ``#`` that starts the line's run of ``#`` (an ATX heading) or ends it after a space (a heading's
    closing sequence, which Markdown would drop)."""
    start = index
    while start > 0 and line[start - 1] == "#":
        start -= 1
    end = index
    while end < len(line) and line[end] == "#":
        end += 1
    if start == 0 and (end == len(line) or line[end] == " "):
        return True
    return end == len(line) and start > 0 and line[start - 1] == " "


def _escape_block_start(line: str) -> str:
    first = line[0]
    if first in "-+" and (len(line) == 1 or line[1] == " " or set(line) <= {"-", " "}):
        return "\\" + line  # a list item, a thematic break or a setext underline
    if first == "=" and set(line) <= {"=", " "}:
        return "\\" + line  # a setext underline
    if first == ">":
        return "\\" + line  # a block quote
    ordered = _ORDERED.match(line)
    if ordered:
        digits = ordered.group(1)
        return digits + "\\" + line[len(digits):]
    return line


def note_block(note: str) -> list[str]:
    """A person's note as block-quote lines: its line breaks kept (hard breaks), blank lines as paragraph breaks."""
    raw: list[list[str]] = [[]]
    for raw_line in clean(note).split("\n"):
        if raw_line.strip():
            raw[-1].append(raw_line)
        elif raw[-1]:
            raw.append([])
    paragraphs = []
    for raw_paragraph in (p for p in raw if p):
        whole = "\n".join(raw_paragraph)
        paragraphs.append([escape_markdown(line, pairs_in=whole) for line in raw_paragraph])
    lines: list[str] = []
    for paragraph in (p for p in paragraphs if p):
        if lines:
            lines.append(">")
        lines.extend(f"> {line}\\" for line in paragraph[:-1])
        lines.append(f"> {paragraph[-1]}")
    return lines


def link(text: str, url: str) -> str:
    """A Markdown link with escaped text; a URL that is not http(s) is shown as text, not linked."""
    label = escape_markdown(text) or escape_markdown(url)
    url = url.strip()
    if not _URL.match(url):
        return f"{label} ({escape_markdown(url)})" if url else label
    return f"[{label}]({quote(url, safe=_URL_SAFE)})"


def _task(task: Task) -> str:
    line = f"- [{'x' if task.ticked else ' '}] {escape_markdown(task.text) or '—'}"
    if task.detail:
        line += f" — {escape_markdown(task.detail)}"
    return line


def _subsection(title: str, body: list[str]) -> list[str]:
    return ["", f"### {escape_markdown(title)}", "", *body] if body else []


def _bullets(items: tuple[str, ...]) -> list[str]:
    return [f"- {escape_markdown(item) or '—'}" for item in items]


def _service_section(number: int, block: ServiceBlock, content: ExportContent) -> list[str]:
    script = content.script
    lines = ["", f"## {number}. {escape_markdown(block.title)}", ""]
    if not block.listed:
        lines.append("⚠ " + escape_markdown(content.label("no_longer_listed")))
        lines.append("")
        lines.append(escape_markdown(content.labelled("service_id", block.service_id)))
    else:
        meta = SEPARATOR.join(escape_markdown(part) for part in block.meta)
        if block.stale:
            meta += "  ⚠ " + escape_markdown(stale_warning(script))
        lines.append(meta)
        if block.summary:
            lines.extend(["", escape_markdown(block.summary)])
    lines.extend(_subsection(content.label("why_here"), _bullets(block.reasons)))
    lines.extend(_subsection(content.label("eligibility"), _bullets(block.eligibility)))
    if block.documents:
        lines.extend(["", escape_markdown(heading("documents_in_list", script).format(count=block.documents))])
    lines.extend(_subsection(content.label("steps"), [_task(step) for step in block.steps]))
    lines.extend(_subsection(content.label("costs"), _bullets(block.costs)))
    contact_lines = []
    for contact in block.contacts:
        parts = [escape_markdown(contact.name)]
        parts += [escape_markdown(f"{label}{colon(script)}{value}") for label, value in contact.details]
        if contact.website:
            parts.append(link(content.label("website"), contact.website))
        contact_lines.append("- " + SEPARATOR.join(parts))
    lines.extend(_subsection(content.label("contacts"), contact_lines))
    if block.note:
        lines.extend(_subsection(content.label("note"), note_block(block.note)))
    if block.source is not None:
        source = block.source
        text = f"{escape_markdown(content.label('source'))}{colon(script)}{link(source.label, source.url)}"
        text += f" ({escape_markdown(source.kind)})" if script == "en" else f"（{escape_markdown(source.kind)}）"
        if source.more:
            more = heading("source_more", script).format(count=source.more, id=block.service_id)
            text += SEPARATOR + escape_markdown(more)
        lines.extend(["", text])
    return lines


def checklist_to_markdown(checklist: Checklist, dataset: Dataset, script: Script, *, today: date | None = None,
                          reasons: Reasons | None = None) -> str:
    """The whole checklist as a GitHub-flavoured Markdown document (ends with a newline).

    ``reasons`` (service id -> why it fits this person) are printed under each service when given.
    """
    content = build_content(checklist, dataset, script, today=today, reasons=reasons)
    lines = [
        f"# {escape_markdown(content.labelled('checklist', content.name))}",
        "",
        SEPARATOR.join(escape_markdown(part) for part in content.meta),
        "",
        escape_markdown(content.intro),
    ]
    if content.documents:
        lines.extend(["", f"## {escape_markdown(content.label('combined_documents'))}", ""])
        lines.extend(_task(document) for document in content.documents)
    for number, block in enumerate(content.services, 1):
        lines.extend(_service_section(number, block, content))
    return "\n".join(lines) + "\n"
