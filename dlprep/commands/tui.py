"""``dlprep`` (or ``dlprep tui``): the interactive app."""

from __future__ import annotations

import argparse

NAME = "tui"
HELP = "open the app (the default when no command is given)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def run(args: argparse.Namespace) -> int:
    from dlprep.tui.app import DlprepApp

    DlprepApp().run()
    return 0
