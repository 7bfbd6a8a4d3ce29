"""``hkqh profile set|show|clear`` and ``hkqh for-me``: a short profile, and the services that fit it and why."""

from __future__ import annotations

import argparse
from typing import Any

from rich.markup import escape
from rich.text import Text as RichText

from hkqh_tui.cli.context import CommandContext, CommandError
from hkqh_tui.cli.data_commands import add_filter_options, add_script_option, check_filters
from hkqh_tui.cli.search_command import printable
from hkqh_tui.core.dataset.model import ACTIVITIES, PLACES, PROFESSIONS
from hkqh_tui.core.dataset.serialize import service_brief_json
from hkqh_tui.core.language.display import show
from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import STATUS_STYLES, pick
from hkqh_tui.core.profile.json_format import parse_children_ages, profile_to_json
from hkqh_tui.core.profile.matching import ForMe, Match, Verdict, for_me
from hkqh_tui.core.profile.model import AGE_BAND_KEYS, DOCUMENTS, QUESTIONS, WELFARE, Profile, answer_label
from hkqh_tui.core.profile.storage import keep_profile, settings_profile
from hkqh_tui.core.storage.paths import settings_file
from hkqh_tui.core.storage.settings import Settings, SettingsSaveError, load_settings, save_settings

SKIP = "skip"
NONE = "none"
_WORDS = {
    "fits": ("適合你", "Fits you"),
    "almost": ("差不多適合：欠缺或待核實的條件", "Almost fits: what is missing or to check"),
    "not_stated": ("未列明資格條件（或與你有關的排先）", "No conditions stated (those that may be for you first)"),
    "does_not_fit": ("不適合", "Does not fit"),
    "empty_profile": (
        "你未回答任何問題，所以未能判斷哪些服務適合你。用 'hkqh profile set' 回答（例如 --age 65-69 --lives-in hk），"
        "或在 hkqh 按 F4。",
        "You have not answered any question yet, so nothing can be matched. Answer with 'hkqh profile set' (for "
        "example --age 65-69 --lives-in hk), or press F4 in the app.",
    ),
    "skipped": ("（略過）", "(skipped)"),
    "summary": ("{fits} 項適合 · {almost} 項差不多適合 · {not_stated} 項未列明 · {no} 項不適合",
                "{fits} fit · {almost} almost fit · {not_stated} state no conditions · {no} do not fit"),
    "hidden": ("加 --all 列出不適合的服務。", "Add --all to list those that do not fit."),
    "stored": ("資料只存於本機：{path}", "Kept on this computer only: {path}"),
}


def words(key: str, script: Script, **values: object) -> str:
    """CLI words of this module in ``script``."""
    text = pick(_WORDS[key], script)
    return text.format(**values) if values else text


# ---- loading and saving ---------------------------------------------------------------------------------------------


def _load(context: CommandContext) -> tuple[Settings, Profile]:
    settings, notices = load_settings(settings_file())
    profile, profile_notices = settings_profile(settings)
    for notice in (*notices, *profile_notices):
        context.err.print(f"[yellow]hkqh: warning:[/] {escape(notice)}", soft_wrap=True)
    return settings, profile


def _save(settings: Settings, profile: Profile) -> None:
    keep_profile(settings, profile)
    try:
        save_settings(settings, settings_file())
    except SettingsSaveError as error:
        raise CommandError(str(error), hint="Check that the folder exists and is writable (see 'hkqh paths').") from None


# ---- profile set / show / clear -----------------------------------------------------------------------------------

_SINGLE = {"age": AGE_BAND_KEYS, "lives_in": PLACES}
_MULTI = {"activities": ACTIVITIES, "professions": PROFESSIONS, "welfare": WELFARE, "documents": DOCUMENTS}
_YES_NO = ("children", "elderly_parents", "hk_car", "pet")


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _parse_answer(name: str, raw: str) -> Any:
    """One answer from the command line; None skips the question. A CommandError says what is allowed."""
    value = raw.strip().lower()
    if value == SKIP:
        return None
    if name in _SINGLE:
        if value not in _SINGLE[name]:
            raise CommandError(f"{_option(name)}: unknown value {printable(raw)!r}",
                               hint=f"Choose one of: {', '.join(_SINGLE[name])}, or {SKIP}.")
        return value
    if name in _MULTI:
        if value == NONE:
            return frozenset()
        chosen = [part.strip() for part in value.split(",") if part.strip()]
        unknown = [part for part in chosen if part not in _MULTI[name]]
        if unknown or not chosen:
            raise CommandError(f"{_option(name)}: unknown value {printable(', '.join(unknown) or raw)!r}",
                               hint=f"Give any of {', '.join(_MULTI[name])} separated by commas, {NONE}, or {SKIP}.")
        return frozenset(chosen)
    if name in _YES_NO:
        if value not in ("yes", "no"):
            raise CommandError(f"{_option(name)}: say yes, no or {SKIP}, not {printable(raw)!r}")
        return value == "yes"
    try:
        parts = [part.strip() for part in value.split(",")][:100]
        return parse_children_ages([int(part) for part in parts])
    except ValueError as error:
        message = str(error) if "age" in str(error) or "children" in str(error) else "ages are whole numbers"
        raise CommandError(f"--children-ages: {message}", hint="For example: --children-ages 6,10") from None


