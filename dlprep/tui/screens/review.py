"""The review screen: question, reveal, rate 1-4 with the next interval on each key, undo, suspend.

Multiple-choice cards are answered with a-d and graded at once; explain cards show their key points
as a checklist to tick before rating. Each rating is committed before the next card appears.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, SelectionList, Static

from dlprep.content import cloze
from dlprep.content.mathtext import render_math
from dlprep.sections import section_title
from dlprep.services import Services
from dlprep.srs import StudyItem
from dlprep.srs.scheduler import RATING_NAMES, format_interval

CARD_KINDS = ("basic", "cloze", "mc", "explain")
LETTERS = "abcd"


class ReviewScreen(Screen):
    """Reviews the due cards of one deck (or of all decks when ``deck`` is None)."""

    BINDINGS = [
        Binding("space", "reveal", "Show answer"),
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        *(Binding(letter, f"choose({i})", letter, show=False) for i, letter in enumerate(LETTERS)),
        Binding("u", "undo", "Undo"),
        Binding("s", "suspend", "Suspend"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, services: Services, deck: str | None = None, *, include_drills: bool = False) -> None:
        super().__init__()
        self.services = services
        self.deck = deck
        self.include_drills = include_drills
        self.offered_drills: set[str] = set()
        self.awaiting_drill = False
        self.item: StudyItem | None = None
        self.revealed = False
        self.chosen: int | None = None
        self.shown_at = time.monotonic()
        self.reviewed = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="review"):
            yield Static(id="card-meta")
            with VerticalScroll(id="card-body"):
                yield Markdown(id="question")
                yield Markdown(id="answer")
                yield SelectionList[int](id="points")
            yield Static(id="rating-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.deck or "all decks"
        self.show_next()

    # ----- showing cards ----------------------------------------------------------------------------
    def show_next(self) -> None:
        self.item = self.services.study.next_item(self.deck, kinds=CARD_KINDS)
        if self.include_drills:
            mixed = self.services.study.next_item(self.deck, kinds=(*CARD_KINDS, "drill"))
            offer = mixed is not None and mixed.card.kind == "drill" and mixed.state != 0
            if offer and mixed.card.id not in self.offered_drills:
                self.offer_drill(mixed.card.id)
        self.revealed = False
        self.chosen = None
        self.shown_at = time.monotonic()
        self.render_card()

    def render_card(self) -> None:
        question = self.query_one("#question", Markdown)
        answer = self.query_one("#answer", Markdown)
        points = self.query_one("#points", SelectionList)
        meta = self.query_one("#card-meta", Static)
        bar = self.query_one("#rating-bar", Static)
        points.display = False
        answer.display = False
        item = self.item
        if item is None:
            meta.update(f"[b]{self.reviewed}[/b] reviewed this session")
            question.update("## Nothing more is due.\n\nCome back later, or press `escape` for the dashboard.")
            bar.update("")
            return
        card = item.card
        state = ("new", "learning", "review", "relearning")[item.state]
        meta.update(f"[dim]{card.deck} · {section_title(card.section)} · {card.kind} · {state}[/dim]")
        question.update(render_math(self.front_text()))
        if card.kind == "mc":
            bar.update("Answer with [b]a[/b]-[b]" + LETTERS[len(card.options) - 1] + "[/b]")
        else:
            bar.update("Press [b]space[/b] to show the answer")

    def front_text(self) -> str:
        card = self.item.card
        if card.kind == "cloze":
            return cloze.front(card.question, card.cloze_index)
        if card.kind == "mc":
            lines = [card.question, ""]
            for i, option in enumerate(card.options):
                mark = ""
                if self.chosen is not None:
                    mark = " ✔" if option.correct else (" ✘" if i == self.chosen else "")
                lines.append(f"- **{LETTERS[i]})** {option.text}{mark}")
            return "\n".join(lines)
        return card.question

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
            verdict = "**Correct.**" if right else f"**Not quite:** the answer is {LETTERS[card.correct_option]})."
            answer.update(render_math(f"{verdict}\n\n{card.explanation}".strip()))
        elif card.kind == "explain":
            points = self.query_one("#points", SelectionList)
            points.clear_options()
            points.add_options([(render_math(p), i) for i, p in enumerate(card.key_points)])
            points.display = True
            points.highlighted = 0
            answer.update(render_math(f"**Key points** (tick the ones you named)\n\n{card.explanation}".strip()))
            points.focus()
        else:
            answer.update(render_math(card.answer))
        self.update_rating_bar()

    def suggested_rating(self) -> int | None:
        card = self.item.card
        if card.kind == "mc" and self.chosen is not None:
            return 3 if self.chosen == card.correct_option else 1
        if card.kind == "explain":
            ticked = len(self.query_one("#points", SelectionList).selected)
            share = ticked / max(1, len(card.key_points))
            return 3 if share == 1 else 2 if share >= 0.5 else 1
        return None

    def update_rating_bar(self) -> None:
        suggestion = self.suggested_rating()
        parts = []
        for rating in (1, 2, 3, 4):
            label = f"[b]{rating}[/b] {RATING_NAMES[rating]} [dim]{format_interval(self.item.previews[rating])}[/dim]"
            parts.append(f"[reverse]{label}[/reverse]" if rating == suggestion else label)
        tail = "   [dim]space: accept suggestion[/dim]" if suggestion else ""
        self.query_one("#rating-bar", Static).update("   ".join(parts) + tail)

    def on_selection_list_selected_changed(self) -> None:
        if self.revealed:
            self.update_rating_bar()

    def offer_drill(self, card_id: str) -> None:
        """A drill is due again among the cards: open it; the review goes on when its screen closes.

        New drills are not pushed into a card review; they wait in the drill browser.
        """
        try:
            from dlprep.tui.screens.drill import DrillScreen
        except ImportError:
            return
        self.offered_drills.add(card_id)
        self.awaiting_drill = True
        self.app.push_screen(DrillScreen(self.services, card_id.removeprefix("drill:")))

    def on_screen_resume(self) -> None:
        if self.awaiting_drill:
            self.awaiting_drill = False
            self.show_next()

    # ----- actions ----------------------------------------------------------------------------------
    def action_reveal(self) -> None:
        if self.item is None:
            return
        if self.revealed:
            suggestion = self.suggested_rating()
            if suggestion is not None and self.item.card.kind == "mc":
                self.action_rate(suggestion)
            return
        if self.item.card.kind == "mc" and self.chosen is None:
            self.notify("Choose an option with a-d first.")
            return
        self.revealed = True
        self.show_answer()

    def action_choose(self, index: int) -> None:
        if self.item is None or self.item.card.kind != "mc" or self.chosen is not None:
            return
        if index >= len(self.item.card.options):
            return
        self.chosen = index
        self.revealed = True
        self.show_answer()

    def action_rate(self, rating: int) -> None:
        if self.item is None or not self.revealed:
            return
        duration_ms = int((time.monotonic() - self.shown_at) * 1000)
        self.services.study.rate(self.item.card.id, rating, duration_ms)
        self.reviewed += 1
        self.show_next()

    def action_undo(self) -> None:
        card_id = self.services.study.undo()
        if card_id is None:
            self.notify("Nothing to undo.")
            return
        self.reviewed = max(0, self.reviewed - 1)
        self.notify("Last rating undone.")
        # Show the card whose rating was undone, so it can be answered again.
        self.item = self.services.study.item(card_id) or self.services.study.next_item(self.deck, kinds=CARD_KINDS)
        self.revealed = False
        self.chosen = None
        self.shown_at = time.monotonic()
        self.render_card()

    def action_suspend(self) -> None:
        if self.item is None:
            return
        self.services.study.set_suspended(self.item.card.id)
        self.notify("Card suspended.")
        self.show_next()

    def action_back(self) -> None:
        self.app.pop_screen()
