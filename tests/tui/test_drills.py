"""The drill browser and drill screen driven with Pilot, grading through the real sandboxed grader."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, TabbedContent, TextArea

from dlprep.drills import get_drill, reference_source
from dlprep.drills.practice import DrillPractice
from dlprep.grading import Grader
from dlprep.grading.result import GradeResult
from dlprep.tui.screens.drill import DrillScreen
from dlprep.tui.screens.drills import DrillBrowserScreen
from dlprep.tui.widgets.confirm import ConfirmScreen
from dlprep.tui.widgets.solution import SolutionView
from tests.tui.screen_text import screen_lines

SOFTMAX = """import numpy as np
def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)
"""

LAYER_NORM_EPS_OUTSIDE = """import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    print("mean computed")
    mean = x.mean(axis=-1, keepdims=True)
    return (x - mean) / (x.std(axis=-1, keepdims=True) + eps) * gamma + beta
"""

SLOW_SOFTMAX = """import time
import numpy as np

calls = []


def softmax(x, axis=-1):
    if not calls:
        time.sleep(6)
    calls.append(1)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
"""


@pytest.fixture
def grader():
    g = Grader()
    yield g
    g.close()


@pytest.fixture
def drill_app(make_app, grader):
    """The real app (tmp data home, fake clock) sharing one real grader."""

    def _make():
        app = make_app()
        app.grader = grader
        return app

    return _make


@pytest.fixture
def no_warmup(monkeypatch):
    """For tests that never grade: do not start the grading worker in the background."""
    monkeypatch.setenv("DLPREP_NO_WARMUP", "1")


def attempts(app) -> list[dict]:
    sql = "SELECT drill_id, status, passed, total, code, hints_used FROM attempts ORDER BY id"
    return app.services.store.query(sql)


def editor(screen) -> TextArea:
    return screen.query_one("#editor", TextArea)


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("enter" if ch == "\n" else ch)


async def open_drill(pilot, drill_id: str) -> DrillScreen:
    """From the dashboard: d, type the id in the search box, enter."""
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DrillBrowserScreen)
    await type_text(pilot, drill_id)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DrillScreen) and screen.drill_id == drill_id
    await pilot.press("f6")  # the code (below 140 columns the drill opens on its prompt)
    await pilot.pause()
    return screen


async def push_drill(pilot, drill_id: str) -> DrillScreen:
    """Open the drill screen directly (the browser path is covered by the first test)."""
    screen = DrillScreen(pilot.app.services, drill_id)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    await pilot.press("f6")  # the code (below 140 columns the drill opens on its prompt)
    await pilot.pause()
    return screen


async def run_and_wait(pilot, screen: DrillScreen) -> None:
    await pilot.press("ctrl+r")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert not screen.running


async def test_type_a_correct_solution_run_it_and_find_the_attempt(drill_app, private_home: Path) -> None:
    app = drill_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_drill(pilot, "softmax")
        assert editor(screen).text == get_drill("softmax").starter
        await pilot.press("f7")  # select all, then type over it
        await type_text(pilot, SOFTMAX)
        assert editor(screen).text == SOFTMAX
        await run_and_wait(pilot, screen)
        line = static_text(screen, "#verdict-line")
        assert "PASS" in line and "9/9" in line and "Scheduled Easy" in line
        assert screen.query_one("#drill-tabs", TabbedContent).active == "results"
        cases = screen.query_one("#verdict-cases", DataTable)
        assert cases.row_count == 9 and {str(cases.get_row_at(i)[2]) for i in range(9)} == {"pass"}
        assert screen.query_one(SolutionView).reference == reference_source("softmax")
        assert "reference" in str(screen.query_one("#solution-diff", Static).render())
        history = screen.query_one("#history-table", DataTable)
        assert history.row_count == 1 and str(history.get_row_at(0)[1]) == "pass"
        [row] = attempts(app)
        assert (row["drill_id"], row["status"], row["passed"], row["total"], row["code"]) == (
            "softmax", "pass", 9, 9, SOFTMAX)
        assert app.services.store.query("SELECT card_id, rating, source FROM reviews") == [
            {"card_id": "drill:softmax", "rating": 4, "source": "drill"}]
    assert (private_home / "workspace" / "softmax.py").read_text() == SOFTMAX


async def test_a_failing_run_shows_the_first_failure_diagnosis_and_output(drill_app) -> None:
    app = drill_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await push_drill(pilot, "layer_norm")
        editor(screen).load_text(LAYER_NORM_EPS_OUTSIDE)
        await run_and_wait(pilot, screen)
        assert "FAIL" in static_text(screen, "#verdict-line")
        detail = static_text(screen, "#verdict-detail")
        assert "First failure: a single vector" in detail and "mean computed" in detail
        advice = static_text(screen, "#verdict-advice")
        assert "Diagnosis:" in advice and "eps" in advice and "standard deviation" in advice
        assert screen.query_one(SolutionView).reference == ""
        assert [(r["status"], r["passed"] < r["total"]) for r in attempts(app)] == [("fail", True)]
        assert app.services.store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0


async def test_the_ui_answers_keys_while_a_slow_submission_runs_and_escape_cancels(drill_app) -> None:
    app = drill_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await push_drill(pilot, "softmax")
        editor(screen).load_text(SLOW_SOFTMAX)
        await pilot.press("ctrl+r")
        await pilot.pause()
        [worker] = [w for w in app.workers if w.group == "grade"]
        await pilot.press("f2")
        assert screen.query_one("#drill-tabs", TabbedContent).active == "prompt"
        await pilot.press("i", "#")
        assert editor(screen).text.count("#") == 1
        assert screen.running and not worker.is_finished  # both keys handled before the verdict
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.running
        assert "Cancelled" in static_text(screen, "#verdict-line")
        assert isinstance(app.screen, DrillScreen)
        assert attempts(app) == []


async def test_hints_come_one_at_a_time_and_are_logged(drill_app, no_warmup) -> None:
    app = drill_app()
    hints = get_drill("softmax").hints
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await push_drill(pilot, "softmax")
        assert not screen.query_one("#hints", Static).display
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.query_one("#hints", Static).display
        assert f"Hint 1/{len(hints)}" in screen.hints_text and "Hint 2" not in screen.hints_text
        assert hints[0] in screen.hints_text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert f"Hint 2/{len(hints)}" in screen.hints_text
        for _ in range(len(hints)):
            await pilot.press("ctrl+t")
        await pilot.pause()
        logged = app.services.store.query("SELECT drill_id, hint_index FROM hints_shown ORDER BY id")
        assert logged == [{"drill_id": "softmax", "hint_index": i} for i in range(len(hints))]


async def test_reset_asks_first_and_keeps_the_old_code_in_history(drill_app, no_warmup, private_home: Path) -> None:
    app = drill_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await push_drill(pilot, "softmax")
        editor(screen).load_text("def softmax(x, axis=-1):\n    return x\n")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert editor(screen).text.startswith("def softmax(x, axis=-1):\n    return x")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert editor(screen).text == get_drill("softmax").starter
        assert screen.query_one("#history-table", DataTable).row_count == 1
        [row] = attempts(app)
        assert (row["status"], row["code"]) == ("reset", "def softmax(x, axis=-1):\n    return x\n")
    assert (private_home / "workspace" / "softmax.py").read_text() == get_drill("softmax").starter


async def test_give_up_shows_the_reference_and_schedules_again(drill_app, no_warmup) -> None:
    app = drill_app()
    dismissed = []
    async with app.run_test(size=(120, 36)) as pilot:
        screen = DrillScreen(app.services, "softmax")
        await app.push_screen(screen, dismissed.append)
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.query_one("#drill-tabs", TabbedContent).active == "solution"
        view = screen.query_one(SolutionView)
        assert "gave up" in view.heading and view.reference == reference_source("softmax")
        assert [r["status"] for r in attempts(app)] == ["gave_up"]
        assert app.services.store.query("SELECT card_id, rating FROM reviews") == [
            {"card_id": "drill:softmax", "rating": 1}]
        await pilot.press("escape")
        await pilot.pause()
        assert dismissed == [1] and app.screen is not screen


async def test_autosave_and_edits_from_another_editor(drill_app, no_warmup, private_home: Path) -> None:
    app = drill_app()
    path = private_home / "workspace" / "softmax.py"
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await push_drill(pilot, "softmax")
        editor(screen).move_cursor(editor(screen).document.end)
        await type_text(pilot, "# note\n")
        await pilot.pause(0.8)
        assert path.read_text().endswith("# note\n")
        path.write_text("def softmax(x, axis=-1):\n    return x  # from vim\n", encoding="utf-8")
        await pilot.pause(1.0)
        assert editor(screen).text.endswith("# from vim\n")
        await type_text(pilot, "# typed just before quitting")
        await pilot.press("ctrl+q")
    assert "# typed just before quitting" in path.read_text()


async def test_external_editor_runs_editor_on_the_workspace_file(drill_app, no_warmup, tmp_path, monkeypatch):
    script = tmp_path / "fake_editor.py"
    script.write_text("import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write('# edited outside\\n')\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    app = drill_app()
    monkeypatch.setattr(type(app), "suspend", lambda self: contextlib.nullcontext())  # no terminal under Pilot
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await push_drill(pilot, "softmax")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert editor(screen).text.endswith("# edited outside\n")


async def test_browser_search_and_status_filter(drill_app, no_warmup) -> None:
    app = drill_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        browser = app.screen
        table = browser.query_one("#drill-table", DataTable)
        everything = table.row_count
        assert everything == len(browser.practice.specs()) >= 6
        table.focus()
        await type_text(pilot, "layer norm")  # typed with the table focused: goes to the search box
        await pilot.pause()
        assert browser.query_one("#drill-search", Input).value == "layer norm"
        assert "layer_norm" in browser.shown and len(browser.shown) < everything
        browser.query_one("#drill-search", Input).value = ""
        browser.practice.record_run("softmax", "x = 1\n", GradeResult("softmax", "fail", "0 of 9", 0, 9))
        await pilot.press("ctrl+f", "ctrl+f", "ctrl+f", "ctrl+f")  # any -> new -> passed -> due -> failing
        await pilot.pause()
        assert browser.shown == ["softmax"]
        assert [str(c) for c in table.get_row_at(0)][4:6] == ["failing", "fail 0/9"]


async def test_a_drill_that_cannot_be_loaded_says_why_and_escape_goes_back(drill_app, no_warmup) -> None:
    app = drill_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = DrillScreen(app.services, "no_such_drill")
        await app.push_screen(screen)
        await pilot.pause()
        assert "unknown drill 'no_such_drill'" in static_text(screen, "#drill-problem")
        await pilot.press("ctrl+r", "ctrl+t", "ctrl+g")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen
        assert attempts(app) == []


async def test_at_80x24_the_drill_shows_one_pane_at_a_time_and_f1_is_help(drill_app, no_warmup) -> None:
    from dlprep.tui.screens.help import HelpScreen

    app = drill_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = DrillScreen(app.services, "softmax")
        await app.push_screen(screen)
        await pilot.pause()
        tabs = screen.query_one("#drill-tabs", TabbedContent)
        assert tabs.active == "prompt" and not editor(screen).display
        for _ in range(100):  # the footer is drawn after the screen's first refresh: slower on a loaded machine
            footer = screen_lines(app)[-1]
            if footer.strip():
                break
            await pilot.pause(0.05)
        for key in ("Run", "Hint", "Code", "Help", "Back"):
            assert key in footer, footer  # nothing cut off at 80 columns
        await pilot.press("f6")
        await pilot.pause()
        assert editor(screen).display and app.focused is editor(screen)
        assert editor(screen).size.height >= 15  # the code gets the screen, not a strip of it
        await pilot.press("question_mark")  # a character of the code, not help
        await pilot.pause()
        assert "?" in editor(screen).text and app.screen is screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("Markdown").source.split("**")[1] == "Drill"  # this screen's keys first
        await pilot.press("escape", "f3")
        await pilot.pause()
        assert tabs.active == "results" and not editor(screen).display


async def test_from_140_columns_the_code_sits_beside_the_panes(drill_app, no_warmup) -> None:
    app = drill_app()
    async with app.run_test(size=(150, 40)) as pilot:
        screen = DrillScreen(app.services, "softmax")
        await app.push_screen(screen)
        await pilot.pause()
        assert editor(screen).display and app.focused is editor(screen)
        assert editor(screen).region.x > screen.query_one("#drill-tabs").region.x
        assert "F6 Code" not in "\n".join(screen_lines(app))


async def test_the_results_table_shows_every_case_without_its_own_scrollbar(drill_app, no_warmup) -> None:
    from dlprep.grading.result import CaseResult
    from dlprep.tui.widgets.verdict import VerdictView

    app = drill_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = DrillScreen(app.services, "softmax")
        await app.push_screen(screen)
        await pilot.press("f3")
        cases = [CaseResult(f"case {i}", "pass") for i in range(19)] + [CaseResult("case 19", "fail", "off by one")]
        screen.query_one("#verdict", VerdictView).show_result(
            GradeResult("softmax", "fail", "1 of 20 cases fails", 19, 20, tests=cases))
        await pilot.pause()
        table = screen.query_one("#verdict-cases", DataTable)
        assert table.size.height >= 21  # header + 20 rows: the pane scrolls as one, the table never alone


# ----- snapshots (a fixed drill folder, so new drills in the library do not change them) -------------------

TOY_YAML = """id: toy_scale
title: Scale a vector
section: Attention
difficulty: easy
framework: numpy
kind: function
entry: scale
tolerance: {rtol: 1.0e-9, atol: 1.0e-12}
hints:
  - Multiply every entry by the same number.
  - "return alpha * x"
