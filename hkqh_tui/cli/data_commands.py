"""Subcommands over the dataset itself: ``list``, ``show`` and ``data validate``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hkqh_tui.cli.context import CommandContext, CommandError, json_text
from hkqh_tui.core.language.text import SCRIPTS

if TYPE_CHECKING:
    from hkqh_tui.core.dataset.model import Dataset, Service
    from hkqh_tui.core.storage.text_cache import TextCache

MAX_PRINTED_PROBLEMS = 200
"""``data validate`` lists this many problems, then says how many more there are."""

LISTING_FORMAT = 1
LISTING_CODE = (
    "cli/context.py",
    "cli/data_commands.py",
    "core/dataset/loading.py",
    "core/dataset/location.py",
    "core/dataset/model.py",
    "core/dataset/serialize.py",
    "core/dataset/validation.py",
    "core/language/visible.py",
)
"""The modules (under hkqh_tui/) whose code decides what ``list --json`` prints: a change to any is a cache miss."""


def add_script_option(parser: argparse.ArgumentParser) -> None:
    """The --script option shared by readable commands."""
    parser.add_argument(
        "--script",
        choices=SCRIPTS,
        default="hant",
        help="language of readable output: hant (Traditional Chinese, default), hans (Simplified), en (English)",
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """--category, --audience and --status, shared by list and search."""
    parser.add_argument("--category", metavar="C", help="only services of this category (see 'hkqh list --help')")
    parser.add_argument("--audience", metavar="A", help="only services for this audience")
    parser.add_argument("--status", metavar="S", help="only services with this status")


def check_filters(dataset: Dataset, args: argparse.Namespace) -> None:
    """Reject a filter value that is not in the vocabulary, naming the valid ones."""
    from hkqh_tui.core.dataset.model import FILTERS

    for option in FILTERS:
        vocabulary = dataset.vocabularies.for_filter(option)
        value = getattr(args, option, None)
        if value is not None and value not in vocabulary:
            raise CommandError(
                f"unknown {option} {value!r}",
                hint=f"Choose one of: {', '.join(vocabulary.keys())}",
            )


def matches_filters(service: Service, args: argparse.Namespace) -> bool:
    """True when the service passes the --category/--audience/--status filters."""
    return service.matches(args.category, args.audience, args.status)


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    if args.json:
        context.print_text(listing_json(args, context))
        return 0
    dataset = context.dataset
    check_filters(dataset, args)
    services = [s for s in dataset.curated_order() if matches_filters(s, args)]
    if not services:
        context.err.print("No service matches these filters.")
        return 0
    from hkqh_tui.presentation.render import services_table

    context.out.print(services_table(dataset, services, args.script))
    context.out.print(f"[dim]{len(services)} of {len(dataset.services)} services · dataset {dataset.version}[/]")
    return 0


def listing_json(args: argparse.Namespace, context: CommandContext) -> str:
    """What ``list --json`` prints: from the cache folder when the dataset's files and the code are unchanged since
    it was made (the cached text is exactly the one made then), else made from the dataset and kept there."""
    cached = _listing_cache(args, context)
    if cached is not None:
        cache, key = cached
        text = cache.get(key)
        if text is not None:
            return text
    from hkqh_tui.core.dataset.serialize import service_to_json

    dataset = context.dataset
    check_filters(dataset, args)
    text = json_text([service_to_json(s) for s in dataset.curated_order() if matches_filters(s, args)])
    if cached is not None and (again := _listing_cache(args, context)) is not None and again[1] == cached[1]:
        cache.put(key, text)  # only when no file changed while the dataset was loaded
    return text


def _listing_cache(args: argparse.Namespace, context: CommandContext) -> tuple[TextCache, str] | None:
    """The cache of ``list --json``'s output for this dataset, and the key of this listing (None: do not cache)."""
    import hkqh_tui
    from hkqh_tui.core.dataset.fingerprint import dataset_files, fingerprint
    from hkqh_tui.core.dataset.location import VOCABULARY_FILE, bundled_data_path, chosen_data_path
    from hkqh_tui.core.storage.digest import location_key
    from hkqh_tui.core.storage.paths import cache_dir, cache_disabled
    from hkqh_tui.core.storage.text_cache import TextCache

    if cache_disabled():
        return None
    root = chosen_data_path(context.data_path)
    try:
        if not root.exists():
            return None
        files = dataset_files(root, bundled_data_path() / VOCABULARY_FILE)
        package = Path(hkqh_tui.__file__).parent
        filters = [args.category, args.audience, args.status]
        key = fingerprint(root, files, [package / name for name in LISTING_CODE], LISTING_FORMAT, "list", filters)
        where = location_key(root)
    except (OSError, ValueError):
        return None
    if key is None:
        return None
    return TextCache(cache_dir() / f"listing-{where}.json"), key


def close_ids(dataset: Dataset, wanted: str, limit: int = 3) -> list[str]:
    """Ids that look like ``wanted`` (for 'did you mean')."""
    import difflib

    ids = [s.id for s in dataset.services]
    close = difflib.get_close_matches(wanted.lower(), ids, n=limit, cutoff=0.5)
    if not close:
        close = [i for i in ids if wanted.lower() in i][:limit]
    return close


