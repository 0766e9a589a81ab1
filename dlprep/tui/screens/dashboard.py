"""The dashboard: due / learning / new per deck, today's reviews, the streak, leeches and deck problems.

The counts are refreshed when a screen on top closes, when the terminal regains focus, and on a timer
(every 30 s: a few indexed counts, no deck parsing), so cards that come due while it is open show up.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Iterable

from rich.markup import escape
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from dlprep.content.model import KINDS
from dlprep.errors import DlprepError
from dlprep.services import Services
from dlprep.tui.widgets.deck_list import DeckList
from dlprep.tui.widgets.inline import plain_line

CARD_KINDS = KINDS  # every concept-card kind (drills are counted apart)
REFRESH_S = 30.0

# Screens that other parts of the app provide: key -> (module, class, description). Each takes the
# Services object, except the progress screen, which takes the store (it reads through dlprep.reports).
OPTIONAL_SCREENS = {
    "p": ("dlprep.tui.screens.progress", "ProgressScreen", "Progress: activity, retention, forecast"),
    "t": ("dlprep.tui.screens.quiz", "QuizSetupScreen", "Quiz: a timed test of multiple-choice questions"),
    "d": ("dlprep.tui.screens.drills", "DrillBrowserScreen", "Drills: write code, get it graded"),
    "b": ("dlprep.tui.screens.browser", "CardBrowserScreen", "Cards: search, filter, suspend, reset, edit"),
}


class DashboardScreen(Screen):
    """Home screen. Counts come from the study service; nothing here touches the database directly."""

    BINDINGS = [
        Binding("r", "review_all", "Review"),
        Binding("enter", "review_deck", "Review deck", show=False),
        Binding("p", "open('p')", "Progress"),
        Binding("t", "open('t')", "Quiz"),
        Binding("d", "open('d')", "Drills"),
        Binding("b", "open('b')", "Cards"),
        Binding("m", "mock", "Mock"),
        Binding("i", "interview_date", "Interview date", show=False),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.resumed_before = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dashboard"):
            yield Static(id="today")
            plan = Static(id="plan")  # the interview-date line, shown once a date is set
            plan.display = False
            yield plan
            yield DeckList(id="decks")
            yield Static(id="notices")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_counts()
        self.query_one("#decks", DeckList).focus()
        self.set_interval(REFRESH_S, self.refresh_if_shown)
        # After the first paint, so that reading the drill files never delays the first screen.
        self.call_after_refresh(self.run_worker, self.sync_drills, thread=True, exclusive=True, group="sync-drills")

    def sync_drills(self) -> None:
        """Register the drills as schedulable items, off the UI thread; skipped when no drill file changed."""
        try:
            if not self.services.drills_need_sync():
                return
            from dlprep.drills.practice import DrillPractice

            DrillPractice(self.services.store, self.services.study).sync()
            self.services.mark_drills_synced()
        except DlprepError as exc:
            self.app.call_from_thread(self.notify, f"Drills not loaded: {escape(str(exc))}", severity="warning")
            return
        self.app.call_from_thread(self.refresh_counts)

    def refresh_if_shown(self) -> None:
        """The timer's refresh: only while the dashboard is the screen on top."""
        if self.app.screen is self:
            self.refresh_counts()

    def on_screen_resume(self) -> None:
        # The first resume comes right after on_mount, which has just counted; later ones follow a review.
        if self.resumed_before:
            self.refresh_counts()
        self.resumed_before = True

    def refresh_counts(self) -> None:
        study = self.services.study
        counts = study.deck_counts(kinds=CARD_KINDS)
        self.query_one("#decks", DeckList).set_counts(counts)  # draws only the lines on screen
        due = sum(study.queue_counts(kinds=CARD_KINDS))  # counted in the indexes, no card read
        drill_learning, drill_reviews, _new_drills = study.queue_counts(kinds=("drill",))
        drills = drill_learning + drill_reviews
        streak = study.streak()
        self.query_one("#today", Static).update(
            f"[b]{study.reviews_today()}[/b] reviews today · streak [b]{streak}[/b] day{'s' if streak != 1 else ''}"
            f" · [b]{due}[/b] card{'s' if due != 1 else ''} to study now"
            f" · [b]{drills}[/b] drill{'s' if drills != 1 else ''} due"
        )
        self.query_one("#notices", Static).update(self._notices(counts))
        self.run_worker(self.refresh_plan, thread=True, exclusive=True, group="plan")

    def refresh_plan(self) -> None:
        """The interview-date line (dlprep plan), computed off the UI thread: it reads the whole queue."""
        from dlprep.srs.plan_forecast import summary_line

        try:
            line = summary_line(self.services.study)
        except DlprepError as exc:
            line = f"Interview plan unavailable: {exc}"
        plan = self.query_one("#plan", Static)
        if not line and not plan.display:
            return  # no date, nothing shown: leave the screen alone
        self.app.call_from_thread(plan.update, escape(line) if line else "")
        self.app.call_from_thread(setattr, plan, "display", bool(line))

    def _notices(self, counts) -> str:
        lines = []
        if self.services.deck_count == 0:
            lines.append("[b]No decks found.[/b] Add Markdown decks to content/decks or run `dlprep import NOTES.md`.")
        elif not any(c.total for c in counts):
            lines.append("[b]The decks have no cards.[/b] See docs/deck-format.md for the card syntax.")
        for name in self.services.empty_decks:
            lines.append(f"Deck [b]{escape(name)}[/b] has no cards.")
        leeches = self.services.study.leeches()
        if leeches:
            names = escape(", ".join(plain_line(card.question, 40) for card in leeches[:3]))
            lines.append(f"[b]{len(leeches)} leech{'es' if len(leeches) > 1 else ''}[/b] suspended: {names}")
        issues = self.services.deck_issues
        if issues:
            lines.append(f"[b]{len(issues)} problem{'s' if len(issues) > 1 else ''} in the decks[/b] (skipped):")
            lines.extend(f"  {escape(str(issue))}" for issue in issues[:5])
            if len(issues) > 5:
                lines.append(f"  … and {len(issues) - 5} more (run `dlprep decks`)")
        return "\n".join(lines)

    def start_review(self, deck: str | None) -> None:
        from dlprep.tui.screens.review import ReviewScreen

        seed = getattr(self.app, "seed", None)
        rng = random.Random(seed) if seed is not None else None
        self.app.push_screen(ReviewScreen(self.services, deck=deck, include_drills=deck is None, rng=rng))

    def action_review_all(self) -> None:
        self.start_review(None)

    def action_review_deck(self) -> None:
        self.query_one("#decks", DeckList).action_select()

    def on_deck_list_selected(self, event: DeckList.Selected) -> None:
        self.start_review(event.deck)

    def action_open(self, key: str) -> None:
        module_name, class_name, _ = OPTIONAL_SCREENS[key]
        try:
            screen_class = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            self.notify("That part of dlprep is not available in this build.", severity="warning")
            return
        argument = self.services.store if key == "p" else self.services
        self.app.push_screen(screen_class(argument))

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The screens, then every drill (open it) and every deck (review it), found by name."""
        yield SystemCommand("Review all due cards", "Start a review of every deck", self.action_review_all)
        for key, (_, _, description) in OPTIONAL_SCREENS.items():
            title = description.split(":")[0]
            yield SystemCommand(title, description, lambda k=key: self.action_open(k))
        try:
            from dlprep.drills import load_drills

            specs, _ = load_drills()
        except DlprepError:
            specs = []
        # Drills first: on equal scores the palette keeps this order, so "conv" finds conv2d before ConvNets.
        for spec in sorted(specs, key=lambda s: s.id):
            yield SystemCommand(f"Drill: {spec.id}", spec.title, lambda d=spec.id: self.open_drill(d))
        for name in self.query_one("#decks", DeckList).decks:
            yield SystemCommand(f"Deck: {name}", "Review this deck", lambda d=name: self.start_review(d))

    def action_interview_date(self) -> None:
        """Set (or clear) the interview date the study plan aims at; see ``dlprep plan``."""
        from dlprep.srs import clock
        from dlprep.srs.plan import InterviewGoal, PlanError, parse_goal
        from dlprep.tui.widgets.date_prompt import DatePrompt

        store, study = self.services.store, self.services.study
        goal = InterviewGoal.load(store)

        def chosen(text: str | None) -> None:
            if text is None:
                return
            if not text:
                if InterviewGoal.clear(store):
                    self.notify("Interview date cleared: normal scheduling.")
                self.refresh_counts()
                return
            today = clock.study_day(study.now(), study.settings.day_start_hour, study.tz)
            try:
                new = parse_goal(text, today, goal.budget_min if goal else None, goal.target if goal else None)
            except PlanError as exc:
                self.notify(escape(str(exc)), severity="error")
                return
            new.save(store)
            self.notify(f"Interview date set to {new.date.isoformat()}.")
            self.refresh_counts()

        self.app.push_screen(DatePrompt(goal.date.isoformat() if goal else ""), chosen)

    def action_mock(self) -> None:
        """A 45-minute mock interview: rapid fire, concepts, coding (see dlprep.mock)."""
        from dlprep.drills.practice import DrillPractice
        from dlprep.mock import MockError, MockService
        from dlprep.tui.screens.mock import MockScreen

        practice = DrillPractice(self.services.store, self.services.study)
        try:
            run = MockService(self.services.store, self.services.study, practice=practice).plan()
        except MockError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.app.push_screen(MockScreen(run))

    def open_drill(self, drill_id: str) -> None:
        from dlprep.tui.screens.drill import DrillScreen

        self.app.push_screen(DrillScreen(self.services, drill_id))
