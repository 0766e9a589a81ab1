"""``dlprep quiz [--deck D] [--n 10]``: open the app straight on a timed quiz."""

from __future__ import annotations

import argparse

NAME = "quiz"
HELP = "a timed quiz of multiple-choice and short-answer questions (missed ones count as failed reviews)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--deck", metavar="D", help="only this deck (default: all decks)")
    parser.add_argument("--n", type=int, default=10, metavar="N", help="number of questions (default 10)")


def make_app(services, run, screen=None):
    """The dlprep app with the quiz (or ``screen(run)``) on top of the dashboard."""
    from pathlib import Path

    from dlprep.tui import app as app_module
    from dlprep.tui.screens.quiz import QuizScreen

    class QuizApp(app_module.DlprepApp):
        CSS_PATH = Path(app_module.__file__).with_name("app.tcss")  # relative paths resolve beside this module

        def on_mount(self) -> None:
            # After the dashboard is in place (Textual also runs the base class's mount handler).
            self.call_after_refresh(self.push_screen, (screen or QuizScreen)(run))

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