def run_profile_set(args: argparse.Namespace, context: CommandContext) -> int:
    given = [(item.id, getattr(args, item.id)) for item in QUESTIONS if getattr(args, item.id) is not None]
    if not given:
        raise CommandError("give at least one answer", hint="For example: hkqh profile set --age 65-69 --lives-in hk "
                                                              "(see 'hkqh profile set --help').")
    settings, profile = _load(context)
    answers = {name: _parse_answer(name, raw) for name, raw in given}
    if answers.get("children_ages") and "children" not in answers and profile.children is not True:
        answers = {"children": True, **answers}
    if answers.get("professions") and "activities" not in answers:
        answers = {"activities": (profile.activities or frozenset()) | {"profession"}, **answers}
    if answers.get("activities") and "profession" not in answers["activities"] and answers.get("professions"):
        raise CommandError("--professions needs 'profession' among --activities")
    for name in [item.id for item in QUESTIONS]:  # in question order, so follow-ups come after what they follow
        if name in answers:
            profile = profile.with_answer(name, answers[name])
    if profile.children is not True and answers.get("children_ages"):
        raise CommandError("--children-ages needs --children yes")
    _save(settings, profile)
    _print_profile(context, profile, args.script)
    return 0


def _print_profile(context: CommandContext, profile: Profile, script: Script) -> None:
    for item in QUESTIONS:
        if not item.applies(profile) and getattr(profile, item.id) is None:
            continue
        answer = answer_label(profile, item)
        line = RichText(f"{item.prompt.show(script)} ", style="bold")
        line.append(answer.show(script) if answer else words("skipped", script), style="" if answer else "dim")
        context.out.print(line)
    context.out.print(RichText(words("stored", script, path=settings_file()), style="dim"), soft_wrap=True)


def run_profile_show(args: argparse.Namespace, context: CommandContext) -> int:
    _, profile = _load(context)
    if args.json:
        context.print_json(profile_to_json(profile))
        return 0
    _print_profile(context, profile, args.script)
    return 0


def run_profile_clear(args: argparse.Namespace, context: CommandContext) -> int:
    settings, _ = _load(context)
    _save(settings, Profile())
    context.out.print(pick(("已清除你的資料。", "Your answers are forgotten."), args.script))
    return 0


# ---- for-me -------------------------------------------------------------------------------------------------------


def match_to_json(match: Match) -> dict[str, Any]:
    """One placed service for --json: its brief fields, where it stands, the reasons and what is missing."""
    return {
        **service_brief_json(match.service),
        "verdict": match.verdict.value,
        "reasons": [w.to_json() for w in match.reasons],
        "missing": [w.to_json() for w in match.missing] if match.verdict is not Verdict.NOT_STATED else [],
    }


def _print_group(context: CommandContext, title: str, matches: tuple[Match, ...], script: Script, dataset) -> None:
    if not matches:
        return
    context.out.print(RichText(f"\n{title} ({len(matches)})", style="bold underline"))
    for match in matches:
        service = match.service
        line = RichText("  ")
        line.append(service.id, style="dim")
        line.append("  " + show(service.title, script))
        line.append("  " + show(dataset.vocabularies.statuses.label(service.status), script),
                    style=STATUS_STYLES.get(service.status, ""))
        context.out.print(line, soft_wrap=True)
        for reason in match.reasons:
            mark, style = ("·", "dim") if match.verdict is Verdict.NOT_STATED else ("✓", "green")
            context.out.print(RichText(f"      {mark} {reason.show(script)}", style=style), soft_wrap=True)
        if match.verdict is not Verdict.NOT_STATED:
            for missing in match.missing:
                mark = "✗" if match.verdict is Verdict.DOES_NOT_FIT else "…"
                context.out.print(RichText(f"      {mark} {missing.show(script)}", style="yellow"), soft_wrap=True)


