"""The key points of an explain card as a checklist: one box per point, on the point's first line.

A point that wraps keeps its box on its first line and indents the rest under its text (a table with a
box column and a text column), so ticks never drift onto the wrong lines. The widget takes no focus: the
review screen moves the highlight and toggles points, so that ``space`` stays free for the rating.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from dlprep.content.mathtext import render_math
from dlprep.tui.widgets.inline import inline_text


class KeyPointList(Static):
    """Points to tick; ``ticked`` holds their indexes, ``cursor`` the highlighted one."""

    DEFAULT_CSS = "KeyPointList { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.points: list[str] = []
        self.ticked: set[int] = set()
        self.notes: dict[int, str] = {}
        self.cursor = 0

    def set_points(self, points: list[str], ticked: set[int] | None = None,
                   notes: dict[int, str] | None = None) -> None:
        """Show ``points``; ``ticked`` pre-ticks some, ``notes`` adds a dim line under a point (e.g. evidence)."""
        self.points, self.ticked, self.cursor = list(points), set(ticked or ()), 0
        self.notes = dict(notes or {})
        self.update(self.table())

    def move(self, step: int) -> None:
        if self.points:
            self.cursor = max(0, min(len(self.points) - 1, self.cursor + step))
            self.update(self.table())

    def toggle(self, index: int | None = None) -> None:
        index = self.cursor if index is None else index
        if 0 <= index < len(self.points):
            self.ticked ^= {index}
            self.update(self.table())

    def table(self) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=1)
        grid.add_column(width=3, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        for i, point in enumerate(self.points):
            here = i == self.cursor
            box = Text("[x]" if i in self.ticked else "[ ]", style="bold green" if i in self.ticked else "")
            text = inline_text(render_math(point), style="reverse" if here else "")
            if i in self.notes:
                text.append("\n")
                text.append(self.notes[i], style="dim italic")
            grid.add_row(Text("›" if here else " ", style="bold"), box, text)
        return grid
