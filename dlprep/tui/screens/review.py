"""The review screen: question, reveal, rate 1-4 with the next interval on each key, undo, suspend.

Multiple-choice cards are answered with a-d (options shuffled for each showing; the letters follow the
order on screen) and graded at once; explain cards offer a box to type the answer in first: each key point
is then suggested covered or missing by :mod:`dlprep.answers` (with the sentence that covers it), the
learner confirms the marks, and the typed answer is kept with the review. An empty box (enter or space)
answers aloud: the key points appear as a checklist to tick before rating. A ``[gen]`` card draws fresh
numbers from its generator with a new seed, takes a typed number or shape in the same box, grades it
exactly or within the generator's tolerance, and shows the worked solution; the seed is kept with the
review (undo shows the same numbers again). Each rating is committed
before the next card appears. The footer lists only the keys that work
in the current state, and ``u`` undoes the last action of the session, a rating or a suspension.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from dlprep.answers import AnswerCheck, check_answer
from dlprep.answers.history import typed_answer_writer
from dlprep.content import cloze
from dlprep.content.gen import GenError, GenQuestion, GenVerdict, draw, grade
from dlprep.content.mathtext import render_math
from dlprep.sections import section_title
from dlprep.services import Services
from dlprep.srs import StudyItem
from dlprep.srs.gen_reviews import rate_gen
from dlprep.srs.scheduler import RATING_NAMES, format_interval
from dlprep.tui.widgets.answer_box import AnswerBox
from dlprep.tui.widgets.checklist import KeyPointList

CARD_KINDS = ("basic", "cloze", "mc", "explain", "gen")
GEN_PLACEHOLDER = "Type the number or the shape, e.g. (1, 64, 32, 32), then enter · space on an empty box: show"
LETTERS = "abcd"
STATE_NAMES = ("new", "learning", "review", "relearning")


@dataclass
class Action:
    """One undoable step of this session: ``rate`` or ``suspend`` of ``card_id`` (``seed``: a gen card's)."""

    kind: str
    card_id: str
    seed: int | None = None


class ReviewScreen(Screen):
    """Reviews the due cards of one deck (or of all decks when ``deck`` is None).

    ``rng`` orders multiple-choice options (a seeded one makes the order repeatable, as in tests).
    """

    BINDINGS = [
        Binding("space", "reveal", "Show answer"),
        Binding("space", "accept", "Accept"),
        Binding("a", "choose(0)", "Answer", key_display="a-d"),
        *(Binding(letter, f"choose({i})", letter, show=False) for i, letter in enumerate(LETTERS) if i),
        Binding("1", "rate(1)", "Rate", key_display="1-4"),  # the rating bar names each with its interval
        *(Binding(str(r), f"rate({r})", RATING_NAMES[r], show=False) for r in (2, 3, 4)),
        Binding("up", "point(-1)", "Point", show=False, priority=True),
        Binding("down", "point(1)", "Point", show=False, priority=True),
        Binding("enter", "tick", "Tick", priority=True),
        Binding("x", "tick", "Tick", show=False),
        Binding("t", "type_answer", "Type answer"),
        Binding("u", "undo", "Undo"),
        Binding("s", "suspend", "Suspend"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, services: Services, deck: str | None = None, *, include_drills: bool = False,
                 rng: random.Random | None = None) -> None:
        super().__init__()
        self.services = services
        self.deck = deck
        self.include_drills = include_drills
        self.rng = rng or random.Random()
        self.offered_drills: set[str] = set()
        self.awaiting_drill = False
        self.item: StudyItem | None = None
        self.revealed = False
        self.chosen: int | None = None  # index into the card's own options
        self.order: list[int] = []  # the card's option indexes in the order shown
        self.shown_at = time.monotonic()
        self.reviewed = 0
        self.done: list[Action] = []
        self.typed: str | None = None  # what was typed for the explain card on screen
        self.check: AnswerCheck | None = None
        self.gen: GenQuestion | None = None  # the numbers a gen card shows now
        self.gen_error = ""  # why a gen card could not draw its numbers
        self.gen_verdict: GenVerdict | None = None
        self.explain_placeholder = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="review"):
            with Horizontal(id="review-meta"):
                yield Static(id="card-kind")
                yield Static(id="card-meta")
                yield Static(id="card-counts")
            with VerticalScroll(id="card-body"):
                yield Markdown(id="question")
                yield AnswerBox(id="typed")
                yield Markdown(id="answer")
                yield KeyPointList(id="points")
            yield Static(id="rating-bar")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = self.deck or "all decks"
        self.explain_placeholder = self.query_one("#typed", AnswerBox).placeholder
        self.show_next()

    # ----- which keys work now -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item, kind = self.item, self.item.card.kind if self.item else ""
        if action == "reveal":
            return item is not None and not self.revealed and kind != "mc" and (kind != "gen" or self.gen is not None)
        if action == "accept":
            return item is not None and self.revealed and self.suggested_rating() is not None
        if action == "choose":
            return item is not None and kind == "mc" and self.chosen is None
        if action == "rate":
            return item is not None and self.revealed
        if action in ("point", "tick"):
            return item is not None and self.revealed and kind == "explain"
        if action == "type_answer":
            return item is not None and kind in ("explain", "gen") and not self.revealed
        if action == "suspend":
            return item is not None
        if action == "undo":
            return bool(self.done) or None
        return True

    # ----- showing cards ----------------------------------------------------------------------------
    def show_next(self) -> None:
        self.item = self.services.study.next_item(self.deck, kinds=CARD_KINDS)
        if self.include_drills:
            mixed = self.services.study.next_item(self.deck, kinds=(*CARD_KINDS, "drill"))
            offer = mixed is not None and mixed.card.kind == "drill" and mixed.state != 0
            if offer and mixed.card.id not in self.offered_drills:
                self.offer_drill(mixed.card.id)
        self.show_item()

    def show_item(self, seed: int | None = None) -> None:
        """Show ``self.item`` from its question side (a gen card with ``seed``, else a new one)."""
        self.revealed = False
        self.chosen = None
        self.typed = self.check = None
        self.gen, self.gen_error, self.gen_verdict = None, "", None
        if self.item is not None and self.item.card.kind == "gen":
            seed = self.rng.randrange(2**31) if seed is None else seed
            try:
                self.gen = draw(self.item.card, seed)
            except GenError as exc:
                where = f"{exc.file}:{exc.line}" if exc.line else exc.file
                self.gen_error = f"{exc}" + (f" ({where})" if where else "")
        self.order = list(range(len(self.item.card.options))) if self.item else []
        self.rng.shuffle(self.order)
        self.shown_at = time.monotonic()
        self.render_card()

    def render_card(self) -> None:
        question = self.query_one("#question", Markdown)
        bar = self.query_one("#rating-bar", Static)
        self.query_one("#points", KeyPointList).display = False
        self.query_one("#answer", Markdown).display = False
        box = self.query_one("#typed", AnswerBox)
        box.display = False
        self.render_meta()
        self.refresh_bindings()
        item = self.item
        if item is None:
            question.update("## Nothing more is due.\n\nCome back later, or press `escape` for the dashboard.")
            bar.update(f"[b]{self.reviewed}[/b] reviewed this session")
            return
        question.update(render_math(self.front_text()))
        self.query_one("#card-body", VerticalScroll).scroll_home(animate=False)
        if item.card.kind == "mc":
            bar.update("Answer with [b]a[/b]-[b]" + LETTERS[len(item.card.options) - 1] + "[/b]")
        elif item.card.kind == "explain":
            box.value = ""
            box.placeholder = self.explain_placeholder
            box.display = True
            self.set_focus(None)
            bar.update("[b]t[/b] type your answer (enter submits) · [b]space[/b] answer aloud and show the key points")
        elif item.card.kind == "gen":
            box.value = ""
            box.placeholder = GEN_PLACEHOLDER
            box.display = self.gen is not None
            if self.gen is not None:
                box.focus()
                bar.update("Type the answer, [b]enter[/b] grades it · [b]space[/b] on the empty box shows the solution"
                           " · [b]escape[/b] leaves the box")
            else:
                self.set_focus(None)
                bar.update("This card cannot draw its numbers: [b]s[/b] suspends it, [b]escape[/b] goes back")
        else:
            bar.update("Press [b]space[/b] to show the answer")

    def render_meta(self) -> None:
        """Kind and state on the left (always visible), the deck (when reviewing all) and section in the
        middle (cut first when narrow), what remains today on the right, as Anki shows it."""
        kind = self.query_one("#card-kind", Static)
        meta = self.query_one("#card-meta", Static)
        study = self.services.study
        _, reviews, new = study.queue_counts(self.deck, kinds=CARD_KINDS)
        # Learning cards still to come today, not only those due this minute (as Anki counts them).
        learning = study.learning_today(self.deck, kinds=CARD_KINDS)
        self.query_one("#card-counts", Static).update(
            f"[dodger_blue1]{new}[/] new · [red]{learning}[/] learn · [green]{reviews}[/] due"
        )
        if self.item is None:
            kind.update("")
            meta.update("")
            return
        card = self.item.card
        kind.update(f"[b]{card.kind}[/b] · {STATE_NAMES[self.item.state]}")
        section = section_title(card.section)
        parts = [card.deck] if self.deck is None else []  # a one-deck review has its name in the title bar
        if section.casefold() != card.deck.casefold():
            parts.append(section)
        meta.update(f"[dim]{escape(' · '.join(parts))}[/dim]")

    def front_text(self) -> str:
        card = self.item.card
        if card.kind == "cloze":
            return cloze.front(card.question, card.cloze_index)
        if card.kind == "mc":
            lines = [card.question, ""]
            for shown, index in enumerate(self.order):
                option = card.options[index]
                mark = ""
                if self.chosen is not None:
                    mark = " ✔" if option.correct else (" ✘" if index == self.chosen else "")
                lines.append(f"- **{LETTERS[shown]})** {option.text}{mark}")
            return "\n".join(lines)
        if card.kind == "gen":
            if self.gen is None:
                return f"**{card.question}**\n\nThe generator failed: {self.gen_error}"
            return f"**{card.question}**\n\n{self.gen.question}"
        return card.question

    def shown_letter(self, index: int | None) -> str:
        """The letter an option of the card has on screen."""
        return LETTERS[self.order.index(index)] if index in self.order else "?"

    def show_answer(self) -> None:
        card = self.item.card
        answer = self.query_one("#answer", Markdown)
        answer.display = True
        if card.kind == "cloze":
            self.query_one("#question", Markdown).update(render_math(cloze.back(card.question, card.cloze_index)))
            answer.display = False
        elif card.kind == "mc":
            self.query_one("#question", Markdown).update(render_math(self.front_text()))
            right = self.chosen == card.correct_option
            verdict = ("**Correct.**" if right
                       else f"**Not quite:** the answer is {self.shown_letter(card.correct_option)}).")
            answer.update(render_math(f"{verdict}\n\n{card.explanation}".strip()))
        elif card.kind == "explain":
            points = self.query_one("#points", KeyPointList)
            box = self.query_one("#typed", AnswerBox)
            box.display = False
            if self.check is None:
                points.set_points(card.key_points)
                answer.update(render_math(
                    f"**Key points**: tick the ones you named (↑↓ move, enter ticks)\n\n{card.explanation}".strip()))
            else:
                ticked = {i for i, p in enumerate(self.check.points) if p.covered}
                notes = {i: f"“{p.evidence[:200]}”" for i, p in enumerate(self.check.points)
                         if p.covered and p.evidence}
                points.set_points(card.key_points, ticked, notes)
                covered = len(ticked)
                answer.update(render_math(
                    f"**Key points**: {covered} of {len(card.key_points)} look covered by your answer. These marks "
                    "are suggestions: check each one (↑↓ move, enter toggles), then rate.\n\n"
                    f"{card.explanation}".strip()))
            points.display = True
        elif card.kind == "gen":
            self.query_one("#typed", AnswerBox).display = False
            answer.update(render_math(self.gen_answer_text()))
        else:
            answer.update(render_math(card.answer))
        self.update_rating_bar()
        self.refresh_bindings()

    def gen_answer_text(self) -> str:
        """The verdict on what was typed, the answer and the worked solution."""
        gen, verdict = self.gen, self.gen_verdict
        expected = gen.answer_text()
        if verdict is None or self.typed is None:
            head = f"**Answer:** {expected}"
        elif verdict.correct:
            head = f"**Right** ({verdict.how}): you typed `{self.typed}`; the answer is {expected}."
        else:
            head = f"**Not quite** ({verdict.how}): you typed `{self.typed}`; the answer is {expected}."
        return f"{head}\n\n{gen.solution}"

    def suggested_rating(self) -> int | None:
        if self.item is None:
            return None
        card = self.item.card
        if card.kind == "mc" and self.chosen is not None:
            return 3 if self.chosen == card.correct_option else 1
        if card.kind == "gen" and self.revealed and self.gen is not None:
            return 3 if self.gen_verdict is not None and self.gen_verdict.correct else 1
        if card.kind == "explain" and self.revealed:
            ticked = len(self.query_one("#points", KeyPointList).ticked)
            share = ticked / max(1, len(card.key_points))
            return 3 if share == 1 else 2 if share >= 0.5 else 1
        return None

    def update_rating_bar(self) -> None:
        suggestion = self.suggested_rating()
        parts = []
        for rating in (1, 2, 3, 4):
            label = f"[b]{rating}[/b] {RATING_NAMES[rating]} [dim]{format_interval(self.item.previews[rating])}[/dim]"
            parts.append(f"[reverse]{label}[/reverse]" if rating == suggestion else label)
        tail = "  [dim]space accepts[/dim]" if suggestion else ""
        self.query_one("#rating-bar", Static).update("  ".join(parts) + tail)

    def offer_drill(self, card_id: str) -> None:
        """A drill is due again among the cards: open it; the review goes on when its screen closes.

        The drill opens on its prompt with the editor not focused, so that review keys pressed out of
        habit are not typed into the code. New drills are not pushed into a card review.
        """
        try:
            from dlprep.tui.screens.drill import DrillScreen
        except ImportError:
            return
        self.offered_drills.add(card_id)
        self.awaiting_drill = True

        def done(rating: int | None) -> None:
            if rating:  # the drill's rating is this session's last action: u undoes it first
                self.done.append(Action("rate", card_id))

        self.app.push_screen(DrillScreen(self.services, card_id.removeprefix("drill:"), focus_editor=False), done)

    def on_screen_resume(self) -> None:
        if self.awaiting_drill:
            self.awaiting_drill = False
            self.show_next()

    # ----- actions ----------------------------------------------------------------------------------
    def action_reveal(self) -> None:
        if self.item is None or self.revealed:
            return
        if self.item.card.kind == "mc" and self.chosen is None:
            self.notify("Choose an option with a-d first.")
            return
        if self.item.card.kind == "gen" and self.gen is None:
            return
        self.revealed = True
        self.show_answer()

    def action_type_answer(self) -> None:
        if self.item is not None and self.item.card.kind in ("explain", "gen") and not self.revealed:
            self.query_one("#typed", AnswerBox).focus()

    def on_answer_box_leave(self, event: AnswerBox.Leave) -> None:
        """Escape in the box gives the review keys back (the text stays)."""
        event.stop()
        self.set_focus(None)

    def on_answer_box_aloud(self, event: AnswerBox.Aloud) -> None:
        event.stop()
        self.set_focus(None)
        self.action_reveal()

    def on_input_submitted(self, event: AnswerBox.Submitted) -> None:
        """A typed answer to an explain card: suggest marks for its key points, then reveal them."""
        event.stop()
        if self.item is not None and self.item.card.kind == "gen" and not self.revealed and self.gen is not None:
            self.typed = event.value.strip() or None
            self.gen_verdict = grade(event.value, self.gen) if self.typed else None
            self.set_focus(None)
            self.action_reveal()
            return
        if self.item is None or self.item.card.kind != "explain" or self.revealed:
            return
        text = event.value.strip()
        if text:
            card = self.item.card
            self.typed = text
            self.check = check_answer(card.question, card.key_points, text)
        self.set_focus(None)
        self.action_reveal()

    def action_accept(self) -> None:
        suggestion = self.suggested_rating()
        if self.revealed and suggestion is not None:
            self.action_rate(suggestion)

    def action_choose(self, shown: int) -> None:
        if self.item is None or self.item.card.kind != "mc" or self.chosen is not None:
            return
        if shown >= len(self.order):
            return
        self.chosen = self.order[shown]
        self.revealed = True
        self.show_answer()

    def action_point(self, step: int) -> None:
        self.query_one("#points", KeyPointList).move(step)

    def action_tick(self) -> None:
        self.query_one("#points", KeyPointList).toggle()
        self.update_rating_bar()
        self.refresh_bindings()

    def action_rate(self, rating: int) -> None:
        if self.item is None or not self.revealed:
            return
        duration_ms = int((time.monotonic() - self.shown_at) * 1000)
        card_id = self.item.card.id
        if self.item.card.kind == "gen" and self.gen is not None:
            correct = self.gen_verdict is not None and self.gen_verdict.correct
            rate_gen(self.services.study, self.item.card, rating, duration_ms, seed=self.gen.seed,
                     answer=self.typed or "", correct=correct)
            self.done.append(Action("rate", card_id, self.gen.seed))
            self.reviewed += 1
            self.show_next()
            return
        writer = None
        if self.typed is not None and self.check is not None:
            marks = self.query_one("#points", KeyPointList).ticked
            writer = typed_answer_writer(self.typed, self.check, [i in marks for i in range(len(self.check.points))])
        self.services.study.rate(card_id, rating, duration_ms, with_review=writer)
        self.done.append(Action("rate", card_id))
        self.reviewed += 1
        self.show_next()

    def action_undo(self) -> None:
        """Undo the session's last action: a rating (restored exactly) or a suspension; then show that card."""
        if not self.done:
            self.notify("Nothing to undo in this session.")
            return
        last = self.done.pop()
        if last.kind == "suspend":
            self.services.study.set_suspended(last.card_id, False)
            self.notify("Suspension undone.")
        else:
            if self.services.study.undo() is None:
                self.notify("Nothing to undo.")
                return
            self.reviewed = max(0, self.reviewed - 1)
            self.notify("Last rating undone.")
        if last.card_id.startswith("drill:"):  # a drill is not shown here: it comes back when due
            self.show_next()
            return
        self.item = self.services.study.item(last.card_id) or self.services.study.next_item(
            self.deck, kinds=CARD_KINDS)
        same = self.item is not None and self.item.card.id == last.card_id
        self.show_item(seed=last.seed if same else None)  # a gen card comes back with the same numbers

    def action_suspend(self) -> None:
        if self.item is None:
            return
        self.services.study.set_suspended(self.item.card.id)
        self.done.append(Action("suspend", self.item.card.id))
        self.notify("Card suspended: u undoes it; the card browser (b) unsuspends later.")
        self.show_next()

    def action_back(self) -> None:
        self.app.pop_screen()
