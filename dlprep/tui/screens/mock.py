"""The mock interview screen: one part at a time under a visible countdown, no hints, then the report.

Rapid fire takes a-d or a typed answer (enter); concepts take a typed answer (ctrl+s submits it); the coding
part is an editor on the drill's starter (ctrl+s: done, grade it). ``ctrl+e`` ends a part early; when a part's
time runs out it ends by itself (the code on screen is graded at the deadline). ``escape`` asks before
abandoning. The key points and the expected answers stay hidden until the report.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Markdown, Static, TextArea

from dlprep.content.mathtext import render_math
from dlprep.mock import MockRun
from dlprep.mock.service import PART_TITLES
from dlprep.tui.widgets.confirm import ConfirmScreen

LETTERS = "abcd"


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class MockScreen(Screen):
    """Runs one :class:`MockRun`; dismisses after the report is closed."""

    DEFAULT_CSS = """
    #mock { padding: 0 1; }
    #mock-clock { height: 1; }
    #mock-body { height: 1fr; }
    #mock-short { height: 3; }
    #mock-text, #mock-code { height: 1fr; min-height: 6; }
    #mock-bar { height: auto; color: $text-muted; }
    """
    BINDINGS = [
        *(Binding(letter, f"choose({i})", letter, show=False) for i, letter in enumerate(LETTERS)),
        Binding("ctrl+s", "submit", "Submit / done", priority=True),
        Binding("ctrl+e", "end_part", "End part", priority=True),
        Binding("escape", "abandon", "Abandon", priority=True),
    ]

    def __init__(self, run: MockRun, *, grader: Any = None, tick_s: float = 1.0) -> None:
        super().__init__()
        self.run = run
        self._grader = grader
        self.tick_s = tick_s
        self.grading = False
        self.report: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="mock"):
            yield Static(id="mock-clock")
            with VerticalScroll(id="mock-body"):
                yield Markdown(id="mock-question")
            yield Input(id="mock-short", placeholder="Your answer, then enter (empty: I don't know)")
            yield TextArea(id="mock-text", soft_wrap=True)
            yield TextArea.code_editor(id="mock-code", language="python")
            yield Static(id="mock-bar")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "mock interview"
        self.show_current()
        self.set_interval(self.tick_s, self.tick)

    @property
    def grader(self) -> Any:
        if self._grader is None:
            from dlprep.tui.screens.drill import shared_grader

            self._grader = shared_grader(self.app)
        return self._grader

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that work now appear in the footer; after the report, only escape (back)."""
        if self.report is not None:
            return action == "abandon"
        item = self.run.current
        if action == "choose":
            return item is not None and item.kind == "mc"
        if action == "submit":
            return item is not None and item.kind in ("explain", "drill") and not self.grading
        return True

    # ----- showing -----------------------------------------------------------------------------------
    def show_current(self) -> None:
        self.refresh_bindings()
        run = self.run
        short, text, code = (self.query_one(s) for s in ("#mock-short", "#mock-text", "#mock-code"))
        for widget in (short, text, code):
            widget.display = False
        item = run.current
        bar = self.query_one("#mock-bar", Static)
        self.update_clock()
        if run.part is None:
            self.finish()
            return
        if item is None:  # the part's questions are all answered
            self.run.end_part()
            self.show_current()
            return
        prompt = item.prompt
        if item.kind == "mc":
            prompt += "\n\n" + "\n".join(f"- **{LETTERS[i]})** {o}" for i, o in enumerate(item.options))
        if item.kind == "drill":
            prompt = f"### {item.detail.get('title', '')}\n\n{prompt}"
        self.query_one("#mock-question", Markdown).update(render_math(prompt))
        self.query_one("#mock-body", VerticalScroll).scroll_home(animate=False)
        if item.kind == "mc":
            self.set_focus(None)
            bar.update(f"a-{LETTERS[len(item.options) - 1]} answer · ctrl+e end this part · escape abandon")
        elif item.kind == "short":
            short.value, short.display = "", True
            short.focus()
            bar.update("enter answers (empty: I don't know) · ctrl+e end this part · escape abandon")
        elif item.kind == "explain":
            text.load_text("")
            text.display = True
            text.focus()
            bar.update("Type your answer as you would say it · ctrl+s submit · ctrl+e end this part · escape abandon")
        else:
            code.load_text(item.starter)
            code.display = True
            code.focus()
            bar.update("Write the function · ctrl+s done: grade it · ctrl+e end this part · escape abandon")

    def update_clock(self) -> None:
        run = self.run
        if run.part is None:
            self.query_one("#mock-clock", Static).update("[b]Mock interview[/b] · done")
            return
        items = run.part_items()
        done = sum(i.answered for i in items)
        position = f"{min(done + 1, len(items))}/{len(items)}"
        parts = " › ".join(f"[b]{PART_TITLES[p]}[/b]" if p == run.part else PART_TITLES[p] for p in run.parts)
        self.query_one("#mock-clock", Static).update(
            f"{parts}   ·   question {position}   ·   [reverse] {clock_text(run.remaining_s())} left [/reverse]")

    def tick(self) -> None:
        if self.report is not None or self.grading or self.run.status != "running":
            return
        if self.run.timed_out():
            if self.run.part == "coding" and self.run.current is not None:
                self.grade_code(self.query_one("#mock-code", TextArea).text, at_deadline=True)
                return
            self.notify(f"Time is up for {PART_TITLES.get(self.run.part or '', 'this part')}.")
            self.run.end_part()
            self.show_current()
            return
        self.update_clock()

    # ----- answering ---------------------------------------------------------------------------------
    def action_choose(self, index: int) -> None:
        item = self.run.current
        if item is None or item.kind != "mc" or index >= len(item.options):
            return
        self.run.answer(index)
        self.show_current()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        item = self.run.current
        if item is not None and item.kind == "short":
            self.run.answer(event.value)
            self.show_current()

    def action_submit(self) -> None:
        item = self.run.current
        if item is None or self.grading:
            return
        if item.kind == "explain":
            self.run.answer(self.query_one("#mock-text", TextArea).text)
            self.show_current()
        elif item.kind == "drill":
            self.grade_code(self.query_one("#mock-code", TextArea).text)

    def grade_code(self, code: str, *, at_deadline: bool = False) -> None:
        self.grading = True
        self.query_one("#mock-bar", Static).update("Grading in the sandbox…")
        self._grade(code, at_deadline)

    @work(thread=True, exclusive=True, group="mock-grade")
    def _grade(self, code: str, at_deadline: bool) -> None:
        try:
            self.run.submit_code(code, self.grader, at_deadline=at_deadline)
        finally:
            self.app.call_from_thread(self._graded)

    def _graded(self) -> None:
        self.grading = False
        self.run.end_part()
        self.show_current()

    def action_end_part(self) -> None:
        if self.grading or self.run.part is None:
            return
        if self.run.part == "coding" and self.run.current is not None:
            self.grade_code(self.query_one("#mock-code", TextArea).text)
            return
        self.run.end_part()
        self.show_current()

    def action_abandon(self) -> None:
        if self.report is not None:
            self.dismiss(None)
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.run.abandon()
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Abandon this mock interview? It is kept as abandoned, with no score.",
                                           "Abandon"), done)

    # ----- the report --------------------------------------------------------------------------------
    def finish(self) -> None:
        if self.report is not None:
            return
        self.report = self.run.finish()
        self.query_one("#mock-question", Markdown).update(render_math(report_markdown(self.report)))
        self.query_one("#mock-bar", Static).update("↑↓ / page keys scroll · escape: back")
        self.update_clock()
        self.query_one("#mock-body", VerticalScroll).focus()
        self.refresh_bindings()


