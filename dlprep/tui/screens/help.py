"""The help screen (``?``, or F1 anywhere): every key, grouped by screen, the current screen's first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

SECTIONS = {
    "dashboard": """\
**Dashboard**
- `r` review everything due · `enter` review the highlighted deck
- decks imported from a folder of notes sit under one row: `enter` or `right` opens it, `left` closes it
- `b` card browser · `p` progress · `t` quiz (test yourself) · `d` drills
- `m` mock interview · `i` interview date (the study plan aims at it; empty clears it)
- `ctrl+p` command palette (screens, decks and drills by name) · `?` or `F1` this help · `q` quit
""",
    "review": """\
**Review**
- `space` reveal the answer · on an explain card, `t` types the answer first (enter submits)
- `1` Again · `2` Hard · `3` Good · `4` Easy (the interval each gives is shown on its key)
- multiple choice: `a`-`d` to answer (the options are shuffled each time), then `space` accepts the
  suggested rating or `1`-`4` overrides it
- explain cards: `up`/`down` move, `enter` (or `x`) ticks the key points you named; `space` accepts
  the suggested rating
- `u` undo the last rating or suspension · `s` suspend this card · `escape` back to the dashboard
- the top line shows the card's kind and state, and how many new, learning and due cards remain
""",
    "drill": """\
**Drill**
- `F2` prompt · `F3` results · `F4` history · `F5` solution · `F6` (or `i`) the code; from 140 columns
  the code sits beside the other panes
- `ctrl+r` run (grade in the sandbox) · `escape` cancel a run, else back
- `ctrl+t` next hint · `ctrl+n` reset to the starter · `ctrl+g` give up and see the reference
- `ctrl+b` restore your earlier code when a due drill opened on its starter (the run is then practice)
- `ctrl+o` open the file in `$EDITOR` · `ctrl+s` save now (it also saves as you type)
- `F1` this help (`?` types a question mark in the editor)
""",
    "browser": """\
**Card browser**
- type to search question and answer text · `tab` moves between the search, the filters and the table
- `F2` deck · `F3` kind · `F4` state · `F5` flag (suspended, leech, buried, imported) filters
- in the table: `s` suspend or unsuspend · `n` reset to new · `z` bury until tomorrow · `e` open the
  source file at the card's line in `$EDITOR` · `escape` back
""",
    "quiz": """\
**Quiz and drills list**
- quiz: `a`-`d` or type the answer and `enter`; `escape` ends the quiz
- drills list: type to search, `ctrl+f` cycles the status filter, `enter` opens
""",
}
ORDER = ("dashboard", "review", "drill", "browser", "quiz")


def help_text(topic: str | None = None) -> str:
    """The help, with ``topic``'s section first."""
    first = [topic] if topic in SECTIONS else []
    body = "\n".join(SECTIONS[name] for name in [*first, *(n for n in ORDER if n != topic)])
    return f"# dlprep keys\n\n{body}\nRatings are saved the moment you give them. `escape` closes this help.\n"


HELP_TEXT = help_text()


class HelpScreen(ModalScreen[None]):
    """Modal help; any of escape, q, ? or F1 closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False, priority=True),
    ]

    def __init__(self, topic: str | None = None) -> None:
        super().__init__()
        self.topic = topic

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(help_text(self.topic))

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
