"""``dlprep quiz [--deck D] [--n 10]``: a timed quiz in the terminal; back to the shell at the end."""

from __future__ import annotations

import argparse

NAME = "quiz"
HELP = "a timed quiz of multiple-choice and short-answer questions (missed ones count as failed reviews)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--deck", metavar="D", help="only this deck (default: all decks)")
    parser.add_argument("--n", type=int, default=10, metavar="N", help="number of questions (default 10)")


def make_app(services, run, screen=None):
    """The dlprep app showing only the quiz (or ``screen(run)``, e.g. a mock interview): when it closes, the
    app exits and the shell that started ``dlprep quiz`` comes back."""
    from pathlib import Path

    from textual.screen import Screen

    from dlprep.tui import app as app_module
    from dlprep.tui.screens.quiz import QuizScreen

    class BackToShell(Screen):
        """The bottom screen: shows the quiz (or mock) on top once, and exits when it is back on top."""

        shown_quiz = False

        def on_mount(self) -> None:
            self.call_after_refresh(self.show_quiz)

        def show_quiz(self) -> None:
            self.shown_quiz = True
            self.app.push_screen((screen or QuizScreen)(run))

        def on_screen_resume(self) -> None:
            if self.shown_quiz:
                self.app.exit()

    class QuizApp(app_module.DlprepApp):
        CSS_PATH = Path(app_module.__file__).with_name("app.tcss")  # relative paths resolve beside this module

        def get_default_screen(self) -> Screen:
            return BackToShell()

    return QuizApp(services)


def run(args: argparse.Namespace) -> int:
    from dlprep.quiz import QuizService
    from dlprep.services import open_services

    services = open_services()
    try:
        quiz_run = QuizService(services.store, services.study).start(args.deck, args.n)
    except BaseException:
        services.close()
        raise
    make_app(services, quiz_run).run()
    return 0
