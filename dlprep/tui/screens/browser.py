"""The card browser (``b`` on the dashboard): search every card as you type, filter, inspect, act.

Filters: deck, kind, state (new / learning / review) and a flag (suspended, leech, buried, imported).
The table shows question, deck, due, interval and lapses; below it the highlighted card's full text and
its review history. Actions on the highlighted card: ``s`` suspend/unsuspend, ``n`` reset to new,
``z`` bury until tomorrow, ``e`` open its source file at its line in ``$EDITOR``. Everything goes
through :class:`~dlprep.srs.cards.CardList`; fits 80x24 and needs no mouse.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from datetime import timedelta

from rich.console import Group
from rich.markdown import Markdown as RichMarkdown
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from dlprep.content import cloze
from dlprep.content.mathtext import render_math
from dlprep.sections import section_title
from dlprep.services import Services
from dlprep.srs.cards import CARD_KINDS, FLAGS, STATES, CardFilter, CardList, CardRow
from dlprep.srs.scheduler import RATING_NAMES, format_interval
from dlprep.tui.widgets.inline import plain_line

SHOWN_AT_MOST = 2000


def question_line(row: CardRow) -> str:
    """One line for the table: the cloze with its own blank masked, math as Unicode, no Markdown marks."""
    text = cloze.front(row.card.question, row.card.cloze_index) if row.kind == "cloze" else row.question
    return plain_line(render_math(text))


def card_markdown(row: CardRow, gen_seed: int | None = None) -> str:
    """The whole card as Markdown: question, answer (or options, or key points), explanation.

    A gen card shows the numbers of ``gen_seed`` (its last review's), else an example (seed 0)."""
    card = row.card
    parts = [cloze.back(card.question, card.cloze_index) if card.kind == "cloze" else card.question]
    if card.kind == "mc":
        parts.append("\n".join(f"- {'✔' if o.correct else '·'} {o.text}" for o in card.options))
    elif card.kind == "explain":
        parts.append("\n".join(f"- {p}" for p in card.key_points))
    elif card.kind == "basic":
        parts.append(f"**→** {card.answer}")
    elif card.kind == "gen":
        parts.append(gen_example(card, gen_seed))
    if card.explanation:
        parts.append(card.explanation)
    return render_math("\n\n".join(p for p in parts if p.strip()))


def gen_example(card, seed: int | None = None) -> str:
    """A gen card's numbers for ``seed`` (its last review's; None: an example, seed 0) with the answer."""
    from dlprep.content.gen import GenError, draw

    shown = "as shown at its last review" if seed is not None else "for example"
    seed = 0 if seed is None else seed
    try:
        drawn = draw(card, seed)
    except GenError as exc:
        return f"*Generator `{card.generator}` cannot draw: {exc}*"
    return (f"*Fresh numbers each review (generator `{card.generator}`); {shown}, seed {seed}:*\n\n"
            f"{drawn.question}\n\n**→** {drawn.answer_text()}")


class CardBrowserScreen(Screen):
    """Every card, searchable and filterable, with the highlighted one in full below the table."""

    DEFAULT_CSS = """
    CardBrowserScreen #browser { padding: 0 1; }
    CardBrowserScreen #browser-filters { height: 1; margin-bottom: 1; }
    CardBrowserScreen #card-search { width: 1fr; margin-right: 1; }
    CardBrowserScreen #deck-filter { width: 20; }
    CardBrowserScreen #kind-filter { width: 11; }
    CardBrowserScreen #state-filter { width: 12; }
    CardBrowserScreen #flag-filter { width: 13; }
    CardBrowserScreen #card-table { height: 40%; min-height: 5; }
    CardBrowserScreen #card-detail { height: 1fr; border-top: solid $primary; }
    CardBrowserScreen #card-detail-text { height: auto; }
    CardBrowserScreen #browser-summary { height: 1; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("s", "toggle_suspend", "Suspend"),
        Binding("n", "reset", "Reset"),
        Binding("z", "bury", "Bury"),
        Binding("e", "edit", "Edit"),
        Binding("f1", "browser_help", "Help", show=False, priority=True),
        Binding("question_mark", "browser_help", "Help", key_display="?"),  # text in the search box
        Binding("f2", "focus_filter('deck')", "Deck", show=False, priority=True),
        Binding("f3", "focus_filter('kind')", "Kind", show=False, priority=True),
        Binding("f4", "focus_filter('state')", "State", show=False, priority=True),
        Binding("f5", "focus_filter('flag')", "Flag", show=False, priority=True),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.cards = CardList(services.store, services.study)
        self.rows: list[CardRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="browser"):
            with Horizontal(id="browser-filters"):
                yield Input(placeholder="search cards", id="card-search", compact=True, select_on_focus=False)
                yield Select([], prompt="all decks", id="deck-filter", compact=True)
                yield Select([(k, k) for k in CARD_KINDS], prompt="any kind", id="kind-filter", compact=True)
                yield Select([(s, s) for s in STATES], prompt="any state", id="state-filter", compact=True)
                yield Select([(f, f) for f in FLAGS], prompt="any flag", id="flag-filter", compact=True)
            yield DataTable(id="card-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="browser-summary")
            with VerticalScroll(id="card-detail"):
                yield Static(id="card-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "cards"
        self.query_one("#deck-filter", Select).set_options((d, d) for d in self.cards.decks())
        table = self.query_one("#card-table", DataTable)
        for label, width in (("Question", None), ("Deck", 14), ("Due", 6), ("Ivl", 5), ("Laps", 4)):
            table.add_column(label, key=label, width=width)
        self.on_resize()
        self.refresh_table()
        self.query_one("#card-search", Input).focus()

    def on_resize(self, event: object = None) -> None:
        """The question column takes whatever the other columns leave."""
        table = self.query_one("#card-table", DataTable)
        if "Question" not in table.columns:  # not mounted yet
            return
        width = max(20, self.app.size.width - 2 - (14 + 6 + 5 + 4) - 2 * 5 - 2)
        table.columns["Question"].width = width
        table.columns["Question"].auto_width = False
        if self.rows:
            self.refresh_table()

    # ----- the listing ---------------------------------------------------------------------------------
    def current_filter(self) -> CardFilter:
        def value(selector: str) -> str | None:
            chosen = self.query_one(selector, Select).value
            return None if chosen == Select.NULL else str(chosen)

        return CardFilter(text=self.query_one("#card-search", Input).value, deck=value("#deck-filter"),
                          kind=value("#kind-filter"), state=value("#state-filter"), flag=value("#flag-filter"),
                          limit=SHOWN_AT_MOST)

    def refresh_table(self) -> None:
        table = self.query_one("#card-table", DataTable)
        keep = self.selected.id if self.selected else None
        self.rows = self.cards.list_cards(self.current_filter())
        width = table.columns["Question"].width
        table.clear()
        for row in self.rows:
            table.add_row(Text(self._cut(question_line(row), width)), Text(self._cut(row.deck, 14)), self.due_cell(row),
                          format_interval(timedelta(days=row.interval_days)) if row.interval_days else "",
                          str(row.lapses) if row.lapses else "", key=row.id)
        ids = [r.id for r in self.rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        more = " (the first shown: narrow the search)" if len(self.rows) >= SHOWN_AT_MOST else ""
        self.query_one("#browser-summary", Static).update(
            Text(f"{len(self.rows)} card{'s' if len(self.rows) != 1 else ''}{more}", style="dim"))
        self.show_detail()

    @staticmethod
    def _cut(text: str, width: int) -> str:
        return text if len(text) <= width else text[: max(0, width - 1)] + "…"

    def due_cell(self, row: CardRow) -> Text:
        if row.suspended:
            return Text("susp", style="yellow")
        if row.buried_until:
            return Text("buried", style="yellow")
        if row.due is None:
            return Text("new", style="dodger_blue1")
        now = self.services.study.now()
        if row.due <= now:
            return Text("now", style="green")
        local = row.due.astimezone(self.services.study.tz)
        return Text(local.strftime("%H:%M") if row.due - now < timedelta(hours=12) else local.strftime("%b%d"))

    @property
    def selected(self) -> CardRow | None:
        table = self.query_one("#card-table", DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def show_detail(self) -> None:
        row = self.selected
        detail = self.query_one("#card-detail-text", Static)
        if row is None:
            detail.update(Text("No card matches.", style="dim"))
            return
        flags = [row.kind, row.state, row.source]
        flags += [f for f, on in (("suspended", row.suspended), ("leech", row.leech)) if on]
        if row.buried_until:
            flags.append("buried")
        section = section_title(row.section)
        names = [row.deck] if section.casefold() == row.deck.casefold() else [row.deck, section]
        where = " · ".join([*names, f"{os.path.basename(row.file)}:{row.line}"])
        head = Text.assemble((" · ".join(flags), "bold"), "   ", (where, "dim"))
        history = Table(title="Reviews", title_justify="left", box=None, padding=(0, 2), show_edge=False)
        for label in ("date", "rating", "interval", "from"):
            history.add_column(label, style="dim" if label == "from" else "")
        tz = self.services.study.tz
        entries = self.cards.history(row.id)
        for entry in entries[-20:]:
            interval = format_interval(timedelta(days=entry.interval_days)) if entry.interval_days is not None else ""
            history.add_row(entry.reviewed_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                            f"{entry.rating} {RATING_NAMES.get(entry.rating, '')}", interval, entry.source)
            if entry.seed is not None:
                typed = f"typed {entry.typed[:100]}" if entry.typed else "no answer typed"
                history.add_row("", Text(f"seed {entry.seed}, {typed} ({entry.covered})", style="dim"), "", "")
            elif entry.typed:
                history.add_row("", Text(f"typed, {entry.covered} key points: {entry.typed[:300]}", style="dim"),
                                "", "")
        tail = history if entries else Text("No reviews yet.", style="dim")
        seeds = [entry.seed for entry in entries if entry.seed is not None]
        body = card_markdown(row, seeds[-1] if seeds else None)
        detail.update(Group(head, RichMarkdown(body), Text(""), tail))
        self.query_one("#card-detail", VerticalScroll).scroll_home(animate=False)

    # ----- events ------------------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_table()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_table()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#card-table", DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Letters typed in the table are actions; anything else printable goes to the search box."""
        if not isinstance(self.focused, DataTable) or not event.is_printable or not event.character:
            return
        if event.character in "snze":
            return
        search = self.query_one("#card-search", Input)
        search.focus()
        search.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The card actions work from the table (letters typed in the search box are text)."""
        if action in ("toggle_suspend", "reset", "bury", "edit"):
            return isinstance(self.focused, DataTable) and self.selected is not None
        return True

    def on_descendant_focus(self, event: object) -> None:
        self.refresh_bindings()

    # ----- actions ---------------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        """up/down move through the table from the search box too."""
        table = self.query_one("#card-table", DataTable)
        if isinstance(self.focused, Select):
            return
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_focus_filter(self, name: str) -> None:
        self.query_one(f"#{name}-filter", Select).focus()

    def action_toggle_suspend(self) -> None:
        row = self.selected
        if row is None:
            return
        self.cards.set_suspended(row.id, not row.suspended)
        self.notify("Unsuspended." if row.suspended else "Suspended.")
        self.refresh_table()

    def action_reset(self) -> None:
        row = self.selected
        if row is None:
            return
        self.cards.reset(row.id)
        self.notify("Reset to new: it comes back with the new cards; its history is kept.")
        self.refresh_table()

    def action_bury(self) -> None:
        row = self.selected
        if row is None:
            return
        until = self.cards.bury(row.id).astimezone(self.services.study.tz)
        self.notify(f"Buried until {until:%a %H:%M}.")
        self.refresh_table()

    def action_edit(self) -> None:
        """Open the card's source file at its line in $EDITOR (or $VISUAL, else vi), the app suspended."""
        row = self.selected
        if row is None or not row.file:
            self.notify("This card has no source file.", severity="warning")
            return
        if not os.path.exists(row.file):
            self.notify(f"The source file is gone: {escape(row.file)}", severity="warning")
            return
        command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        try:
            with self.app.suspend():
                subprocess.run([*command, f"+{max(1, row.line)}", row.file], check=False)
        except Exception as exc:  # noqa: BLE001 - no terminal to hand over, or no such editor
            self.notify(f"Could not open the editor: {escape(str(exc))}", severity="error")

    def action_browser_help(self) -> None:
        from dlprep.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(topic="browser"))

    def action_back(self) -> None:
        self.app.pop_screen()
