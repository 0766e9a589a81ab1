"""The help screen (``?``): every key, grouped by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP_TEXT = """\
# dlprep keys

**Dashboard**
- `r` review everything due · `enter` review the highlighted deck
- `p` progress · `t` quiz (test yourself) · `d` drills
- `ctrl+p` command palette · `?` this help · `q` quit

**Review**
- `space` reveal the answer
- `1` Again · `2` Hard · `3` Good · `4` Easy (the interval each gives is shown on its key)
- multiple choice: `a`-`d` to answer, then `space` accepts the suggested rating or `1`-`4` overrides it
- explain cards: tick the key points you named (`up`/`down`, `enter`), then rate
- `u` undo the last rating · `s` suspend this card · `escape` back to the dashboard

Ratings are saved the moment you give them.
"""


class HelpScreen(ModalScreen[None]):
    """Modal help; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP_TEXT)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
