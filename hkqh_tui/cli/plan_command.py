"""``hkqh plan``: Qianhai's 2026 Action Plan, part by part: each measure, whether it can be used yet, its entries."""

from __future__ import annotations

import argparse

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from hkqh_tui.cli.context import CommandContext, CommandError
from hkqh_tui.core.dataset.model import Dataset
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import SCRIPTS, Script
from hkqh_tui.core.language.ui_text import STATUS_STYLES, pick
from hkqh_tui.core.plan.loading import read_plan_for
from hkqh_tui.core.plan.model import Plan
from hkqh_tui.core.plan.view import (
    AVAILABILITY_LABELS,
    AVAILABILITY_MARKS,
    AVAILABILITY_STYLES,
    MeasureView,
    counts,
    measure_view,
    plan_to_json,
    plan_views,
)
from hkqh_tui.presentation.render import bullet_list, readable_url


def load_plan(context: CommandContext) -> tuple[Plan, Dataset]:
    """The plan that goes with the dataset in use, checked against it; a CommandError lists its problems."""
    dataset = context.dataset
    result = read_plan_for(context.data_path, dataset)
    if result.plan is None:
        lines = [str(p) for p in result.problems[:20]]
        if len(result.problems) > 20:
            lines.append(f"... and {len(result.problems) - 20} more")
        raise CommandError(
            "the plan file could not be loaded:\n  " + "\n  ".join(lines),
            hint="Fix the plan file (see README, 'The 2026 plan'), or drop --data to use the bundled one.",
        )
    return result.plan, dataset


def _status_text(dataset: Dataset, view: MeasureView, script: Script) -> RichText:
    availability = view.availability
    text = RichText(AVAILABILITY_MARKS[availability] + " ", style=AVAILABILITY_STYLES[availability])
    text.append(show(AVAILABILITY_LABELS[availability], script), style=AVAILABILITY_STYLES[availability])
    return text


def _entries_text(dataset: Dataset, view: MeasureView, script: Script) -> RichText:
    text = RichText()
    for position, service in enumerate(view.services):
        if position:
            text.append("\n")
        text.append("→ " + service.id, style="dim")
        label = show(dataset.vocabularies.statuses.label(service.status), script)
        text.append(f" ({label})" if script == "en" else f"（{label}）", style=STATUS_STYLES.get(service.status, ""))
    for service_id in view.missing:
        text.append(("\n" if len(text) else "") + "→ " + service_id + " " + pick(("（不在此資料集）", "(not in this dataset)"), script), style="dim")
    if not view.services and not view.missing:
        text.append(pick(("（未有項目）", "(no entry yet)"), script), style="dim")
    return text


def plan_overview(plan: Plan, dataset: Dataset, script: Script) -> RenderableType:
    """The plan part by part: one row per measure with its availability, title and entries."""
    parts: list[RenderableType] = [RichText(show(plan.title, script), style="bold"), RichText(show(plan.summary, script))]
    tally = counts(plan, dataset)
    summary = RichText()
    for position, availability in enumerate(("usable", "not-yet", "no-entry")):
        if position:
            summary.append("  ·  ")
        summary.append(f"{AVAILABILITY_MARKS[availability]} {show(AVAILABILITY_LABELS[availability], script)}: {tally[availability]}",
                       style=AVAILABILITY_STYLES[availability])
    parts += [summary, RichText("")]
    for part_id, views in plan_views(plan, dataset):
        part = plan.part(part_id)
        assert part is not None
        parts.append(RichText(show(part.title, script), style="bold underline"))
        table = Table(show_header=True, header_style="bold", expand=False, box=None, padding=(0, 1))
        table.add_column(pick(("可用？", "Usable?"), script), no_wrap=True)
        table.add_column(pick(("措施及其項目", "Measure and its entries"), script), overflow="fold", ratio=1)
        for view in views:
            cell = RichText(show(view.measure.title, script))
            cell.append("\n")
            cell.append_text(_entries_text(dataset, view, script))
            table.add_row(_status_text(dataset, view, script), cell)
        parts += [table, RichText("")]
    parts.append(RichText(pick(("來源：", "Sources:"), script), style="bold"))
    entries = []
    for source in plan.sources:
        line = RichText(source.title)
        line.append(f"\n{source.publisher}, {source.date_label()}", style="dim")
        line.append("\n" + readable_url(source.url), style=f"underline link {source.url}")
        entries.append(line)
    parts.append(bullet_list(entries))
    parts.append(RichText(pick(("用 hkqh plan <措施> 看一項措施，hkqh show <項目> 看服務詳情。",
                                "Use 'hkqh plan <measure>' for one measure and 'hkqh show <entry>' for a service."), script), style="dim"))
    return Group(*parts)


