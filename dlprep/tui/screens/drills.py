"""The drill browser: every drill with its section, difficulty, framework, status, last result and date.

Type to search (id, title, section, tags); filter by section and by status; up/down move, enter opens.
"""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from dlprep.drills.practice import STATUSES, DrillPractice, DrillStatus
from dlprep.drills.spec import DrillSpec
from dlprep.sections import section_title
from dlprep.services import Services

STATUS_STYLE = {"new": "dodger_blue1", "passed": "green", "due": "yellow", "failing": "red"}
COMPACT_BELOW = 100


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def matches(spec: DrillSpec, words: list[str]) -> bool:
    """Every word of the search appears in the drill's id, title, section or tags."""
    haystack = " ".join((spec.id, spec.title, section_title(spec.section), " ".join(spec.tags))).lower()
    return all(word in haystack for word in words)


def last_result(status: DrillStatus) -> str:
    if status.last_status is None:
        return ""
    if status.last_status in ("pass", "fail", "error"):
        return f"{status.last_status} {status.last_passed}/{status.last_total}"
    return status.last_status.replace("_", " ")


class DrillBrowserScreen(Screen):
    """Lists the drills; opens :class:`~dlprep.tui.screens.drill.DrillScreen` on the chosen one."""

    DEFAULT_CSS = """
    DrillBrowserScreen #drill-browser { padding: 0 1; }
    DrillBrowserScreen #drill-filters { height: 3; }
    DrillBrowserScreen #drill-search { width: 1fr; }
    DrillBrowserScreen #section-filter { width: 30; }
    DrillBrowserScreen #status-filter { width: 20; }
    DrillBrowserScreen #drill-table { height: 1fr; }
    DrillBrowserScreen #drill-summary { height: auto; max-height: 4; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("enter", "open", "Open"),
        Binding("ctrl+f", "cycle_status", "Status filter"),
    ]

    def __init__(self, services: Services, *, practice: DrillPractice | None = None, grader: object = None) -> None:
        super().__init__()
        self.services = services
        self.practice = practice or DrillPractice(services.store, services.study)
        self.grader = grader
        self.shown: list[str] = []
        self.compact = False
        self._statuses: dict[str, DrillStatus] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="drill-browser"):
            with Horizontal(id="drill-filters"):
                yield Input(placeholder="type to search", id="drill-search", select_on_focus=False)
                yield Select([], prompt="all sections", id="section-filter")
                yield Select([(s, s) for s in STATUSES], prompt="any status", id="status-filter")
            yield DataTable(id="drill-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="drill-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "drills"
        self.practice.sync()
        specs = self.practice.specs()
        sections = sorted({s.section for s in specs.values()}, key=section_title)
        self.query_one("#section-filter", Select).set_options((section_title(s), s) for s in sections)
        self.build_columns()
        self.refresh_table()
        self.query_one("#drill-search", Input).focus()

    def build_columns(self) -> None:
        """All columns when there is room; without the framework and with shorter names when narrow."""
        self.compact = self.app.size.width < COMPACT_BELOW
        table = self.query_one("#drill-table", DataTable)
        table.clear(columns=True)
        labels = ["Drill", "Section", "Level", "Framework", "Status", "Last", "Date"]
        if self.compact:
            labels.remove("Framework")
        for label in labels:
            table.add_column(label, key=label)

    def on_resize(self, event: object = None) -> None:
        if self.is_mounted and self.compact != (self.app.size.width < COMPACT_BELOW):
            self.build_columns()
            self.refresh_table()

    def on_screen_resume(self) -> None:
        self.refresh_table(reload=True)

    def refresh_table(self, reload: bool = False) -> None:
        specs = self.practice.specs()
        if reload or self._statuses is None:
            self._statuses = self.practice.statuses()
        statuses = self._statuses
        words = self.query_one("#drill-search", Input).value.lower().split()
        section = self.query_one("#section-filter", Select).value
        wanted = self.query_one("#status-filter", Select).value
        table = self.query_one("#drill-table", DataTable)
        keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        table.clear()
        self.shown = []
        query = "_".join(words)
        for spec in sorted(specs.values(), key=lambda s: (not s.id.startswith(query), s.id)):
            status = statuses[spec.id]
            if not matches(spec, words):
                continue
            if section != Select.NULL and spec.section != section:
                continue
            if wanted != Select.NULL and status.status != wanted:
                continue
            date = status.last_at.astimezone(self.services.study.tz).strftime("%b %d") if status.last_at else ""
            cells = [
                _cut(spec.id, 22 if self.compact else 32),
                _cut(section_title(spec.section), 14 if self.compact else 24),
                spec.difficulty,
                spec.framework,
                Text(status.status, style=STATUS_STYLE[status.status]),
                last_result(status),
                date,
            ]
            if self.compact:
                del cells[3]
            table.add_row(*cells, key=spec.id)
            self.shown.append(spec.id)
        if keep in self.shown:
            table.move_cursor(row=self.shown.index(keep))
        self.query_one("#drill-summary", Static).update(self.summary(statuses))

    def summary(self, statuses: dict[str, DrillStatus]) -> str:
        counts = {name: sum(1 for s in statuses.values() if s.status == name) for name in STATUSES}
        parts = [f"[b]{len(self.shown)}[/b] of {len(statuses)} drills shown"]
        parts += [f"[{STATUS_STYLE[n]}]{counts[n]} {n}[/]" for n in STATUSES]
        text = " · ".join(parts)
        if self.practice.load_errors:
            text += f"\n[yellow]{len(self.practice.load_errors)} drill(s) could not be loaded:[/] "
            text += escape("; ".join(self.practice.load_errors[:2]))
        return text

    def on_key(self, event: events.Key) -> None:
        """Typing while the table has focus goes to the search box."""
        if event.is_printable and event.character and isinstance(self.focused, DataTable):
            search = self.query_one("#drill-search", Input)
            search.focus()
            search.value += event.character
            search.cursor_position = len(search.value)
            event.stop()
            event.prevent_default()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_table()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_table(reload=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_drill(event.row_key.value)

    def action_move(self, step: int) -> None:
        table = self.query_one("#drill-table", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_open(self) -> None:
        table = self.query_one("#drill-table", DataTable)
        if table.row_count:
            self.open_drill(self.shown[table.cursor_row])

    def action_cycle_status(self) -> None:
        select = self.query_one("#status-filter", Select)
        order = [Select.NULL, *STATUSES]
        current = order.index(select.value) if select.value in order else 0
        select.value = order[(current + 1) % len(order)]

    def open_drill(self, drill_id: str) -> None:
        from dlprep.tui.screens.drill import DrillScreen

        self.app.push_screen(DrillScreen(self.services, drill_id, practice=self.practice, grader=self.grader))

    def action_back(self) -> None:
        self.app.pop_screen()