time_budget_s: 10
tags: [toy]
"""
TOY_PROMPT = """# Scale a vector

Write `scale(x, alpha)` returning $y = \\alpha x$ for a float64 array `x` of any shape.

## Example
```
scale(np.array([1.0, 2.0]), 3.0) = [3., 6.]
```
"""
TOY_STARTER = 'import numpy as np\n\n\ndef scale(x, alpha):\n    """alpha * x."""\n    raise NotImplementedError\n'


@pytest.fixture
def toy_root(tmp_path: Path) -> Path:
    for drill_id, title, difficulty in (("toy_scale", "Scale a vector", "easy"), ("toy_sum", "Sum rows", "hard")):
        folder = tmp_path / "drills" / drill_id
        folder.mkdir(parents=True)
        yaml_text = TOY_YAML.replace("toy_scale", drill_id).replace("Scale a vector", title)
        (folder / "drill.yaml").write_text(yaml_text.replace("difficulty: easy", f"difficulty: {difficulty}"))
        (folder / "prompt.md").write_text(TOY_PROMPT)
        (folder / "starter.py").write_text(TOY_STARTER)
        (folder / "cases.py").write_text("def cases():\n    return []\n")
        (folder / "mistakes.py").write_text("MISTAKES = {}\n")
    return tmp_path / "drills"


async def steady(pilot) -> None:
    """No blinking cursors in snapshots."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def _toy_practice(app, toy_root: Path) -> DrillPractice:
    practice = DrillPractice(app.services.store, app.services.study, drills_root=toy_root)
    practice.record_run("toy_sum", "x = 1\n", GradeResult("toy_sum", "fail", "2 of 5 cases fail", 3, 5))
    return practice


