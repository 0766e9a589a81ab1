"""The reference solution beside the person's code, with a unified diff (difflib) between them."""

from __future__ import annotations

import difflib

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


def code_diff(mine: str, reference: str) -> Text:
    """A coloured unified diff from the person's code to the reference."""
    lines = difflib.unified_diff(
        mine.splitlines(), reference.splitlines(), "your code", "reference", n=2, lineterm=""
    )
    out = Text()
    for line in lines:
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        else:
            style = ""
        out.append(line + "\n", style=style)
    return out if out.plain else Text("Your code is the same as the reference.", style="green")


class SolutionView(VerticalScroll):
    """The Solution pane: hidden behind a note until the drill is passed or given up."""

    DEFAULT_CSS = """
    SolutionView { padding: 0 1; }
    SolutionView Static { height: auto; }
    SolutionView #solution-diff { margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("[dim]The reference appears here after a pass, or when you give up (ctrl+g).[/dim]",
                     id="solution-note")
        yield Static(id="solution-code")
        yield Static(id="solution-diff")

    reference: str = ""
    heading: str = ""

    def show(self, reference: str, mine: str, heading: str) -> None:
        self.reference, self.heading = reference, heading
        self.query_one("#solution-note", Static).update(Text(heading, style="bold"))
        self.query_one("#solution-code", Static).update(
            Syntax(reference, "python", theme="ansi_dark", line_numbers=False, word_wrap=True)
        )
        diff = Text("Diff from your code to the reference:\n", style="bold")
        diff.append_text(code_diff(mine, reference))
        self.query_one("#solution-diff", Static).update(diff)
        self.scroll_home(animate=False)
