"""Earlier attempts at a drill: one row each (when, verdict, cases, hints, time spent); the selected
attempt's code below. Shows Attempt objects handed to it; never reads the database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from dlprep.srs import clock

STATUS_STYLE = {"pass": "green", "fail": "red", "error": "red", "reset": "dim", "gave_up": "yellow"}


def spent(ms: int | None) -> str:
    """Working time as ``42s`` or ``3m05s``."""
    if not ms:
        return ""
    seconds = int(ms / 1000)
    return f"{seconds}s" if seconds < 60 else f"{seconds // 60}m{seconds % 60:02d}s"


class AttemptHistory(Vertical):
    """The History pane of the drill screen."""

    DEFAULT_CSS = """
    AttemptHistory { padding: 0 1; }
    AttemptHistory #history-table { height: auto; min-height: 3; max-height: 12; }
    AttemptHistory #history-caption { height: 1; }
    AttemptHistory #history-scroll { height: 2fr; min-height: 3; }
    AttemptHistory #history-code { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's keyword
        super().__init__(id=id)
        self.attempts: list[Any] = []
        self.shown_code = ""

    def compose(self) -> ComposeResult:
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Static("[dim]No attempts yet.[/dim]", id="history-caption")
        with VerticalScroll(id="history-scroll"):
            yield Static(id="history-code")

    def on_mount(self) -> None:
        table = self.query_one("#history-table", DataTable)
        for label in ("When", "Result", "Cases", "Hints", "Time"):
            table.add_column(label, key=label)

    def show(self, attempts: Sequence[Any], tz: Any = None) -> None:
        """Fill the table with ``attempts`` (newest first) and show the newest one's code."""
        self.attempts = list(attempts)
        table = self.query_one("#history-table", DataTable)
        table.clear()
        for attempt in self.attempts:
            when = clock.parse_iso(attempt.finished_at).astimezone(tz).strftime("%b %d %H:%M")
            cases = f"{attempt.passed}/{attempt.total}" if attempt.total else ""
            status = Text(attempt.status.replace("_", " "), style=STATUS_STYLE.get(attempt.status, ""))
            table.add_row(when, status, cases, str(attempt.hints_used or ""), spent(attempt.duration_ms),
                          key=str(attempt.id))
        self.select(0)

    def select(self, index: int) -> None:
        caption = self.query_one("#history-caption", Static)
        code = self.query_one("#history-code", Static)
        if not self.attempts:
            caption.update("[dim]No attempts yet.[/dim]")
            code.update("")
            return
        attempt = self.attempts[index]
        caption.update(f"[dim]Code of attempt {len(self.attempts) - index} ({attempt.status.replace('_', ' ')})[/dim]")
        self.shown_code = attempt.code
        code.update(Syntax(attempt.code, "python", theme="ansi_dark", line_numbers=True, word_wrap=True))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "history-table" and 0 <= event.cursor_row < len(self.attempts):
            self.select(event.cursor_row)
