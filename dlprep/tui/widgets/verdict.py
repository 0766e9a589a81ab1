"""The verdict of a run: a progress bar while grading, then the cases, the first failure in detail, the
diagnosis, warnings and what the code printed. Shows a GradeResult; never grades or stores anything."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, ProgressBar, Static

OUTPUT_SHOWN = 4000
STATUS_STYLE = {"pass": "bold green", "fail": "bold red", "error": "bold red"}


def verdict_line(result: Any, note: str = "") -> Text:
    """One line: PASS/FAIL/ERROR, cases passed, the grader's message, the time."""
    status = result.status if result.status in STATUS_STYLE else "error"
    line = Text.assemble(
        (status.upper(), STATUS_STYLE[status]),
        f"  {result.passed}/{result.total} cases  ·  ",
        (result.message or "", ""),
        (f"  ·  {result.duration_ms:.0f} ms", "dim"),
    )
    if note:
        line.append(f"\n{note}", style="italic")
    return line


def verdict_advice(result: Any) -> Text:
    """The diagnosis of a known mistake and the warnings: short, and shown first."""
    out = Text()
    if result.diagnosis:
        out.append("Diagnosis: ", style="bold yellow")
        out.append(result.diagnosis.rstrip() + "\n")
    for warning in result.warnings:
        out.append("Warning: ", style="bold yellow")
        out.append(warning.rstrip() + "\n")
    return out


def verdict_details(result: Any) -> Text:
    """The first failure in full, then the printed output and the sandbox's layers."""
    out = Text()
    failure = next((t for t in result.tests if t.status != "pass"), None)
    if failure is not None:
        out.append(f"First failure: {failure.name}\n", style="bold red")
        out.append((failure.message or "(no message)").rstrip() + "\n")
        if failure.output:
            out.append("printed during this case:\n", style="dim")
            out.append(failure.output[:OUTPUT_SHOWN].rstrip() + "\n")
        out.append("\n")
    if result.output:
        out.append("Your printed output:\n", style="bold")
        shown = result.output[:OUTPUT_SHOWN]
        out.append(shown.rstrip() + ("\n… (cut)" if len(result.output) > OUTPUT_SHOWN else "") + "\n\n")
    if result.isolation:
        out.append(f"sandbox: {', '.join(result.isolation)}", style="dim")
    return out


class VerdictView(VerticalScroll):
    """The Results pane of the drill screen."""

    DEFAULT_CSS = """
    VerdictView { padding: 0 1; }
    VerdictView #verdict-line { height: auto; margin-bottom: 1; }
    VerdictView #verdict-advice { height: auto; }
    VerdictView #verdict-progress { height: 1; margin-bottom: 1; }
    VerdictView #verdict-cases { height: auto; max-height: 14; margin-bottom: 1; }
    VerdictView #verdict-detail { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Press [b]ctrl+r[/b] to run your code against the cases.", id="verdict-line")
        yield Static(id="verdict-advice")
        yield ProgressBar(id="verdict-progress", show_eta=False)
        yield DataTable(id="verdict-cases", cursor_type="row", zebra_stripes=True)
        yield Static(id="verdict-detail")

    def on_mount(self) -> None:
        table = self.query_one("#verdict-cases", DataTable)
        for label in ("#", "Case", "Result", "Message"):
            table.add_column(label, key=label)
        table.display = False
        self.query_one("#verdict-progress", ProgressBar).display = False

    def show_running(self) -> None:
        self.query_one("#verdict-advice", Static).display = False
        self.query_one("#verdict-line", Static).update("Running… [dim](escape cancels)[/dim]")
        bar = self.query_one("#verdict-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#verdict-progress", ProgressBar).update(total=total, progress=done)

    def show_message(self, text: str) -> None:
        self.query_one("#verdict-progress", ProgressBar).display = False
        self.query_one("#verdict-line", Static).update(Text(text))

    def show_result(self, result: Any, note: str = "") -> None:
        self.query_one("#verdict-progress", ProgressBar).display = False
        self.query_one("#verdict-line", Static).update(verdict_line(result, note))
        table = self.query_one("#verdict-cases", DataTable)
        table.clear()
        for i, case in enumerate(result.tests, 1):
            style = STATUS_STYLE.get(case.status, "bold red")
            first_line = (case.message or "").strip().splitlines()[:1]
            table.add_row(str(i), Text(case.name), Text(case.status, style=style),
                          Text(first_line[0][:70] if first_line else ""))
        table.display = bool(result.tests)
        advice = verdict_advice(result)
        self.query_one("#verdict-advice", Static).update(advice)
        self.query_one("#verdict-advice", Static).display = bool(advice.plain)
        self.query_one("#verdict-detail", Static).update(verdict_details(result))
        self.scroll_home(animate=False)
