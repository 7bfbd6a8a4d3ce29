"""``hkqh data report``: what a curator should look at next in the dataset."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from hkqh_tui.cli.context import CommandContext
from hkqh_tui.core.dataset.location import DOMAINS_FILE, bundled_data_path, chosen_data_path

if TYPE_CHECKING:
    from hkqh_tui.core.dataset.report import CuratorReport

AGE_TITLES = {
    "under-3-months": "under 3 months",
    "3-to-6-months": "3 to 6 months",
    "6-to-12-months": "6 to 12 months",
    "over-12-months": "over 12 months",
}


def _heading(context: CommandContext, title: str, count: int) -> None:
    from rich.text import Text as RichText

    context.out.print()
    context.out.print(RichText(f"{title} ({count})", style="bold underline"))


def _none(context: CommandContext) -> None:
    from rich.text import Text as RichText

    context.out.print(RichText("  none", style="dim"))


def print_report(context: CommandContext, report: CuratorReport) -> None:
    """The report as readable text; everything from the dataset is printed literally."""
    from rich.table import Table
    from rich.text import Text as RichText

    from hkqh_tui.core.dataset.report import ANNOUNCED_STALE_DAYS
    from hkqh_tui.presentation.render import readable_url

    out = context.out
    out.print(RichText(f"Curator report for {context.dataset.origin} · {len(context.dataset.services)} entries · {report.today}", style="bold"))
    _heading(context, "Entries by age of last_verified", len(context.dataset.services))
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 1))
    table.add_column("age", no_wrap=True)
    table.add_column("entries", justify="right", no_wrap=True)
    table.add_column("oldest first", overflow="fold")
    for bucket, rows in report.by_age.items():
        listed = ", ".join(f"{i} ({d})" for i, d in rows[:8]) + (f", … {len(rows) - 8} more" if len(rows) > 8 else "")
        table.add_row(AGE_TITLES[bucket], str(len(rows)), RichText(listed))
    out.print(table)

    _heading(context, "Undated sources", len(report.undated_sources))
    for source in report.undated_sources:
        out.print(RichText(f"  {source.service_id}: {source.title}", overflow="fold"))
    if not report.undated_sources:
        _none(context)

    _heading(context, "Entries whose sources are all non-official", len(report.unofficial_only))
    out.print(RichText("  " + ", ".join(report.unofficial_only), overflow="fold") if report.unofficial_only else RichText("  none", style="dim"))

    _heading(context, "Sources on mirror or aggregator domains", len(report.flagged_sources))
    for source, domain in report.flagged_sources:
        # URLs are never wrapped (a terminal or a file then keeps them whole, ready to copy).
        out.print(RichText(f"  {source.service_id}: {domain.domain} ({domain.kind})"), soft_wrap=True)
        out.print(RichText(f"    {readable_url(source.url)}", style="dim"), soft_wrap=True)
        out.print(RichText(f"    {domain.reason}", style="dim"), overflow="fold")
    if not report.flagged_sources:
        _none(context)

    _heading(context, "URLs cited by several entries", len(report.shared_urls))
    for url, ids in report.shared_urls.items():
        out.print(RichText(f"  {len(ids)}× {readable_url(url)}"), soft_wrap=True)
        out.print(RichText(f"     {', '.join(ids)}"), overflow="fold")
    if not report.shared_urls:
        _none(context)

    _heading(context, f"Announced measures with no source newer than {ANNOUNCED_STALE_DAYS} days", len(report.stale_announced))
    for service_id, newest in report.stale_announced:
        out.print(RichText(f"  {service_id}: newest dated source {newest or 'none (all undated)'}"))
    if not report.stale_announced:
        _none(context)

    for problem in report.domain_problems:
        context.err.print(RichText(f"warning: {problem}", style="yellow"), soft_wrap=True)


def run_report(args: argparse.Namespace, context: CommandContext) -> int:
    from hkqh_tui.core.dataset.report import curator_report, read_domains

    dataset = context.dataset
    root = chosen_data_path(context.data_path)
    domains_path = root / DOMAINS_FILE if root.is_dir() else bundled_data_path() / DOMAINS_FILE
    if root.is_dir() and not domains_path.exists():
        domains_path = bundled_data_path() / DOMAINS_FILE
    report = curator_report(dataset, read_domains(domains_path), args.today or date.today())
    if args.json:
        context.print_json(report.to_json())
    else:
        print_report(context, report)
    return 0


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def register(data_subparsers: argparse._SubParsersAction) -> None:
    """Add ``hkqh data report`` under the ``data`` subcommand."""
    parser = data_subparsers.add_parser(
        "report",
        help="what a curator should check: old entries, weak sources, mirror domains, shared URLs, stale announcements",
        description="Entries by age of last_verified, undated sources, entries with only non-official sources, sources "
        f"on reviewed mirror or aggregator domains ({DOMAINS_FILE}), URLs cited by several entries, and announced "
        "measures with no source from the last six months.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for programs")
    parser.add_argument("--today", type=_iso_date, metavar="DATE", help="compute ages as of DATE (YYYY-MM-DD)")
    parser.set_defaults(func=run_report)
