"""The profile questions, one at a time: each can be skipped, every answer is saved at once, keys only or mouse."""

from __future__ import annotations

from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from hkqh_tui.core.language.text import Script
from hkqh_tui.core.language.ui_text import pick
from hkqh_tui.core.profile.json_format import parse_children_ages
from hkqh_tui.core.profile.model import QUESTIONS, Profile, Question
from hkqh_tui.ui.typed_app import UsesHkqhApp
from hkqh_tui.ui.widgets.key_footer import KeyFooter

SKIP_ID = "\0skip"
NEXT_ID = "\0next"
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("你的情況（{n}/{total}）", "Your situation ({n}/{total})"),
    "intro": ("每題都可略過。答案只存於本機的設定檔，用來找出適合你的服務。",
              "Every question can be skipped. The answers stay in the settings file on this computer."),
    "skip": ("略過這一題", "Skip this question"),
    "next": ("下一題 →", "Next →"),
    "keys_single": ("Enter 選擇　s 略過　← 上一題　Esc 完成", "Enter choose · s skip · ← back · Esc done"),
    "keys_multi": ("Space 選取／取消　Enter 下一題　s 略過　← 上一題　Esc 完成",
                   "Space pick/unpick · Enter next · s skip · ← back · Esc done"),
    "keys_ages": ("Enter 下一題（留空即略過）　↑ 上一題　Esc 完成", "Enter next (empty skips) · ↑ back · Esc done"),
    "bad_ages": ("未能讀取年齡：{error}", "Those ages could not be read: {error}"),
    "ages_placeholder": ("例如：6, 10", "for example: 6, 10"),
}


def words(key: str, script: Script, **values: object) -> str:
    """Words of this screen in ``script``."""
    text = pick(_WORDS[key], script)
    return text.format(**values) if values else text


class ChoiceList(UsesHkqhApp, OptionList):
    """The choices of one question: Enter (or a click) picks; in a multiple choice Space toggles and Enter goes on."""

    BINDINGS = [
        Binding("enter", "enter", "Next", show=False, id="next_question"),
        Binding("space", "toggle_choice", "Pick", id="toggle_choice"),
        Binding("s", "skip", "Skip", id="skip_question"),
        Binding("left,b", "back", "Back", id="previous_question"),
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
    ]

    class Toggled(Message):
        """Space on a choice."""

        def __init__(self, choice: str) -> None:
            super().__init__()
            self.choice = choice

    class Skip(Message):
        """Skip this question."""

    class Confirm(Message):
        """Enter in a multiple choice: keep what is picked and go on."""

    multiple = False
    """True while the list shows a multiple choice (set by the screen)."""

    class Back(Message):
        """Go back to the previous question."""

    def action_toggle_choice(self) -> None:
        if self.highlighted is not None:
            option = self.get_option_at_index(self.highlighted)
            if option.id:
                self.post_message(self.Toggled(option.id))

    def action_skip(self) -> None:
        self.post_message(self.Skip())

    def action_enter(self) -> None:
        option = self.get_option_at_index(self.highlighted) if self.highlighted is not None else None
        if self.multiple and option is not None and option.id != SKIP_ID:
            self.post_message(self.Confirm())
        else:
            self.action_select()

    def action_back(self) -> None:
        self.post_message(self.Back())


class AgesInput(UsesHkqhApp, Input):
    """The children's ages; up goes back to the previous question."""

    BINDINGS = [Binding("up", "back", "Back", id="previous_question")]

    def action_back(self) -> None:
        self.post_message(ChoiceList.Back())