def measure_detail(plan: Plan, dataset: Dataset, view: MeasureView, script: Script) -> RenderableType:
    """One measure: its part, what is known, its sources and the entries that cover or help with it."""
    measure = view.measure
    part = plan.part(measure.part)
    parts: list[RenderableType] = [RichText(show(measure.title, script), style="bold")]
    meta = RichText(f"{measure.id}  ·  ", style="dim")
    meta.append(show(part.title, script) if part else measure.part)
    meta.append("  ·  ")
    meta.append_text(_status_text(dataset, view, script))
    parts += [meta, RichText(""), RichText(pick(("已知：", "What is known:"), script), style="bold underline"),
              RichText(show(measure.known, script)), RichText("")]
    parts.append(RichText(pick(("涵蓋這項措施的項目：", "Entries for this measure:"), script), style="bold underline"))
    if view.services or view.missing:
        parts.append(bullet_list(_entry_line(dataset, s, script) for s in view.services))
        for service_id in view.missing:
            parts.append(RichText(f"  {service_id} " + pick(("（不在此資料集）", "(not in this dataset)"), script), style="dim"))
    else:
        parts.append(RichText(pick(("未有項目：報道沒有提供可以使用的細節。", "No entry yet: the reports give nothing a person can use."), script), style="dim"))
    if view.related:
        parts += [RichText(""), RichText(pick(("相關項目（有幫助，但不是這項措施本身）：", "Related entries (they help, but are not this measure):"), script), style="bold underline"),
                  bullet_list(_entry_line(dataset, s, script) for s in view.related)]
    parts += [RichText(""), RichText(pick(("來源：", "Sources:"), script), style="bold underline")]
    sources = []
    for source_id in measure.sources:
        source = plan.source(source_id)
        if source is not None:
            line = RichText(f"{source.title}\n")
            line.append(f"{source.publisher}, {source.date_label()}\n", style="dim")
            line.append(readable_url(source.url), style=f"underline link {source.url}")
            sources.append(line)
    parts.append(bullet_list(sources))
    return Group(*parts)


def _entry_line(dataset: Dataset, service, script: Script) -> RichText:
    line = RichText(show(service.title, script))
    line.append(f"  {service.id} · ", style="dim")
    line.append(show(dataset.vocabularies.statuses.label(service.status), script), style=STATUS_STYLES.get(service.status, ""))
    return line


def run_plan(args: argparse.Namespace, context: CommandContext) -> int:
    plan, dataset = load_plan(context)
    if args.measure:
        measure = plan.measure(args.measure)
        if measure is None:
            ids = [m.id for m in plan.measures]
            close = [i for i in ids if args.measure.lower() in i][:3]
            hint = f"Did you mean: {', '.join(close)}?" if close else "Run 'hkqh plan' to see every measure id (or --json)."
            raise CommandError(f"no measure has the id {args.measure!r}", hint=hint)
        view = measure_view(measure, dataset)
        if args.json:
            data = plan_to_json(plan, dataset)
            context.print_json(next(m for p in data["parts"] for m in p["measures"] if m["id"] == measure.id))
        else:
            context.out.print(measure_detail(plan, dataset, view, args.script))
        return 0
    if args.json:
        context.print_json(plan_to_json(plan, dataset))
        return 0
    context.out.print(plan_overview(plan, dataset, args.script))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``hkqh plan``."""
    parser = subparsers.add_parser(
        "plan",
        help="the 2026 Action Plan: each measure, whether you can use it yet, its entries",
        description="Qianhai's 2026 Action Plan as the press reported it: its parts and measures, whether each can be "
        "used yet (from the status of its entries) and the entries that cover it.",
    )
    parser.add_argument("measure", nargs="?", help="show one measure in full (its id, as in --json)")
    parser.add_argument("--json", action="store_true", help="print JSON for programs")
    parser.add_argument("--script", choices=SCRIPTS, default="hant",
                        help="language of readable output: hant (default), hans, en")
    parser.set_defaults(func=run_plan)