def test_snapshot_drill_browser(snap_compare, make_app, toy_root, monkeypatch) -> None:
    app = make_app()
    practice = _toy_practice(app, toy_root)

    async def show(pilot) -> None:
        await pilot.app.push_screen(DrillBrowserScreen(app.services, practice=practice))
        await steady(pilot)

    assert snap_compare(app, terminal_size=(100, 24), run_before=show)


def _drill_snapshot(snap_compare, make_app, toy_root, size, drill_id="toy_scale", keys=(), result=None) -> bool:
    app = make_app()
    practice = _toy_practice(app, toy_root)

    async def show(pilot) -> None:
        screen = DrillScreen(app.services, drill_id, practice=practice)
        await pilot.app.push_screen(screen)
        await pilot.pause()
        if result is not None:
            from dlprep.tui.widgets.verdict import VerdictView

            screen.query_one("#drill-tabs", TabbedContent).active = "results"
            screen.query_one("#verdict", VerdictView).show_result(result, "Scheduled Again: failed.")
        await pilot.press(*keys)
        await steady(pilot)

    return snap_compare(app, terminal_size=size, run_before=show)


def _failing_result() -> GradeResult:
    from dlprep.grading.result import CaseResult

    cases = [CaseResult(f"shape {i}", "pass") for i in range(6)]
    cases.append(CaseResult("negative alpha", "fail", "max abs error 2.0 at (1,)\nexpected [-3. -6.]\ngot [3. 6.]"))
    return GradeResult("toy_scale", "fail", "1 of 7 cases fails", 6, 7, tests=cases,
                       diagnosis="You return abs(alpha) * x: the sign of alpha is lost.", duration_ms=12.0)