class ProfileScreen(UsesHkqhApp, Screen):
    """Ask the profile's questions one by one; dismissed with the profile when done."""

    DEFAULT_CSS = """
    #profile-body { height: 1fr; padding: 0 2; }
    #profile-intro { color: $text-muted; margin-bottom: 1; }
    #profile-question { text-style: bold; }
    #profile-hint { color: $text-muted; }
    #profile-choices { height: auto; max-height: 1fr; margin-top: 1; border: none; }
    #profile-ages { margin-top: 1; }
    #profile-error { height: auto; }
    #profile-keys { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "done", "Done", id="profile_done")]

    def __init__(self, profile: Profile, start_at: str | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.position = 0
        if start_at is not None:
            self.position = next((i for i, q in enumerate(QUESTIONS) if q.id == start_at), 0)
        self.chosen: set[str] = set()

    @property
    def script(self) -> Script:
        return self.hkqh.script

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Vertical(id="profile-body"):
            yield Static(id="profile-intro")
            yield Static(id="profile-question")
            yield Static(id="profile-hint")
            yield ChoiceList(id="profile-choices")
            yield AgesInput(id="profile-ages", restrict=r"[0-9, ，、]*", max_length=60)
            yield Static(id="profile-error")
            yield Static(id="profile-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.follow_app(on_script=self.apply_script)
        self.hkqh.localize()
        self.show_question()

    def apply_script(self) -> None:
        self.show_question(keep_picks=True)

    # ---- questions ----------------------------------------------------------------------------------------------

    def questions(self) -> list[Question]:
        """The questions that apply to the answers so far (ages only with children, professions only if one
        practises one)."""
        return [q for q in QUESTIONS if q.applies(self.profile)]

    @property
    def current(self) -> Question:
        return QUESTIONS[self.position]

    def show_question(self, *, keep_picks: bool = False) -> None:
        """Draw the current question with its current answer selected (``keep_picks``: with the choices picked so
        far, when only the language changed)."""
        script = self.script
        item = self.current
        applicable = self.questions()
        number = applicable.index(item) + 1 if item in applicable else 1
        self.query_one("#title-bar", Static).update(
            RichText(f" hkqh · {words('title', script, n=number, total=len(applicable))}")
        )
        self.query_one("#profile-intro", Static).update(words("intro", script))
        self.query_one("#profile-question", Static).update(RichText(item.prompt.show(script)))
        self.query_one("#profile-hint", Static).update(item.hint.show(script) if item.hint else "")
        self.query_one("#profile-error", Static).update("")
        choices = self.query_one(ChoiceList)
        ages = self.query_one(AgesInput)
        value = getattr(self.profile, item.id)
        if item.kind == "ages":
            choices.display = False
            ages.display = True
            ages.placeholder = words("ages_placeholder", script)
            ages.value = ", ".join(str(a) for a in value) if value else ""
            self.query_one("#profile-keys", Static).update(words("keys_ages", script))
            self.set_focus(ages)
            return
        ages.display = False
        choices.display = True
        choices.multiple = item.kind == "multi"
        if item.kind == "multi" and not keep_picks:
            self.chosen = set(value) if value is not None else set()
        self._draw_choices(highlight=self._answer_key(item, value), same_question=keep_picks)
        keys = "keys_multi" if item.kind == "multi" else "keys_single"
        self.query_one("#profile-keys", Static).update(words(keys, script))
        self.set_focus(choices)

    @staticmethod
    def _answer_key(item: Question, value) -> str | None:
        if value is None:
            return None
        if item.kind == "yes-no":
            return "yes" if value else "no"
        if item.kind == "single":
            return value
        return None

    def _draw_choices(self, highlight: str | None = None, *, same_question: bool = False) -> None:
        script = self.script
        item = self.current
        choices = self.query_one(ChoiceList)
        keep = choices.highlighted if same_question else None
        options = []
        for key, label in item.choices:
            if item.kind == "multi":
                box = "[x] " if key in self.chosen else "[ ] "
                options.append(Option(RichText(box + label.show(script)), id=key))
            else:
                options.append(Option(RichText(label.show(script)), id=key))
        if item.kind == "multi":
            options.append(Option(RichText(words("next", script), style="bold"), id=NEXT_ID))
        options.append(Option(RichText(words("skip", script), style="dim"), id=SKIP_ID))
        choices.set_options(options)
        ids = [o.id for o in options]
        if highlight in ids:
            choices.highlighted = ids.index(highlight)
        elif keep is not None and keep < len(options):
            choices.highlighted = keep
        else:
            choices.highlighted = 0

    def answer(self, value) -> None:
        """Keep the answer to the current question (None skips it), save, and go to the next question."""
        self.profile = self.profile.with_answer(self.current.id, value)
        self.hkqh.set_profile(self.profile)
        self.go(+1)

    def go(self, step: int) -> None:
        """Move to the next (or previous) question that applies; past the last one, finish."""
        position = self.position + step
        while 0 <= position < len(QUESTIONS) and not QUESTIONS[position].applies(self.profile):
            position += step
        if position >= len(QUESTIONS):
            self.action_done()
            return
        if position >= 0:
            self.position = position
        self.show_question()

    # ---- events -------------------------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#profile-choices")
    def choice_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.current
        choice = event.option_id
        if choice == SKIP_ID:
            self.answer(None)
        elif item.kind == "multi":
            if choice == NEXT_ID:
                self.answer(frozenset(self.chosen))
            elif choice is not None:
                self._toggle(choice)
        elif item.kind == "yes-no":
            self.answer(choice == "yes")
        else:
            self.answer(choice)

    @on(ChoiceList.Toggled)
    def choice_toggled(self, event: ChoiceList.Toggled) -> None:
        item = self.current
        if event.choice in (SKIP_ID, NEXT_ID) or item.kind != "multi":
            self.query_one(ChoiceList).action_select()  # Space picks, like Enter, outside a multiple choice
            return
        self._toggle(event.choice)

    def _toggle(self, choice: str) -> None:
        self.chosen ^= {choice}
        self._draw_choices(same_question=True)

    @on(ChoiceList.Confirm)
    def confirmed(self) -> None:
        self.answer(frozenset(self.chosen))

    @on(ChoiceList.Skip)
    def skipped(self) -> None:
        self.answer(None)

    @on(ChoiceList.Back)
    def back(self) -> None:
        self.go(-1)

    @on(Input.Submitted, "#profile-ages")
    def ages_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.replace("，", ",").replace("、", ",").replace(" ", ",")
        parts = [part for part in text.split(",") if part]
        if not parts:
            self.answer(None)
            return
        try:
            ages = parse_children_ages([int(part) for part in parts])
        except ValueError as error:
            message = str(error) if "age" in str(error) or "children" in str(error) else "0–60"
            self.query_one("#profile-error", Static).update(
                RichText(words("bad_ages", self.script, error=message), style="bold red"))
            return
        self.answer(ages)

    def action_done(self) -> None:
        self.dismiss(self.profile)
