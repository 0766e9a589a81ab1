"""Quiz mode: choose a deck and a length, answer timed questions (a-d or typed), then see the results.

The screens talk to :class:`dlprep.quiz.QuizService`; every answer is graded and stored by the service
the moment it is given, so quitting half-way keeps what was answered.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from dlprep.content.mathtext import render_math
from dlprep.quiz import QuizError, QuizResult, QuizRun, QuizService
from dlprep.quiz.service import DEFAULT_QUESTIONS, LETTERS, AnswerResult
from dlprep.services import Services

ALL_DECKS = "__all__"


def format_duration(ms: int) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a duration in milliseconds."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def typed_comparison(result: AnswerResult) -> str:
    """The typed answer beside the expected one: words the other side lacks are struck out or in bold."""
    verdict = result.verdict
    typed = " ".join(w if ok else f"~~{w}~~" for w, ok in verdict.given_marks) if result.given else "*(nothing)*"
    expected = " ".join(w if ok else f"**{w}**" for w, ok in verdict.expected_marks)
    how = "overruled: you said you were right" if result.overridden else verdict.how
    return f"You typed: {typed}  \nExpected: {expected}  \n*({how})*"


class QuizSetupScreen(Screen):
    """Pick a deck (or all) and the number of questions; enter starts."""

    DEFAULT_CSS = """
    #quiz-setup { padding: 0 1; }
    #quiz-setup > Static { height: auto; padding: 1 0 0 0; }
    #quiz-decks { height: 1fr; min-height: 4; }
    #quiz-length { height: 3; }
    #quiz-length Label { padding: 1 0; }
    #quiz-n { width: 12; }
    """

    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, services: Services, *, quiz: QuizService | None = None) -> None:
        super().__init__()
        self.services = services
        self.quiz = quiz or QuizService(services.store, services.study)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz-setup"):
            yield Static("[b]Test yourself[/b]: a timed quiz. Pick a deck, set the length, press [b]enter[/b].")
            yield OptionList(id="quiz-decks")
            with Horizontal(id="quiz-length"):
                yield Label("Questions: ")
                yield Input(str(DEFAULT_QUESTIONS), id="quiz-n", type="integer", max_length=3)
            yield Static("[dim]↑/↓ choose a deck · tab: questions · enter: start · escape: back[/dim]")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "quiz"
        choices = self.quiz.deck_choices()
        options = self.query_one("#quiz-decks", OptionList)
        total = sum(n for _, n in choices)
        options.add_option(Option(f"All decks ({total} questions)", id=ALL_DECKS))
        for deck, n in choices:
            options.add_option(Option(f"{escape(deck)} ({n})", id=deck))
        options.highlighted = 0
        options.focus()

    def chosen_deck(self) -> str | None:
        options = self.query_one("#quiz-decks", OptionList)
        if options.highlighted is None:
            return None
        deck = options.get_option_at_index(options.highlighted).id
        return None if deck == ALL_DECKS else deck

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.start()

    def start(self) -> None:
        raw = self.query_one("#quiz-n", Input).value.strip()
        n = int(raw) if raw.isdigit() else 0
        if n < 1:
            self.notify("Enter a number of questions of at least 1.", severity="warning")
            return
        try:
            run = self.quiz.start(self.chosen_deck(), n)
        except QuizError as exc:
            self.notify(escape(str(exc)), severity="warning")
            return
        self.app.switch_screen(QuizScreen(run))

    def action_back(self) -> None:
        self.app.pop_screen()


class QuizScreen(Screen):
    """One question at a time: a-d for multiple choice, typed answers otherwise; feedback at once."""

    DEFAULT_CSS = """
    #quiz { padding: 0 1; }
    #quiz-meta { height: 1; }
    #quiz-body { height: 1fr; }
    #quiz-feedback { border-top: solid $primary; }
    #quiz-feedback.right { border-top: solid $success; }
    #quiz-feedback.wrong { border-top: solid $error; }
    #quiz-bar { height: auto; min-height: 1; background: $boost; }
    """

    BINDINGS = [
        *(Binding(letter, f"choose({i})", letter, show=False) for i, letter in enumerate(LETTERS)),
        Binding("enter", "next", "Next"),
        Binding("y", "override", "I was right", show=False),
        Binding("escape", "end", "End quiz"),
    ]

    def __init__(self, run: QuizRun) -> None:
        super().__init__()
        self.run = run

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz"):
            yield Static(id="quiz-meta")
            with VerticalScroll(id="quiz-body"):
                yield Markdown(id="quiz-question")
                yield Markdown(id="quiz-feedback")
            yield Input(id="quiz-answer", placeholder="type your answer, then enter")
            yield Static(id="quiz-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "quiz"
        self.run.begin()
        self.set_interval(1.0, self.update_meta)
        self.show_question()

    # ----- showing ----------------------------------------------------------------------------------
    def update_meta(self) -> None:
        question = self.run.current
        total = len(self.run.questions)
        where = f"Question {min(self.run.index + 1, total)}/{total}"
        score = sum(r.correct for r in self.run.results)
        deck = escape(question.deck) if question else ""
        self.query_one("#quiz-meta", Static).update(
            f"[b]{where}[/b] · score {score}/{len(self.run.results)} · ⏱ {format_duration(self.run.elapsed_ms())}"
            f" [dim]· {deck}[/dim]"
        )

    def prompt_text(self, chosen: int | None = None) -> str:
        question = self.run.current
        if question.kind != "mc":
            return question.prompt
        lines = [question.prompt, ""]
        for i, option in enumerate(question.options):
            mark = ""
            if chosen is not None:
                mark = " ✔" if i == question.correct_option else (" ✘" if i == chosen else "")
            lines.append(f"- **{LETTERS[i]})** {option}{mark}")
        return "\n".join(lines)

    def show_question(self) -> None:
        question = self.run.current
        if question is None:
            self.finish()
            return
        self.update_meta()
        self.query_one("#quiz-question", Markdown).update(render_math(self.prompt_text()))
        feedback = self.query_one("#quiz-feedback", Markdown)
        feedback.display = False
        answer = self.query_one("#quiz-answer", Input)
        answer.value = ""
        bar = self.query_one("#quiz-bar", Static)
        if question.kind == "mc":
            answer.display = False
            self.set_focus(None)
            bar.update(f"Answer with [b]a[/b]-[b]{LETTERS[len(question.options) - 1]}[/b] · escape: end the quiz")
        else:
            answer.display = True
            answer.disabled = False
            answer.focus()
            bar.update("Type the answer and press [b]enter[/b] (empty: I don't know) · escape: end the quiz")
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)

    def show_feedback(self, correct: bool, chosen: int | None = None) -> None:
        question = self.run.current
        if question.kind == "mc":
            self.query_one("#quiz-question", Markdown).update(render_math(self.prompt_text(chosen)))
        result = self.run.results[-1] if self.run.results else None
        verdict = "✔ **Correct.**" if correct else f"✘ **Not quite.** The answer: {question.expected}"
        if result is not None and result.verdict is not None:
            verdict += "\n\n" + typed_comparison(result)
        detail = question.explanation if question.kind == "mc" or not correct else ""
        feedback = self.query_one("#quiz-feedback", Markdown)
        feedback.update(render_math(f"{verdict}\n\n{detail}".strip()))
        feedback.display = True
        feedback.set_class(correct, "right")
        feedback.set_class(not correct, "wrong")
        last = self.run.index + 1 == len(self.run.questions)
        can_overrule = result is not None and not correct and result.verdict is not None and bool(result.given)
        self.query_one("#quiz-bar", Static).update(
            f"Press [b]enter[/b] for {'the results' if last else 'the next question'}"
            + (" · [b]y[/b]: I was right" if can_overrule else "") + " · escape: end the quiz"
        )
        self.update_meta()

    # ----- answering --------------------------------------------------------------------------------
    def action_choose(self, index: int) -> None:
        question = self.run.current
        if question is None or question.kind != "mc" or self.run.answered_current:
            return
        if index >= len(question.options):
            return
        result = self.run.answer(index)
        self.show_feedback(result.correct, index)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        question = self.run.current
        if question is None:
            return
        if self.run.answered_current:
            self.action_next()
            return
        result = self.run.answer(event.value)  # an empty answer means "I don't know"
        self.query_one("#quiz-answer", Input).disabled = True
        self.show_feedback(result.correct)
        self.set_focus(None)

    def action_override(self) -> None:
        """"I was right": the last typed answer counts as correct and its failed review is taken back."""
        if not self.run.answered_current or not self.run.results:
            return
        result = self.run.results[-1]
        if result.correct or result.verdict is None or not result.given:
            return
        self.run.override()
        self.show_feedback(True)
        self.notify("Counted as right; the failed review was taken back.")

    def action_next(self) -> None:
        if not self.run.answered_current:
            return
        self.run.next()
        self.show_question()

    def action_end(self) -> None:
        self.finish()

    def finish(self) -> None:
        result = self.run.finish()
        if result.answered == 0:
            self.app.pop_screen()
            return
        self.app.switch_screen(QuizResultsScreen(result))


class QuizResultsScreen(Screen):
    """The score, the time, and every missed question with its answer and explanation."""

    DEFAULT_CSS = """
    #quiz-results { padding: 0 1; }
    """

    BINDINGS = [Binding("escape", "back", "Done"), Binding("enter", "back", "Done", show=False)]

    def __init__(self, result: QuizResult) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz-results"):
            yield Markdown(render_math(results_markdown(self.result)), id="quiz-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "quiz results"
        self.query_one("#quiz-results", VerticalScroll).focus()

    def action_back(self) -> None:
        self.app.pop_screen()


def results_markdown(result: QuizResult) -> str:
    """The results page as Markdown (LaTeX math left for :func:`render_math`)."""
    per = result.duration_ms // max(1, result.answered)
    lines = [
        f"## Score: {result.correct}/{result.answered} ({result.percent}%)",
        "",
        f"Time: **{format_duration(result.duration_ms)}** ({per / 1000:.0f} s per question)",
    ]
    if result.answered < result.planned:
        lines.append(f"\nEnded early after {result.answered} of {result.planned} questions.")
    if not result.missed:
        lines.append("\nNothing missed. Well done.")
        return "\n".join(lines)
    lines.append(f"\n### Missed ({len(result.missed)}): each counts as a failed review\n")
    for k, missed in enumerate(result.missed, start=1):
        question = missed.question
        prompt = " ".join(question.prompt.split())
        lines.append(f"{k}. {prompt}")
        given = missed.given or "(nothing)"
        if question.kind == "mc" and given in LETTERS:
            given = f"{given}) {question.options[LETTERS.index(given)]}"
        lines.append(f"   - you answered: {given}")
        lines.append(f"   - the answer: **{question.expected}**")
        if question.explanation and question.kind == "mc":
            lines.append(f"   - {' '.join(question.explanation.split())}")
    lines.append("\nPress enter or escape to go back.")
    return "\n".join(lines)