def report_markdown(report: dict) -> str:
    """The report as Markdown: scores and times per part, what was missed, the drill, what to study next."""
    lines = [f"## Mock interview: {100 * report['overall']:.0f}%", "", f"*{report['how']}*", "",
             "| part | score | answered | time |", "| --- | --- | --- | --- |"]
    for part in report["parts"].values():
        lines.append(f"| {part['title']} | {100 * part['score']:.0f}% | {part['answered']}/{part['questions']} | "
                     f"{part['seconds'] / 60:.1f} of {part['planned_seconds'] / 60:.0f} min |")
    if report["missed_questions"]:
        lines += ["", "**Missed questions**"]
        lines += [f"- {m['prompt'][:100]} — expected *{m['expected']}*, you: *{m['answer'] or '—'}*"
                  for m in report["missed_questions"]]
    if report["missed_key_points"]:
        lines += ["", "**Key points not covered**"]
        lines += [f"- {m['point']} (`{m['card']}`)" for m in report["missed_key_points"]]
    if report["coding"]:
        c = report["coding"]
        late = ", after the time" if c.get("late") else ""
        lines += ["", f"**Coding** `{c['drill']}`: {c.get('status') or 'not submitted'}, "
                      f"{c.get('passed') or 0}/{c.get('total') or 0} cases{late}"]
        if c.get("diagnosis"):
            lines.append(f"- {c['diagnosis']}")
    if report["study_next"]:
        lines += ["", "**Study next**: " + ", ".join(report["study_next"])]
    return "\n".join(lines)
