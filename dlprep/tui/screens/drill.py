"""The drill screen: prompt, results, history, solution and a Python editor; run, hints, reset, give up.

Designed for 80x24 first: below 140 columns one pane shows at a time, chosen on the tab strip (F2 prompt,
F3 results, F4 history, F5 solution, F6 or ``i`` the code); from 140 columns the panes sit beside the
editor. F1 lists every key. A drill served inside a review opens on its prompt with the editor unfocused.

The code lives in ``workspace/<id>.py`` in the data home: saved half a second after the last keystroke
(atomic write), and reloaded when another editor changes the file. ctrl+r grades in a thread worker
through the app's one :class:`~dlprep.grading.Grader`; escape cancels a run. Storing and scheduling
go through :class:`~dlprep.drills.practice.DrillPractice`.
"""

from __future__ import annotations

import atexit
import os
import shlex
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from rich.markdown import Markdown as RichMarkdown
from rich.markup import escape
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from dlprep.content.mathtext import render_math
from dlprep.drills.practice import DrillPractice, RunOutcome
from dlprep.errors import DlprepError
from dlprep.sections import section_title
from dlprep.services import Services
from dlprep.srs.scheduler import RATING_NAMES
from dlprep.tui.widgets.confirm import ConfirmScreen
from dlprep.tui.widgets.history import AttemptHistory
from dlprep.tui.widgets.solution import SolutionView
from dlprep.tui.widgets.verdict import VerdictView
from dlprep.tui.widgets.workspace_editor import WorkspaceEditor

NARROW_BELOW = 140  # below this width one pane at a time (prompt, results, ... or the code); beside each other above
MAX_ATTEMPT_MS = 3_600_000  # an idle hour with the screen open is not counted as work
WARM_UP_DELAY_S = 0.3


def shared_grader(app: App) -> Any:
    """The app's one Grader (its warm worker is started on first use and stopped at exit)."""
    grader = getattr(app, "grader", None)
    if grader is None:
        from dlprep.grading import Grader

        services = getattr(app, "services", None)
        grader = Grader(compute=services.compute) if services is not None else Grader()
        app.grader = grader
        atexit.register(grader.close)
    return grader


def shown_path(path: Path) -> str:
    """The workspace file as a person would type it: under ``$DLPREP_HOME`` or ``~`` when it is."""
    home = os.environ.get("DLPREP_HOME")
    for base, name in ((home, "$DLPREP_HOME"), (str(Path.home()), "~")):
        if base and path.is_relative_to(Path(base).expanduser()):
            return f"{name}/{path.relative_to(Path(base).expanduser())}"
    return str(path)