def test_snapshot_drill_screen_narrow(snap_compare, make_app, toy_root, no_warmup) -> None:
    assert _drill_snapshot(snap_compare, make_app, toy_root, (80, 24))


def test_snapshot_drill_screen_80x24_code(snap_compare, make_app, toy_root, no_warmup) -> None:
    assert _drill_snapshot(snap_compare, make_app, toy_root, (80, 24), keys=("f6",))


def test_snapshot_drill_screen_80x24_results(snap_compare, make_app, toy_root, no_warmup) -> None:
    assert _drill_snapshot(snap_compare, make_app, toy_root, (80, 24), result=_failing_result())


def test_snapshot_drill_screen_120x40(snap_compare, make_app, toy_root, no_warmup) -> None:
    assert _drill_snapshot(snap_compare, make_app, toy_root, (120, 40), result=_failing_result())


def test_snapshot_drill_screen_wide_history(snap_compare, make_app, toy_root, no_warmup) -> None:
    assert _drill_snapshot(snap_compare, make_app, toy_root, (150, 40), drill_id="toy_sum", keys=("f4",))


async def test_narrowing_the_terminal_while_typing_keeps_the_code_in_view(drill_app, no_warmup) -> None:
    app = drill_app()
    async with app.run_test(size=(150, 40)) as pilot:
        screen = DrillScreen(app.services, "softmax")
        await app.push_screen(screen)
        await pilot.pause()
        assert app.focused is editor(screen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.query_one("#drill-tabs", TabbedContent).active == "code"
        assert editor(screen).display and app.focused is editor(screen)
