"""Subcommands for checklists: ``checklist add/remove/show/list``, ``export`` and ``paths``."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import Any

from rich.table import Table

from hkqh_tui.cli.context import CommandContext, CommandError
from hkqh_tui.cli.data_commands import add_script_option, find_service
from hkqh_tui.core.checklists.json_format import checklist_to_json
from hkqh_tui.core.checklists.model import ChecklistNameError, normalize_name
from hkqh_tui.core.checklists.store import DEFAULT_CHECKLIST_NAME, ChecklistStore, Notice, UpdateResult
from hkqh_tui.core.checklists.view import ChecklistView, EntryView
from hkqh_tui.core.dataset.loading import chosen_data_path, read_dataset
from hkqh_tui.core.export.file import ExportFileError, ExportFileExists, terminal_safe_markdown, write_export
from hkqh_tui.core.export.markdown import checklist_to_markdown
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import heading
from hkqh_tui.core.storage.paths import cache_dir, checklists_dir, settings_file
from hkqh_tui.presentation.literal import literal
from hkqh_tui.presentation.literal import markup_safe as escape


def _store() -> ChecklistStore:
    return ChecklistStore()


def _print_notices(context: CommandContext, notices: tuple[Notice, ...]) -> None:
    for notice in notices:
        if notice.kind != "not_saved":  # a failed save becomes the command's error instead
            context.err.print(f"[yellow]hkqh: warning:[/] {escape(notice.message)}", soft_wrap=True)


def _checked_name(store: ChecklistStore, name: str | None) -> str:
    """The normalised name (the default one when None), or a CommandError saying why it cannot be used."""
    try:
        return store.default_name if name is None else normalize_name(name)
    except ChecklistNameError as error:
        raise CommandError(str(error), hint="Checklist names can use any language, spaces and emoji.") from None


def _existing_name(store: ChecklistStore, name: str | None) -> str:
    """A checklist that must exist; the default one may be missing (it then reads as empty)."""
    checked = _checked_name(store, name)
    if name is not None and checked != store.default_name and not store.exists(checked):
        listing = store.list()
        raise CommandError(
            f"there is no checklist called {checked!r}",
            hint="Your checklists: " + ", ".join(listing.names()) + ". Create one with 'hkqh checklist add ID --to NAME'.",
        )
    return checked


def _saved_or_error(result: UpdateResult) -> None:
    """A failed save is the command's error: the command ends here, so the change is not kept anywhere."""
    if not result.saved:
        reasons = [n.reason or n.message for n in result.notices if n.kind == "not_saved"]
        why = f": {reasons[0]}" if reasons else ""
        raise CommandError(
            f"not saved{why}",
            hint="Nothing was changed on disk and the change was not kept; try again when the problem is fixed.",
        )


def _services(count: int) -> str:
    return f"{count} service" if count == 1 else f"{count} services"


def _entry_label(view: EntryView, script: Script) -> str:
    return f"{view.title(script)} [{view.service_id}]"


# -- checklist add / remove ------------------------------------------------------------------------------------


def run_add(args: argparse.Namespace, context: CommandContext) -> int:
    store = _store()
    name = _checked_name(store, args.to)
    dataset = context.dataset
    ids = list(dict.fromkeys(args.ids))
    problems: list[CommandError] = []
    services = []
    for service_id in ids:
        try:
            services.append(find_service(dataset, service_id))
        except CommandError as error:
            problems.append(error)
    if problems:
        message = "; ".join(str(p) for p in problems) + " (nothing was added)"
        raise CommandError(message, hint=" ".join(dict.fromkeys(p.hint for p in problems)))
    before = store.load(name)
    _print_notices(context, before.notices)
    result = store.add_services(name, services)
    _print_notices(context, result.notices)
    _saved_or_error(result)
    added = [s for s in services if s.id not in before.checklist]
    already = [s for s in services if s.id in before.checklist]
    script: Script = args.script
    if added:
        titles = ", ".join(f"{show(s.title, script)} [{s.id}]" for s in added)
        created = "" if before.exists else " (a new checklist)"
        context.out.print(f"Added to {escape(name)}{created}: {escape(titles)}", soft_wrap=True)
    if already:
        context.out.print(f"Already in {escape(name)}: {escape(', '.join(s.id for s in already))}", soft_wrap=True)
    context.out.print(f"[dim]{_services(len(result.checklist.entries))} in {escape(name)}.[/]", soft_wrap=True)
    return 0


def run_remove(args: argparse.Namespace, context: CommandContext) -> int:
    store = _store()
    name = _existing_name(store, args.from_name)
    loaded = store.load(name)
    _print_notices(context, loaded.notices)
    if args.id not in loaded.checklist:
        in_it = ", ".join(loaded.checklist.service_ids()) or "none"
        raise CommandError(f"{args.id!r} is not in the checklist {name!r}", hint=f"Services in it: {in_it}.")
    result = store.remove_service(name, args.id)
    _print_notices(context, result.notices)
    _saved_or_error(result)
    left = _services(len(result.checklist.entries))
    context.out.print(f"Removed {escape(args.id)} from {escape(name)} ({left} left).", soft_wrap=True)
    return 0