class DrillScreen(Screen[int | None]):
    """One drill. ``practice`` and ``grader`` default to new/shared ones built from ``services``.

    Escape dismisses the screen with the rating this visit gave the drill (1-4), or None, so a review
    session that pushes it with a callback knows what happened.
    """

    DEFAULT_CSS = """
    DrillScreen #drill-meta { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap;
                              text-overflow: ellipsis; }
    DrillScreen #drill-body { layout: horizontal; height: 1fr; }
    DrillScreen #drill-tabs { width: 1fr; height: 1fr; }
    DrillScreen #editor { width: 1fr; height: 1fr; }
    DrillScreen #drill-body.narrow { layout: vertical; }
    DrillScreen #drill-body.narrow #editor { display: none; }
    DrillScreen #drill-body.narrow.coding #editor { display: block; height: 1fr; }
    DrillScreen #drill-body.narrow.coding #drill-tabs { height: 2; }
    DrillScreen TabPane { padding: 0; }
    DrillScreen #prompt-pane { padding: 0 1; }
    DrillScreen #hints { border-top: solid $warning; height: auto; }
    DrillScreen #prompt-text { height: auto; }
    """
    BINDINGS = [
        Binding("ctrl+r", "run", "Run", priority=True),
        Binding("escape", "escape", "Back", priority=True),
        Binding("ctrl+t", "hint", "Hint", priority=True),
        Binding("f6", "tab('code')", "Code", priority=True),
        Binding("i", "tab('code')", "Code", show=False),
        Binding("f1", "drill_help", "Help", priority=True),
        Binding("question_mark", "drill_help", "Help", show=False),  # typed as text in the editor
        Binding("ctrl+n", "reset", "Reset", show=False, priority=True),
        Binding("ctrl+g", "give_up", "Give up", show=False, priority=True),
        Binding("ctrl+b", "restore", "Restore earlier code", show=False, priority=True),
        Binding("ctrl+o", "external_editor", "$EDITOR", show=False, priority=True),
        Binding("ctrl+s", "save", "Save", show=False, priority=True),
        Binding("f2", "tab('prompt')", "Prompt", show=False, priority=True),
        Binding("f3", "tab('results')", "Results", show=False, priority=True),
        Binding("f4", "tab('history')", "History", show=False, priority=True),
        Binding("f5", "tab('solution')", "Solution", show=False, priority=True),
    ]

    def __init__(self, services: Services, drill_id: str, *, practice: DrillPractice | None = None,
                 grader: Any = None, focus_editor: bool = True) -> None:
        super().__init__()
        self.focus_editor = focus_editor
        self.services = services
        self.drill_id = drill_id
        self.practice = practice or DrillPractice(services.store, services.study)
        self.problem = ""
        self.fresh_start = False
        try:
            self.spec = self.practice.spec(drill_id)
            self.path = self.practice.workspace_path(drill_id)
            self.code_at_open, self.fresh_start = self.practice.open_code(drill_id)
        except DlprepError as exc:  # shown on the screen; only escape works then
            self.problem = str(exc)
        self._grader = grader
        self._cancel: threading.Event | None = None
        self._work_mark = time.monotonic()
        self.running = False
        self.last_outcome: RunOutcome | None = None
        self.rating: int | None = None
        self._reference = ""
        self.hints_text = ""

    @property
    def grader(self) -> Any:
        if self._grader is None:
            self._grader = shared_grader(self.app)
        return self._grader

    def compose(self) -> ComposeResult:
        yield Header()
        if self.problem:
            yield Static(f"[b]This drill cannot be opened.[/b]\n\n{escape(self.problem)}\n\nPress escape to go back.",
                         id="drill-problem")
            yield Footer()
            return
        editor = WorkspaceEditor.code_editor(self.code_at_open, language="python", id="editor", soft_wrap=False)
        yield Static(id="drill-meta")
        with Container(id="drill-body"):
            with TabbedContent(id="drill-tabs", initial="prompt"):
                with TabPane("F2 Prompt", id="prompt"), VerticalScroll(id="prompt-pane"):
                    yield Static(RichMarkdown(render_math(self.spec.prompt), code_theme="ansi_dark"), id="prompt-text")
                    yield Static(id="hints")
                with TabPane("F3 Results", id="results"):
                    yield VerdictView(id="verdict")
                with TabPane("F4 History", id="history"):
                    yield AttemptHistory(id="attempts")
                with TabPane("F5 Solution", id="solution"):
                    yield SolutionView(id="solution-view")
                yield TabPane("F6 Code", id="code")
            yield editor.attach(self.path, lambda text: self.practice.save_code(self.drill_id, text))
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A drill that failed to load offers only escape."""
        return not self.problem or action == "escape"

    def on_mount(self) -> None:
        if self.problem:
            return
        self.sub_title = self.spec.title
        self.practice.ensure_card(self.drill_id)
        self.show_hints()
        self.refresh_meta()
        self.refresh_history()
        self.on_resize()
        if self.focus_editor and not self.narrow:
            self.editor.focus()
        else:
            self.query_one("#prompt-pane").focus()
        self.set_timer(WARM_UP_DELAY_S, self.warm_up)  # after the first paint
        if self.fresh_start:
            self.notify("Due again: write it from scratch. Your earlier code is in the history; ctrl+b restores it "
                        "(the run is then practice, not rated).", timeout=8)

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW_BELOW

    def on_resize(self, event: Any = None) -> None:
        """One pane at a time when narrow (the Code tab shows the editor); side by side when wide."""
        if self.problem:
            return
        tabs = self.query_one("#drill-tabs", TabbedContent)
        self.query_one("#drill-body").set_class(self.narrow, "narrow")
        if self.narrow:
            tabs.show_tab("code")
            if self.app.focused is self.editor:  # typing goes on where it can be seen
                tabs.active = "code"
        else:
            if tabs.active == "code":
                tabs.active = "prompt"
            tabs.hide_tab("code")
        self.sync_coding()

    def sync_coding(self) -> None:
        """The editor is shown (when narrow) exactly while the Code tab is active."""
        coding = self.query_one("#drill-tabs", TabbedContent).active == "code"
        self.query_one("#drill-body").set_class(coding, "coding")

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.sync_coding()
        if event.pane.id == "code":
            self.editor.focus()

    def refresh_meta(self) -> None:
        s = self.spec
        status = self.practice.status(self.drill_id).status
        self.query_one("#drill-meta", Static).update(
            f"[b]{escape(s.id)}[/b] · {escape(section_title(s.section))} · {escape(s.difficulty)} · "
            f"{escape(s.framework)} · [i]{status}[/i] · {escape(shown_path(self.path))}"
        )

    def refresh_history(self) -> None:
        self.query_one("#attempts", AttemptHistory).show(self.practice.attempts(self.drill_id),
                                                         self.services.study.tz)

    def show_hints(self) -> None:
        """Show the hints revealed so far, below the prompt."""
        hints = self.practice.hints_revealed(self.drill_id)
        widget = self.query_one("#hints", Static)
        widget.display = bool(hints)
        total = len(self.spec.hints)
        self.hints_text = "\n\n".join(f"**Hint {i}/{total}.** {render_math(h)}" for i, h in enumerate(hints, 1))
        widget.update(RichMarkdown(self.hints_text, code_theme="ansi_dark"))

    # ----- the workspace file ---------------------------------------------------------------------
    @property
    def editor(self) -> WorkspaceEditor:
        return self.query_one("#editor", WorkspaceEditor)

    @property
    def code(self) -> str:
        return self.editor.text

    def action_save(self) -> None:
        self.editor.flush()
        self.notify(f"Saved {escape(self.path.name)}")

    def action_external_editor(self) -> None:
        """Open $EDITOR (or $VISUAL, else vi) on the workspace file with the app suspended."""
        self.editor.flush()
        command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        try:
            with self.app.suspend():
                subprocess.run([*command, str(self.path)], check=False)
        except Exception as exc:  # noqa: BLE001 - no terminal to hand over, or no such editor
            self.notify(f"Could not open the editor: {escape(str(exc))}", severity="error")
            return
        self.editor.poll_file()

    # ----- running ------------------------------------------------------------------------------------
    def take_work_ms(self) -> int:
        """Working time since the previous attempt (or since the screen opened)."""
        now = time.monotonic()
        ms = min(MAX_ATTEMPT_MS, int((now - self._work_mark) * 1000))
        self._work_mark = now
        return ms

    def action_run(self) -> None:
        if self.running:
            self.notify("A run is already going; escape cancels it.")
            return
        self.editor.flush()
        self.running = True
        self._cancel = threading.Event()
        self.query_one("#drill-tabs", TabbedContent).active = "results"
        self.sync_coding()
        self.query_one("#verdict", VerdictView).show_running()
        self.grade(self.code, self.take_work_ms(), self._cancel)

    @work(thread=True, exclusive=True, group="grade", exit_on_error=False)
    def grade(self, code: str, work_ms: int, cancel: threading.Event) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.show_progress, done, total)

        try:
            outcome = self.practice.run(self.drill_id, code, self.grader, progress=progress, cancel=cancel,
                                        duration_ms=work_ms)
        except DlprepError as exc:
            self.app.call_from_thread(self.finish_run, None, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the person; the screen must stay usable
            self.app.call_from_thread(self.finish_run, None, f"{exc.__class__.__name__}: {exc}")
            return
        self.app.call_from_thread(self.finish_run, outcome, "")

    def show_progress(self, done: int, total: int) -> None:
        if self.is_attached:
            self.query_one("#verdict", VerdictView).show_progress(done, total)

    def finish_run(self, outcome: RunOutcome | None, error: str) -> None:
        self.running = False
        if not self.is_attached:
            return
        verdict = self.query_one("#verdict", VerdictView)
        if error:
            verdict.show_message(f"Could not grade: {error}")
            return
        if outcome is None:
            verdict.show_message("Cancelled. Nothing was recorded.")
            return
        self.last_outcome = outcome
        self.rating = outcome.rating or self.rating
        note = outcome.reason
        if outcome.rating:
            note = f"Scheduled {RATING_NAMES[outcome.rating]}: {outcome.reason.split(': ', 1)[-1]}"
        if outcome.result.status == "pass":
            note = (note + "\n" if note else "") + "f5 shows the reference solution and a diff with yours."
        verdict.show_result(outcome.result, note)
        self.refresh_history()
        self.refresh_meta()
        if outcome.result.status == "pass":
            self.show_solution("Passed. The reference solution, and how yours differs:")

    def action_escape(self) -> None:
        """Cancel a running grade; otherwise leave, dismissing with the rating this visit gave (or None)."""
        if self.problem:
            self.dismiss(None)
            return
        if self.running and self._cancel is not None:
            self._cancel.set()
            self.query_one("#verdict", VerdictView).show_message("Cancelling…")
            return
        self.editor.flush()
        self.dismiss(self.rating)

    def warm_up(self) -> None:
        """Start the grading worker and prepare this drill's cases in the background."""
        if os.environ.get("DLPREP_NO_WARMUP"):
            return
        self._warm(self.grader)

    @work(thread=True, group="warm", exit_on_error=False)
    def _warm(self, grader: Any) -> None:
        if hasattr(grader, "warm_up"):
            grader.warm_up(self.spec.framework)
        if hasattr(grader, "prepared"):
            grader.prepared(self.drill_id)

    # ----- hints, reset, give up ------------------------------------------------------------------------
    def action_hint(self) -> None:
        shown = self.practice.reveal_hint(self.drill_id)
        if shown is None:
            self.notify("No more hints. ctrl+g gives up and shows the reference.")
            return
        self.query_one("#drill-tabs", TabbedContent).active = "prompt"
        self.sync_coding()
        self.show_hints()
        self.call_after_refresh(self.query_one("#prompt-pane", VerticalScroll).scroll_end, animate=False)

    def busy(self) -> bool:
        """True (and says so) while a run is going: reset and give up wait for its verdict."""
        if self.running:
            self.notify("A run is going: wait for its verdict, or press escape to cancel it.")
        return self.running

    def action_reset(self) -> None:
        if self.busy():
            return

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            starter = self.practice.reset(self.drill_id, self.code, duration_ms=self.take_work_ms())
            self.editor.replace_text(starter)
            self.refresh_history()
            self.notify("Back to the starter; your previous code is in History (f4).")

        self.app.push_screen(
            ConfirmScreen("Reset to the starter code? Your current code is kept in the attempt history.", "Reset"),
            done,
        )

    def action_restore(self) -> None:
        """Bring back the latest earlier code; the episode then counts as practice (see DrillPractice)."""
        if self.busy():
            return
        if self.practice.previous_code(self.drill_id) is None:
            self.notify("There is no earlier code for this drill yet.")
            return

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            restored = self.practice.restore_previous(self.drill_id, self.code)
            if restored is not None:
                self.editor.replace_text(restored)
                self.refresh_history()
                self.notify("Earlier code restored: passing now is practice, not a rating.")

        self.app.push_screen(
            ConfirmScreen("Restore your earlier code? This drill's runs then count as practice, not as a review.",
                          "Restore"),
            done,
        )

    def action_give_up(self) -> None:
        if self.busy():
            return
        if self.last_outcome is not None and self.last_outcome.result.status == "pass":
            self.notify("You passed this drill: the reference is in the Solution tab (f5).")
            self.action_tab("solution")
            return

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            self.editor.flush()
            try:
                reference, rating = self.practice.give_up(self.drill_id, self.code, duration_ms=self.take_work_ms())
            except DlprepError as exc:
                self.notify(escape(str(exc)), severity="error")
                return
            self.show_solution("You gave up: here is the reference. Study it, then write it yourself later.",
                               reference)
            self.refresh_history()
            self.refresh_meta()
            if rating:
                self.rating = rating
                self.notify("Scheduled Again: this drill comes back soon.")

        self.app.push_screen(
            ConfirmScreen("Give up and see the reference? The drill will be scheduled Again.", "Give up"), done
        )

    def show_solution(self, heading: str, reference: str | None = None) -> None:
        from dlprep.drills import reference_source

        try:
            if reference is None:
                reference = self._reference or reference_source(self.drill_id)
        except DlprepError as exc:
            self.notify(escape(str(exc)), severity="error")
            return
        self._reference = reference
        self.query_one("#solution-view", SolutionView).show(reference, self.code, heading)
        if self.query_one("#drill-tabs", TabbedContent).active != "results":
            self.query_one("#drill-tabs", TabbedContent).active = "solution"
            self.sync_coding()

    # ----- navigation -----------------------------------------------------------------------------------
    def action_tab(self, name: str) -> None:
        """Show a pane (prompt, results, history, solution) or, with ``code``, the editor."""
        tabs = self.query_one("#drill-tabs", TabbedContent)
        if name == "code":
            if self.narrow:
                tabs.active = "code"
                self.sync_coding()
            self.editor.focus()
            return
        tabs.active = name
        self.sync_coding()
        focus = {"prompt": "#prompt-pane", "results": "#verdict", "history": "#history-table",
                 "solution": "#solution-view"}[name]
        self.query_one(focus).focus()

    def action_drill_help(self) -> None:
        from dlprep.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(topic="drill"))

    def on_unmount(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