def find_service(dataset: Dataset, service_id: str) -> Service:
    """The service with this id, or a CommandError that suggests close ids."""
    service = dataset.get(service_id)
    if service is None:
        suggestions = close_ids(dataset, service_id)
        hint = f"Did you mean: {', '.join(suggestions)}?" if suggestions else "Run 'hkqh list' to see every id."
        raise CommandError(f"no service has the id {service_id!r}", hint=hint)
    return service


def run_show(args: argparse.Namespace, context: CommandContext) -> int:
    dataset = context.dataset
    service = find_service(dataset, args.id)
    if args.json:
        from hkqh_tui.core.dataset.serialize import service_to_json

        context.print_json(service_to_json(service))
    else:
        from hkqh_tui.presentation.render import service_detail

        context.out.print(service_detail(dataset, service, args.script))
    return 0


def run_validate(args: argparse.Namespace, context: CommandContext) -> int:
    from hkqh_tui.core.dataset.loading import read_dataset
    from hkqh_tui.presentation.literal import markup_safe as escape

    target = args.path or context.data_path
    result = read_dataset(target)
    if result.problems:
        lines = [str(problem) for problem in result.problems[:MAX_PRINTED_PROBLEMS]]
        more = result.problem_count - len(lines)
        if more:
            lines.append(f"... and {more} more")
        context.out.file.write("\n".join(lines) + "\n")  # problems are made visible by Problem.__str__; no markup
        context.out.file.flush()
        context.err.print(f"[red]{result.summary()} found.[/]")
        return 1
    dataset = result.dataset
    assert dataset is not None
    context.out.print(f"OK: {len(dataset.services)} services in {escape(dataset.origin)} (version {dataset.version})")
    plan_status = _validate_plan(target, dataset, context)
    return _validate_lexicon(target, context) or plan_status


def _validate_lexicon(target: str | None, context: CommandContext) -> int:
    """Check the search lexicon beside a dataset folder, when there is one (search reads the bundled one, and a
    broken one would only make search quietly worse)."""
    from hkqh_tui.core.dataset.location import chosen_data_path
    from hkqh_tui.core.search.lexicon import LEXICON_FILE, LexiconError, read_lexicon
    from hkqh_tui.presentation.literal import markup_safe as escape

    path = chosen_data_path(target) / LEXICON_FILE
    if not path.is_file():
        return 0
    try:
        lexicon = read_lexicon(path)
    except LexiconError as error:
        context.out.print(escape(str(error)), soft_wrap=True)
        context.err.print("[red]1 problem found in the search lexicon.[/]")
        return 1
    words = len(lexicon.function_words) + len(lexicon.synonyms) + len(lexicon.audiences)
    context.out.print(f"OK: {words} words in {escape(str(path))}")
    return 0


def _validate_plan(target: str | None, dataset: Dataset, context: CommandContext) -> int:
    """Check the plan file beside a dataset folder, when there is one, against that dataset."""
    from hkqh_tui.core.dataset.location import chosen_data_path
    from hkqh_tui.core.plan.loading import PLAN_FILE, read_plan
    from hkqh_tui.presentation.literal import markup_safe as escape

    plan_path = chosen_data_path(target) / PLAN_FILE
    if not plan_path.is_file():
        return 0
    plan_result = read_plan(plan_path, dataset)
    for problem in plan_result.problems:
        context.out.print(escape(str(problem)), soft_wrap=True)
    if plan_result.problems or plan_result.plan is None:
        context.err.print(f"[red]{len(plan_result.problems)} problem(s) found in the plan file.[/]")
        return 1
    context.out.print(f"OK: {len(plan_result.plan.measures)} measures in {escape(str(plan_path))}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add list, show and data validate."""
    list_parser = subparsers.add_parser("list", help="list services (a table, or --json)", description="List services.")
    add_filter_options(list_parser)
    list_parser.add_argument("--json", action="store_true", help="print a JSON array of full service objects")
    add_script_option(list_parser)
    list_parser.set_defaults(func=run_list)

    show_parser = subparsers.add_parser("show", help="show one service", description="Show one service in full.")
    show_parser.add_argument("id", help="the service id (see 'hkqh list')")
    show_parser.add_argument("--json", action="store_true", help="print the service as a JSON object")
    add_script_option(show_parser)
    show_parser.set_defaults(func=run_show)

    data_parser = subparsers.add_parser("data", help="dataset tools (validate, report)", description="Dataset tools for curators.")
    data_sub = data_parser.add_subparsers(dest="data_command", metavar="COMMAND", required=True)
    validate = data_sub.add_parser(
        "validate",
        help="check a dataset and list every problem",
        description="Validate the bundled dataset, or the one at PATH; exit 1 if there is any problem.",
    )
    validate.add_argument("path", nargs="?", help="a data folder or a JSON file (default: the dataset in use)")
    validate.set_defaults(func=run_validate)

    from hkqh_tui.cli import data_report

    data_report.register(data_sub)