# -- checklist show / list -------------------------------------------------------------------------------------


def checklist_report(view: ChecklistView) -> dict[str, Any]:
    """The JSON printed by ``checklist show --json``: the saved form plus, per service, whether it is still in
    the dataset and its progress, and the combined documents list."""
    data = checklist_to_json(view.checklist)
    for raw, entry_view in zip(data["services"], view.entries):
        raw["in_dataset"] = entry_view.in_dataset
        raw["progress"] = {"done": entry_view.progress.done, "total": entry_view.progress.total}
    data["progress"] = {"done": view.progress.done, "total": view.progress.total}
    data["combined_documents"] = [
        {
            "text": document.text.to_json(),
            "needed_by": [s.id for s in document.services],
            "ticked_for": list(document.ticked_for),
        }
        for document in view.combined_documents()
    ]
    return data


def _print_view(context: CommandContext, view: ChecklistView, script: Script) -> None:
    # Long lines are left to the terminal to wrap: rich would push an unbroken run of Chinese to the next line.
    say = partial(context.out.print, soft_wrap=True)
    say(f"[bold]{escape(view.checklist.name)}[/]  {view.progress}")
    if not view.entries:
        say(escape(heading("empty_checklist", script)))
        say("[dim]Add services with 'hkqh checklist add ID'.[/]")
    for entry_view in view.entries:
        say()
        if not entry_view.in_dataset:
            say(f"[yellow]⚠ {escape(_entry_label(entry_view, script))}[/] — {escape(heading('no_longer_listed', script))}")
        else:
            say(f"[bold]{escape(_entry_label(entry_view, script))}[/]  {entry_view.progress}")
        for kind in ("documents", "steps"):
            items = entry_view.items_of(kind)
            if items:
                say(f"  [underline]{escape(heading(kind, script))}[/]")
                for item in items:
                    box = "[green]\\[x][/]" if item.ticked else "\\[ ]"
                    say(f"    {box} {escape(show(item.text, script))}")
        if entry_view.entry.note.strip():
            say(f"  [underline]{escape(heading('note', script))}[/]")
            for line in entry_view.entry.note.split("\n"):
                say(f"    {escape(line)}")
    documents = view.combined_documents()
    if documents:
        say()
        say(f"[bold underline]{escape(heading('combined_documents', script))}[/]")
        for document in documents:
            box = "[green]\\[x][/]" if document.done else "\\[ ]"
            needed = ", ".join(s.id for s in document.services)
            say(f"  {box} {escape(show(document.text, script))} [dim]— {escape(needed)}[/]")


def run_show(args: argparse.Namespace, context: CommandContext) -> int:
    store = _store()
    name = _existing_name(store, args.name)
    loaded = store.load(name)
    _print_notices(context, loaded.notices)
    view = ChecklistView.build(loaded.checklist, context.dataset)
    if args.json:
        context.print_json(checklist_report(view))
    else:
        _print_view(context, view, args.script)
    return 0


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    store = _store()
    listing = store.list()
    _print_notices(context, listing.notices)
    dataset = context.dataset
    rows = []
    for checklist in listing.checklists:
        view = ChecklistView.build(checklist, dataset)
        rows.append((checklist, view))
    if args.json:
        context.print_json(
            [
                {
                    "name": checklist.name,
                    "default": checklist.name == store.default_name,
                    "saved": store.exists(checklist.name),
                    "services": len(checklist.entries),
                    "progress": {"done": view.progress.done, "total": view.progress.total},
                    "updated": checklist.updated,
                }
                for checklist, view in rows
            ]
        )
        return 0
    table = Table(header_style="bold")
    table.add_column("name")
    table.add_column("services", justify="right")
    table.add_column("done", justify="right")
    table.add_column("updated", style="dim")
    for checklist, view in rows:
        label = literal(checklist.name, multiline=False)
        if checklist.name == store.default_name:
            label.append(" (default)", style="dim")
        table.add_row(label, str(len(checklist.entries)), str(view.progress), literal(checklist.updated or "not saved yet", multiline=False))
    context.out.print(table)
    context.out.print(f"[dim]Saved in {escape(str(store.directory))}[/]")
    return 0


# -- export ----------------------------------------------------------------------------------------------------


def _write_export(path: Path, markdown: str, force: bool) -> None:
    try:
        write_export(path, markdown, overwrite=force)
    except ExportFileExists as error:
        raise CommandError(str(error), hint="Use --force to overwrite it, or choose another file with -o.") from None
    except ExportFileError as error:
        raise CommandError(str(error), hint=error.hint.replace("choose another file", "choose another file with -o")) from None


