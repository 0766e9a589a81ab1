"""The dlprep Textual app: opens the services, shows the dashboard, offers every action in the palette."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from dlprep.services import Services, open_services
from dlprep.tui.screens.dashboard import DashboardScreen

HELPERS_DELAY_S = 1.5


class DlprepApp(App):
    """Concept cards and drills for deep-learning interviews."""

    TITLE = "dlprep"
    SUB_TITLE = "deep-learning interview prep"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(self, services: Services | None = None, *, home: Path | None = None,
                 seed: int | None = None) -> None:
        super().__init__()
        self.services = services or open_services(home, daily_backup=False)  # taken after the first screen
        self.seed = seed  # fixes the shuffle of multiple-choice options (tests, snapshots)

    def on_mount(self) -> None:
        # The trusted compute process starts a moment after the first paint: started at once, its start-up
        # competes with the first screen for the two cores. A drill opened sooner starts it itself.
        self.set_timer(HELPERS_DELAY_S, self.services.start_helpers)
        # Today's backup copy likewise, in a thread: copying a large database takes seconds.
        self.set_timer(HELPERS_DELAY_S, lambda: self.run_worker(self.daily_backup, thread=True, group="backup"))

    def daily_backup(self) -> None:
        from dlprep.errors import DlprepError

        try:
            self.services.daily_backup()
        except DlprepError as exc:
            self.call_from_thread(self.notify, f"No backup today: {exc}", severity="warning", markup=False)

    def get_default_screen(self) -> Screen:
        return DashboardScreen(self.services)

    def action_help(self) -> None:
        from dlprep.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            topic = {"ReviewScreen": "review", "DrillScreen": "drill", "CardBrowserScreen": "browser",
                     "QuizScreen": "quiz", "QuizSetupScreen": "quiz", "DrillBrowserScreen": "quiz"}
            self.push_screen(HelpScreen(topic.get(type(self.screen).__name__, "dashboard")))

    def on_app_focus(self) -> None:
        """Back in the terminal after a while: the dashboard's counts may be stale."""
        dashboard = next((s for s in self.screen_stack if isinstance(s, DashboardScreen)), None)
        if dashboard is not None and self.screen is dashboard:
            dashboard.refresh_counts()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        dashboard = next((s for s in self.screen_stack if isinstance(s, DashboardScreen)), None)
        if dashboard is not None:
            yield from dashboard.palette_commands()
        yield SystemCommand("Help", "Keys and what they do", self.action_help)

    def on_unmount(self) -> None:
        grader = getattr(self, "grader", None)
        if grader is not None:
            grader.close()
        self.services.close()
