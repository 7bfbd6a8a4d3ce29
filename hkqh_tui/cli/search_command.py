"""``hkqh search QUERY``: the search of the app, on the command line (a table, or --json)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hkqh_tui.cli.context import CommandContext
from hkqh_tui.cli.data_commands import (
    add_filter_options,
    add_script_option,
    check_filters,
)
from hkqh_tui.core.dataset.model import Dataset
from hkqh_tui.core.dataset.serialize import service_brief_json
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import STATUS_STYLES, heading
from hkqh_tui.core.search.engine import WEAK, SearchIndex, SearchResult
from hkqh_tui.core.search.query import parse_query

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text as RichText

HIGHLIGHT_STYLE = "bold reverse"
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(query: str, limit: int = 60) -> str:
    """The query as it can safely be echoed back: no control characters or lone surrogates, cut to ``limit``."""
    cleaned = _UNPRINTABLE.sub("\ufffd", query)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def highlighted_title(result: SearchResult, script: Script) -> RichText:
    """The title as displayed in ``script``, with the matched characters highlighted."""
    from rich.text import Text as RichText

    text = RichText(show(result.service.title, script))
    for start, end in result.title_spans(script):
        text.stylize(HIGHLIGHT_STYLE, start, end)
    return text


def results_table(dataset: Dataset, results: Sequence[SearchResult], script: Script) -> Table:
    """A table of results, best first: id, highlighted title, category, status and score; weak results (related,
    not answers) are dim and their score is marked "related"."""
    from rich.table import Table

    from hkqh_tui.presentation.literal import literal

    vocab = dataset.vocabularies
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("id", no_wrap=True, style="dim")  # ids are copied into other commands: never split them
    table.add_column(heading("title", script), overflow="fold", ratio=1, min_width=20)
    table.add_column(heading("category", script), overflow="fold")
    table.add_column(heading("status", script), no_wrap=True)
    table.add_column(heading("score", script), no_wrap=True, style="dim", justify="right")
    for result in results:
        service = result.service
        weak = result.confidence == WEAK
        score = f"{result.score:.2f}" if result.tier else ""
        table.add_row(
            service.id,
            highlighted_title(result, script),
            literal(show(vocab.categories.label(service.category), script)),
            literal(show(vocab.statuses.label(service.status), script), STATUS_STYLES.get(service.status, "")),
            f"{score} {heading('related', script)}" if weak else score,
            style="dim" if weak else None,
        )
    return table


def result_to_json(result: SearchResult) -> dict[str, Any]:
    """One result for --json: the service's id, bilingual title and summary, category, audiences, status, and
    the score, tier, reason and confidence ("strong", or "weak" for a related result) of the match."""
    return {
        **service_brief_json(result.service),
        "score": result.score,
        "tier": result.tier.name.lower(),
        "reason": result.reason,
        "confidence": result.confidence,
    }


def positive_int(value: str) -> int:
    """argparse type for --limit."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def run_search(args: argparse.Namespace, context: CommandContext) -> int:
    dataset = context.dataset
    check_filters(dataset, args)
    query = " ".join(args.query)
    results = SearchIndex(dataset).search(
        query, category=args.category, audience=args.audience, status=args.status, limit=args.limit
    )
    if args.json:
        context.print_json([result_to_json(r) for r in results])
        return 0
    # rich is only needed for the table: a search for scripts (--json) never loads it.
    from rich.text import Text as RichText

    if not results:
        what = f"nothing found for '{printable(query)}'" if query.strip() else "nothing found"
        context.out.print(RichText(what + (" with these filters" if _has_filters(args) else "") + "."))
        parsed = parse_query(query)
        if parsed.had_words and not parsed.terms and not parsed.romanised:
            hint = "It has only words like how, the, 點樣 or 怎么: add what you are looking for."
        else:
            hint = "Try fewer words, another spelling, or English or Chinese."
        context.out.print(RichText(hint, style="dim"))
        return 0
    context.out.print(results_table(dataset, results, args.script))
    strong = results.strong_count
    summary = f"{len(results)} found" + (f" for '{printable(query)}'" if query.strip() else "")
    if strong < len(results):
        summary += f" ({strong} answering it, {len(results) - strong} only related)"
    context.out.print(RichText(f"{summary} · dataset {dataset.version}", style="dim"))
    return 0


def _has_filters(args: argparse.Namespace) -> bool:
    return any(getattr(args, name) is not None for name in ("category", "audience", "status"))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the search subcommand."""
    parser = subparsers.add_parser(
        "search",
        help="search services in Chinese (Traditional or Simplified) or English",
        description=(
            "Search titles, aliases, summaries, eligibility, documents and steps. Traditional and Simplified "
            "Chinese, full-width letters, case and punctuation do not matter; whole questions, typos, Cantonese "
            "words, pinyin, Jyutping and initials (ylq) are understood. 'word must be there as typed, !word must "
            "not (quote it for the shell), a | b is either. Without a query (or with an empty one), list the "
            "services that pass the filters."
        ),
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="what to look for (several words are one query)")
    add_filter_options(parser)
    parser.add_argument("--limit", type=positive_int, metavar="N", help="show at most N results")
    parser.add_argument("--json", action="store_true", help="print a JSON array of results, best first")
    add_script_option(parser)
    parser.set_defaults(func=run_search)