def run_export(args: argparse.Namespace, context: CommandContext) -> int:
    store = _store()
    name = _existing_name(store, args.name)
    loaded = store.load(name)
    _print_notices(context, loaded.notices)
    export_format = args.format or ("html" if str(args.output or "").lower().endswith((".html", ".htm")) else "markdown")
    from hkqh_tui.core.profile.export import checklist_reasons
    from hkqh_tui.core.profile.storage import saved_profile

    profile, profile_notices = saved_profile()
    for notice in profile_notices:
        context.err.print(literal(f"hkqh: warning: {notice}"), soft_wrap=True)
    reasons = checklist_reasons(loaded.checklist, context.dataset, profile)
    if export_format == "html":
        from hkqh_tui.core.export.html import checklist_to_html

        markdown = checklist_to_html(loaded.checklist, context.dataset, args.script, reasons=reasons)
    else:
        markdown = checklist_to_markdown(loaded.checklist, context.dataset, args.script, reasons=reasons)
    if args.output in (None, "-"):
        sys.stdout.write(terminal_safe_markdown(markdown))
        sys.stdout.flush()
        return 0
    path = Path(args.output).expanduser()
    _write_export(path, markdown, args.force)
    count = _services(len(loaded.checklist.entries))
    context.out.print(f"Exported {escape(name)} ({count}) to {escape(str(path.resolve()))}", soft_wrap=True)
    return 0


# -- paths -----------------------------------------------------------------------------------------------------


def run_paths(args: argparse.Namespace, context: CommandContext) -> int:
    data_path = chosen_data_path(context.data_path)
    result = read_dataset(context.data_path)
    dataset: dict[str, Any] = {"path": str(data_path)}
    if result.dataset is not None:
        dataset.update(version=result.dataset.version, services=len(result.dataset.services))
    else:
        dataset.update(problems=result.problem_count)
    paths = {"settings": str(settings_file()), "checklists": str(checklists_dir()), "cache": str(cache_dir()),
             "dataset": dataset}
    if args.json:
        context.print_json(paths)
        return 0
    out = context.out
    out.print(f"settings    {escape(paths['settings'])}", soft_wrap=True)
    out.print(f"checklists  {escape(paths['checklists'])}", soft_wrap=True)
    out.print(f"cache       {escape(paths['cache'])} [dim](parsed dataset files, safe to delete)[/]", soft_wrap=True)
    if result.dataset is not None:
        out.print(f"dataset     {escape(str(data_path))} [dim](version {result.dataset.version}, {len(result.dataset.services)} services)[/]", soft_wrap=True)
    else:
        out.print(f"dataset     {escape(str(data_path))} [red](cannot be loaded: {result.problem_count} problem(s))[/]", soft_wrap=True)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``checklist`` (add, remove, show, list), ``export`` and ``paths``."""
    checklist = subparsers.add_parser(
        "checklist",
        help="keep checklists of services (add, remove, show, list)",
        description=f"Keep named checklists of services. Without --to/--from/NAME the default checklist "
        f"({DEFAULT_CHECKLIST_NAME}) is used.",
    )
    sub = checklist.add_subparsers(dest="checklist_command", metavar="COMMAND", required=True)

    add = sub.add_parser("add", help="add services to a checklist (creating it if needed)", description="Add services to a checklist; a checklist that does not exist yet is created.")
    add.add_argument("ids", nargs="+", metavar="ID", help="service ids (see 'hkqh list')")
    add.add_argument("--to", metavar="NAME", help="the checklist (default: the default checklist)")
    add_script_option(add)
    add.set_defaults(func=run_add)

    remove = sub.add_parser("remove", help="remove a service from a checklist", description="Remove a service from a checklist.")
    remove.add_argument("id", metavar="ID", help="the service id")
    remove.add_argument("--from", dest="from_name", metavar="NAME", help="the checklist (default: the default checklist)")
    remove.set_defaults(func=run_remove)

    show_parser = sub.add_parser("show", help="show a checklist with its ticks and notes", description="Show a checklist.")
    show_parser.add_argument("name", nargs="?", metavar="NAME", help="the checklist (default: the default checklist)")
    show_parser.add_argument("--json", action="store_true", help="print the checklist as JSON, with progress")
    add_script_option(show_parser)
    show_parser.set_defaults(func=run_show)

    list_parser = sub.add_parser("list", help="list your checklists", description="List your checklists.")
    list_parser.add_argument("--json", action="store_true", help="print a JSON array")
    list_parser.set_defaults(func=run_list)

    export = subparsers.add_parser(
        "export",
        help="export a checklist as Markdown or as a page to print (HTML)",
        description="Export a checklist as GitHub-flavoured Markdown or as one printable HTML page, to standard output or to a file.",
    )
    export.add_argument("name", nargs="?", metavar="NAME", help="the checklist (default: the default checklist)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.add_argument(
        "--format", choices=("markdown", "html"), default=None,
        help="markdown, or html: one page to print (default: html when FILE ends in .html, else markdown)",
    )
    add_script_option(export)
    export.set_defaults(func=run_export)

    paths = subparsers.add_parser(
        "paths", help="show where settings, checklists and the dataset are", description="Show where hkqh keeps things."
    )
    paths.add_argument("--json", action="store_true", help="print them as JSON")
    paths.set_defaults(func=run_paths)
