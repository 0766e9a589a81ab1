"""The progress screen: activity heatmap, reviews per day, retention and mastery per section, the 30-day
forecast and drill results. Every figure comes from :mod:`dlprep.reports`; nothing here runs SQL.

The report is built in a worker thread (a large history takes a moment) while the screen shows a loading
indicator; the figures appear when it is done, and ``r`` builds it again the same way.

Built from Textual's own widgets (Static with Rich text, Sparkline, DataTable) in one scrolling column
that reads at 80x24.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from dlprep.errors import DlprepError
from dlprep.reports.render_text import bar, duration
from dlprep.reports.summary import Report, build_report
from dlprep.sections import section_title
from dlprep.store import Store

HEAT_STYLES = ("grey23", "dark_green", "green4", "green3", "bright_green")
HEAT_WEEKS = 26


def heatmap_text(report: Report, weeks: int = HEAT_WEEKS) -> Text:
    """The last ``weeks`` weeks of activity as a calendar: weeks as columns, Monday on top."""
    days = report.activity[-(weeks * 7 + 7):]
    counts = dict(days)
    today = report.today
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    peak = max(counts.values(), default=0)
    text = Text()
    months = [" "] * (weeks * 2)
    for col in range(weeks):
        day = first + timedelta(days=7 * col)
        if day.day <= 7 and col * 2 + 3 <= len(months):
            months[col * 2 : col * 2 + 3] = list(day.strftime("%b"))
    text.append("    " + "".join(months[: weeks * 2]).rstrip() + "\n", style="dim")
    for row, label in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        text.append(f"{label:<4}", style="dim")
        for col in range(weeks):
            day = first + timedelta(days=7 * col + row)
            if day > today:
                text.append("  ")
                continue
            count = counts.get(day, 0)
            level = 0 if count == 0 else 1 + min(3, int(4 * count / (peak + 1)))
            text.append("■ ", style=HEAT_STYLES[level])
        text.append("\n")
    text.append("    less ", style="dim")
    for style in HEAT_STYLES:
        text.append("■ ", style=style)
    text.append("more", style="dim")
    return text


def _span_caption(series: list) -> str:
    """First and last dates of a daily series, under the ends of a 60-column sparkline."""
    if not series:
        return ""
    first, last = series[0][0].strftime("%b %d"), series[-1][0].strftime("%b %d")
    return f"{first}{last:>54}"


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


class ProgressScreen(Screen):
    """Where the learner stands. ``now``/``tz`` are for tests (a fake clock); by default, the real time."""

    DEFAULT_CSS = """
    ProgressScreen VerticalScroll { padding: 0 1; }
    ProgressScreen .title { text-style: bold; margin-top: 1; }
    ProgressScreen #summary { margin-top: 1; }
    ProgressScreen Sparkline { height: 2; width: 60; }
    ProgressScreen .caption { color: $text-muted; }
    ProgressScreen DataTable { height: auto; max-height: 40; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
        Binding("r", "reload", "Refresh"),
    ]

    def __init__(self, store: Store, *, now: datetime | None = None, tz: tzinfo | None = None) -> None:
        super().__init__()
        self.store = store
        self.fixed_now = now
        self.tz = tz
        self.report: Report | None = None

    def _build(self) -> Report:
        return build_report(self.store, self.fixed_now or datetime.now(UTC), tz=self.tz)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress"):
            yield Static("Reading your history…", id="summary")
            yield Static("Activity (reviews and drill runs)", classes="title")
            yield Static(id="heatmap")
            yield Static("Reviews per day", id="reviews-title", classes="title")
            yield Sparkline([], id="reviews", summary_function=max)
            yield Static(id="reviews-caption", classes="caption")
            yield Static("Due in the next 30 days", id="forecast-title", classes="title")
            yield Sparkline([], id="forecast", summary_function=max)
            yield Static(id="forecast-caption", classes="caption")
            yield Static("Sections: mastery and true retention", classes="title")
            yield DataTable(id="sections", cursor_type="row", zebra_stripes=True)
            yield Static("Mock interviews", id="mocks-title", classes="title")
            yield Sparkline([], id="mocks", summary_function=max)
            yield Static(id="mocks-caption", classes="caption")
            yield Static("Drills", id="drills-title", classes="title")
            yield DataTable(id="drills", cursor_type="row", zebra_stripes=True)
            yield Static(id="next")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Progress"
        self.action_reload()

    def action_reload(self) -> None:
        """Build the report again in the background; the loading indicator shows until it is ready."""
        self.query_one("#progress", VerticalScroll).loading = True
        self.load_report()

    @work(thread=True, exclusive=True, group="progress-report")
    def load_report(self) -> None:
        try:
            report = self._build()
        except DlprepError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show, report)

    def _failed(self, message: str) -> None:
        self.query_one("#progress", VerticalScroll).loading = False
        self.query_one("#summary", Static).update(f"The progress report could not be built: {message}")

    def _show(self, report: Report) -> None:
        self.report = report
        self.query_one("#summary", Static).update(self._summary(report))
        self.query_one("#heatmap", Static).update(heatmap_text(report))
        counts = [n for _, n in report.reviews_per_day]
        self.query_one("#reviews-title", Static).update(
            f"Reviews per day, last {len(counts)} days (max {max(counts, default=0)})")
        self.query_one("#reviews", Sparkline).data = counts
        self.query_one("#reviews-caption", Static).update(_span_caption(report.reviews_per_day))
        due = [n for _, n in report.forecast]
        self.query_one("#forecast-title", Static).update(
            f"Due in the next 30 days: {report.due_today} today, {sum(due[:7])} this week, "
            f"{sum(due)} in all (max {max(due, default=0)} a day)")
        self.query_one("#forecast", Sparkline).data = due
        self.query_one("#forecast-caption", Static).update(_span_caption(report.forecast))
        self.query_one("#next", Static).update(self._next_steps(report))
        scores = [round(100 * m.overall) for m in report.mocks]
        self.query_one("#mocks-title", Static).update(
            f"Mock interviews: {len(scores)} finished, last {scores[-1]}%, best {max(scores)}%" if scores
            else "Mock interviews: none yet (m on the dashboard)")
        self.query_one("#mocks", Sparkline).data = scores or [0]
        self.query_one("#mocks-caption", Static).update(
            "  ".join(f"{m.started_at.date().isoformat()} {100 * m.overall:.0f}%" for m in report.mocks[-6:]))
        drills = sum(m.drills for m in report.mastery)
        mastered = sum(m.drills_mastered for m in report.mastery)
        self.query_one("#drills-title", Static).update(f"Drills: {mastered} of {drills} mastered")
        self._fill_tables(report)
        self.query_one("#progress", VerticalScroll).loading = False

    def _fill_tables(self, report: Report) -> None:
        sections = self.query_one("#sections", DataTable)
        sections.clear(columns=True)
        sections.add_columns("Section", "Mastery", "Retention", "Items")
        for m in report.mastery:
            ret = report.retention_by_section.get(m.section)
            retention = f"{_pct(ret.rate)} of {ret.total}" if ret and ret.total else "–"
            name = section_title(m.section)[: max(28, self.app.size.width - 48)]  # the width, not 28 always
            sections.add_row(name, f"{bar(m.share, 8)} {m.share:4.0%}", retention,
                             f"{m.total}" + (f" ({m.new} new)" if m.new else ""), key=m.section)
        drills = self.query_one("#drills", DataTable)
        drills.clear(columns=True)
        drills.add_columns("Drill", "Runs", "Passed", "Best", "Last")
        for h in report.drills:
            runs = Text()
            for _, status in h.runs[-10:]:
                runs.append("✓" if status == "pass" else "✗", style="green" if status == "pass" else "red")
            drills.add_row(h.drill_id[:24], runs, f"{h.passes}/{h.attempts}", f"{h.best_passed}/{h.total_cases}",
                           "pass" if h.last_status == "pass" else "fail", key=h.drill_id)

    @staticmethod
    def _summary(report: Report) -> Text:
        r, t = report.retention, report.time_all
        text = Text()
        text.append(f"Streak {report.streak} day{'s' if report.streak != 1 else ''}", style="bold")
        text.append(f" · {report.total_reviews} reviews · true retention {_pct(r.rate)}")
        if r.total:
            text.append(f" ({r.passed}/{r.total})", style="dim")
        text.append(f" · {duration(t.total_ms)} spent")
        return text

    @staticmethod
    def _next_steps(report: Report) -> Text:
        text = Text("Study next\n", style="bold")
        if not report.weakest:
            text.append("Nothing started yet: review a deck from the dashboard.", style="")
            return text
        for rank, w in enumerate(report.weakest[:3], start=1):
            text.append(f"{rank}. {section_title(w.section)}", style="bold")
            text.append(f": {'; '.join(w.advice)}\n", style="")
        return text
