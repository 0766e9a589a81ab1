"""A small modal that asks for the interview date (YYYY-MM-DD; empty clears it)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class DatePrompt(ModalScreen[str | None]):
    """Dismisses with the typed text (possibly empty) on enter, or None on escape."""

    DEFAULT_CSS = """
    DatePrompt { align: center middle; }
    #date-box { width: 60; max-width: 95%; height: auto; border: thick $accent; background: $panel;
                padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str = "") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="date-box"):
            yield Static("[b]Interview date[/b] (YYYY-MM-DD): the plan aims your reviews at it.\n"
                         "Enter an empty date to go back to normal scheduling; escape cancels.")
            yield Input(self.current, placeholder="2027-01-15", id="date-input", max_length=10)

    def on_mount(self) -> None:
        self.query_one("#date-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