def run_for_me(args: argparse.Namespace, context: CommandContext) -> int:
    dataset = context.dataset
    check_filters(dataset, args)
    _, profile = _load(context)
    query = " ".join(args.query)
    services = None
    if query.strip() or any(getattr(args, name) for name in ("category", "audience", "status")):
        from hkqh_tui.core.search.engine import SearchIndex

        results = SearchIndex(dataset).search(query, category=args.category, audience=args.audience,
                                              status=args.status)
        services = [r.service for r in results]
    placed: ForMe = for_me(dataset, profile, services)
    if args.json:
        context.print_json({
            "profile": profile_to_json(profile),
            **{name: [match_to_json(m) for m in getattr(placed, name)]
               for name in ("fits", "almost", "not_stated", "does_not_fit")},
        })
        return 0
    script: Script = args.script
    if profile.is_empty():
        context.err.print(RichText(words("empty_profile", script), style="yellow"), soft_wrap=True)
    _print_group(context, words("fits", script), placed.fits, script, dataset)
    _print_group(context, words("almost", script), placed.almost, script, dataset)
    _print_group(context, words("not_stated", script), placed.not_stated, script, dataset)
    if args.all:
        _print_group(context, words("does_not_fit", script), placed.does_not_fit, script, dataset)
    summary = words("summary", script, fits=len(placed.fits), almost=len(placed.almost),
                    not_stated=len(placed.not_stated), no=len(placed.does_not_fit))
    if query.strip():
        summary += f" · '{printable(query)}'"
    context.out.print(RichText("\n" + summary, style="dim"))
    if placed.does_not_fit and not args.all:
        context.out.print(RichText(words("hidden", script), style="dim"))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``profile`` (set, show, clear) and ``for-me``."""
    profile = subparsers.add_parser(
        "profile", help="your situation, to find the services that fit (kept on this computer only)",
        description="A few questions about your situation, each optional. The answers stay in your settings file "
                    "and never leave this computer; 'hkqh for-me' and the app's For me screen use them.",
    )
    commands = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True,
                                      parser_class=type(profile))
    setter = commands.add_parser(
        "set", help="answer one or more questions (the others keep their answers)",
        description=f"Answer questions; '{SKIP}' forgets an answer; lists are comma-separated and '{NONE}' means "
                    "none of them.",
    )
    setter.add_argument("--age", metavar="BAND", help=f"your age band: {', '.join(AGE_BAND_KEYS)}")
    setter.add_argument("--lives-in", dest="lives_in", metavar="PLACE",
                        help="where you live: hk, shenzhen (Qianhai included), gba (another Mainland GBA city)")
    setter.add_argument("--activities", metavar="LIST",
                        help="what you do or want to do in Qianhai or the GBA: work, study, business, profession")
    setter.add_argument("--professions", metavar="LIST", help=f"the profession you practise: {', '.join(PROFESSIONS)}")
    setter.add_argument("--children", metavar="yes|no", help="whether you have children")
    setter.add_argument("--children-ages", dest="children_ages", metavar="AGES", help="their ages, for example 6,10")
    setter.add_argument("--elderly-parents", dest="elderly_parents", metavar="yes|no",
                        help="whether you have elderly parents")
    setter.add_argument("--hk-car", dest="hk_car", metavar="yes|no", help="whether you have a Hong Kong private car")
    setter.add_argument("--pet", metavar="yes|no", help="whether you have a pet")
    setter.add_argument("--welfare", metavar="LIST", help="welfare you receive: cssa, oala (Old Age Living Allowance)")
    setter.add_argument("--documents", metavar="LIST", help=f"what you hold: {', '.join(DOCUMENTS)}")
    add_script_option(setter)
    setter.set_defaults(func=run_profile_set)
    shower = commands.add_parser("show", help="your answers", description="Show your answers.")
    shower.add_argument("--json", action="store_true", help="print the answers as JSON")
    add_script_option(shower)
    shower.set_defaults(func=run_profile_show)
    clearer = commands.add_parser("clear", help="forget every answer", description="Forget every answer.")
    add_script_option(clearer)
    clearer.set_defaults(func=run_profile_clear)

    parser = subparsers.add_parser(
        "for-me", help="the services that fit your profile, best first, with the reasons",
        description="Services that fit your profile (best first, with why), those that almost fit (with what is "
                    "missing), then those whose conditions the dataset does not state. A QUERY and the filters "
                    "narrow the list.",
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="only services matching this search")
    add_filter_options(parser)
    parser.add_argument("--all", action="store_true", help="also list the services that do not fit, and why")
    parser.add_argument("--json", action="store_true", help="print every group as JSON")
    add_script_option(parser)
    parser.set_defaults(func=run_for_me)
