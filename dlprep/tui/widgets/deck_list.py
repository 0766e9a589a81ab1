"""The dashboard's deck list: due / learn / new / total per deck, decks under a folder grouped into one row.

A collection can hold thousands of decks (an imported folder of notes, or years of decks). The list keeps
its rows as plain data and draws only the lines on screen (Textual's line API), so filling it and scrolling
it cost the same for 20 decks or 20,000. Decks named by a path (``notes/ml/cnn``) are grouped under their top
folder, collapsed: Enter or → opens a folder, ← closes it, Enter on a deck selects it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from dlprep.content.decktree import group_by_top_folder

NUMBERS = (("due", "Due", "green"), ("learning", "Learn", "red"), ("new", "New", "dodger_blue1"),
           ("total", "Total", ""))
NUMBER_WIDTH = 7


_CONTROLS = {code: "?" for code in (*range(0x20), *range(0x7F, 0xA0))}


def _shown(name: str) -> str:
    """A deck name as one line of text: control characters (a tab, an escape) never reach the terminal."""
    return name.translate(_CONTROLS)


@dataclass(frozen=True)
class DeckRow:
    """One line of the list: a deck, or a folder of decks (``deck`` is then the folder's name)."""

    deck: str
    label: str
    due: int
    learning: int
    new: int
    total: int
    folder: bool = False
    open: bool = False
    depth: int = 0


class DeckList(ScrollView, can_focus=True):
    """A scrolling, cursor-driven list of :class:`DeckRow` drawn line by line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Review deck", show=False),
        Binding("right", "fold(True)", "Open folder", show=False),
        Binding("left", "fold(False)", "Close folder", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "deck-list--header", "deck-list--cursor", "deck-list--odd", "deck-list--folder",
    }
    DEFAULT_CSS = """
    DeckList { background: $surface; overflow-x: hidden; }
    DeckList > .deck-list--header { text-style: bold; background: $panel; }
    DeckList > .deck-list--cursor { background: $block-cursor-blurred-background; }
    DeckList:focus > .deck-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                         text-style: $block-cursor-text-style; }
    DeckList > .deck-list--odd { background: $surface-lighten-1; }
    DeckList > .deck-list--folder { text-style: bold; }
    """

    class Selected(Message):
        """Enter (or a click) on a deck: review it."""

        def __init__(self, deck: str) -> None:
            super().__init__()
            self.deck = deck

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.rows: list[DeckRow] = []
        self.cursor = 0
        self._counts: list = []
        self._opened: set[str] = set()

    # ----- data ------------------------------------------------------------------------------------------
    def set_counts(self, counts: Iterable) -> None:
        """Show ``counts`` (objects with ``deck``, ``due``, ``learning``, ``new``, ``total``); the cursor stays
        on the same deck or folder when it is still listed."""
        self._counts = list(counts)
        self._rebuild()

    @property
    def current(self) -> DeckRow | None:
        return self.rows[self.cursor] if self.rows else None

    @property
    def decks(self) -> list[str]:
        """Every deck name, opened or not (for the command palette)."""
        return [c.deck for c in self._counts]

    def _rebuild(self) -> None:
        keep = self.current.deck if self.rows else None
        rows: list[DeckRow] = []
        for group in group_by_top_folder(self._counts):
            numbers = (group.due, group.learning, group.new, group.total)
            if not group.is_folder:
                rows.append(DeckRow(group.decks[0].deck, group.decks[0].deck, *numbers))
                continue
            opened = group.name in self._opened
            label = f"{'▾' if opened else '▸'} {group.name}/ ({len(group.decks)} decks)"
            rows.append(DeckRow(group.name, label, *numbers, folder=True, open=opened))
            if opened:
                prefix = group.name + "/"
                rows.extend(DeckRow(d.deck, d.deck.removeprefix(prefix), d.due, d.learning, d.new, d.total, depth=1)
                            for d in group.decks)
        self.rows = rows
        names = [row.deck for row in rows]
        self.cursor = names.index(keep) if keep in names else min(self.cursor, max(0, len(rows) - 1))
        self.virtual_size = Size(0, len(rows) + 1)  # + the header line; never wider than the widget
        self._show_cursor()
        self.refresh()

    # ----- actions ---------------------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        self._move(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move(self.cursor + direction * max(1, self.size.height - 2))

    def action_jump(self, where: int) -> None:
        self._move(where if where >= 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        row = self.current
        if row is None:
            return
        if row.folder:
            self.action_fold(not row.open)
        else:
            self.post_message(self.Selected(row.deck))

    def action_fold(self, opened: bool) -> None:
        """Open or close the folder under the cursor (on a deck inside a folder, close closes its folder)."""
        row = self.current
        if row is None:
            return
        folder = row.deck if row.folder else (row.deck.split("/", 1)[0] if row.depth else None)
        if folder is None or (folder in self._opened) == opened:
            return
        (self._opened.add if opened else self._opened.discard)(folder)
        if not opened:
            self.cursor = next(i for i, r in enumerate(self.rows) if r.folder and r.deck == folder)
        self._rebuild()
        if opened:  # bring the opened decks into view, the folder's own row staying on screen
            last = self.cursor + sum(1 for r in self.rows if r.depth and r.deck.startswith(folder + "/"))
            visible = max(1, self.size.height - 1)
            top = round(self.scroll_offset.y)
            if last >= top + visible:
                self.scroll_to(y=min(self.cursor, last - visible + 1), animate=False, immediate=True)

    def _move(self, index: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, index))
        self._show_cursor()
        self.refresh()

    def _show_cursor(self) -> None:
        """Scroll so the cursor's line is visible below the header."""
        visible = max(1, self.size.height - 1)
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    async def _on_click(self, event: events.Click) -> None:
        index = round(self.scroll_offset.y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self.rows):
            already = index == self.cursor
            self._move(index)
            if already or self.current.folder:
                self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        self._show_cursor()

    # ----- drawing ---------------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("deck-list--header")
            return self._line("Deck", [label for _, label, _ in NUMBERS], width, style, [None] * 4)
        index = round(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        style = base
        if index % 2:
            style += self.get_component_rich_style("deck-list--odd")
        if row.folder:
            style += self.get_component_rich_style("deck-list--folder")
        cursor = index == self.cursor
        if cursor:
            style += self.get_component_rich_style("deck-list--cursor")
        values = [getattr(row, key) for key, _, _ in NUMBERS]
        colors = [None if cursor else (Style(color=color) if value and color else Style(dim=True) if not value
                                       else None) for (_, _, color), value in zip(NUMBERS, values, strict=True)]
        return self._line("  " * row.depth + _shown(row.label), [str(v) for v in values], width, style, colors)

    @staticmethod
    def _line(label: str, numbers: list[str], width: int, style: Style, colors: list[Style | None]) -> Strip:
        name_width = max(4, width - NUMBER_WIDTH * len(numbers) - 1)
        if cell_len(label) > name_width:
            label = set_cell_size(label, name_width - 1) + "…"
        segments = [Segment(" " + set_cell_size(label, name_width), style)]
        for text, color in zip(numbers, colors, strict=True):
            segments.append(Segment(text.rjust(NUMBER_WIDTH), style + color if color else style))
        return Strip(segments).crop_extend(0, width, style)
