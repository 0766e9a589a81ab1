"""Hostile submissions aimed at the result channel, the terminal and the banned-API check.

Every byte sequence a submission can put on its result pipe or print ends in a verdict, never in a crash
of the warm worker or of the trusted side; what it prints reaches a terminal, SQLite and the TUI only with
its control characters shown escaped; banned APIs are flagged however they are reached. After each
hostile grade: the warm worker is the same process, no sandbox process is left, and the reference still
passes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dlprep.drills import reference_source
from dlprep.grading import Grader
from dlprep.paths import solutions_dir
from tests.conftest import describe_processes

pytestmark = pytest.mark.xdist_group("sandbox")

SIGNATURE = "def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):\n"
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {"\x7f", "\x9b", "\u202e"}


def body(text: str) -> str:
    """A conv2d submission whose function body is ``text``."""
    return "import numpy as np\n" + SIGNATURE + textwrap.indent(textwrap.dedent(text), "    ")


def writes_frames(payload: str) -> str:
    """A conv2d submission that writes the bytes of the Python expression ``payload`` on every descriptor
    that may be its result pipe, then waits to be stopped."""
    return body(f"""
        import os, struct, time
        data = {payload}
        for fd in range(3, 12):
            try:
                os.write(fd, data)
            except OSError:
                pass
        time.sleep(5)
    """)


def frame_expr(inner: str) -> str:
    """The expression of one length-prefixed frame holding the bytes ``inner``."""
    return f"(lambda b: struct.pack('>I', len(b)) + b)({inner})"


@pytest.fixture(autouse=True)
def solutions_unchanged():
    """Every test here leaves the reference solutions byte for byte as they were."""
    def digest() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(solutions_dir().glob("*.py"))}

    before = digest()
    yield
    assert digest() == before


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(tmp_path_factory.mktemp("home")))
        g = Grader(time_budget_s=10.0)  # room for a submission that imports torch itself
        g.start()
        yield g
        g.close()


def still_healthy(grader: Grader, worker_pid: int, leftover_processes, drill: str = "conv2d") -> None:
    """The same warm worker answers, nothing of the sandbox is left, and the reference still passes."""
    assert grader._worker().pid == worker_pid, "the warm worker died and was replaced"
    left = leftover_processes(grader._worker())
    assert left == [], f"a sandbox process outlived the grade: {describe_processes(left)}"
    again = grader.grade(drill, reference_source(drill))
    assert again.status == "pass", again.message


def all_text(result) -> str:  # noqa: ANN001 - a GradeResult
    return json.dumps(result.to_dict(), ensure_ascii=False)


def dlprep(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DLPREP_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "dlprep", *args], capture_output=True, env=env, timeout=120)


# ----- hole 5: any bytes from the child end in a verdict ------------------------------------------------------
FRAMES = {
    "a header without blobs": frame_expr("b'{}'"),
    "a header that is a list": frame_expr("b'[1, 2, 3]'"),
    "a header nested 100000 deep": frame_expr("b'[' * 100000 + b']' * 100000"),
    "a header nested 985 deep": frame_expr("b'{\"type\": \"case\", \"index\": 0, \"x\": ' + b'[' * 985 + b']' * 985"
                                           " + b'}'"),
    "a header nested 995 deep": frame_expr("b'{\"a\": ' * 995 + b'1' + b'}' * 995"),
    "blobs counted as a float": frame_expr("b'{\"blobs\": 1.5}'"),
    "invalid UTF-8 in the header": frame_expr("b'{\"type\": \"\\xff\\xfe\"}'"),
    "a header with a huge integer": frame_expr("b'{\"type\": \"case\", \"index\": ' + b'9' * 5000 + b'}'"),
    "a header at the size limit": frame_expr("b'{\"type\": \"case\", \"index\": 0, \"pad\": \"'"
                                             " + b'x' * ((1 << 20) - 48) + b'\"}'"),
}


@pytest.mark.parametrize("name", list(FRAMES))
def test_a_malformed_result_frame_ends_in_a_verdict(name: str, grader: Grader, leftover_processes) -> None:
    worker_pid = grader._worker().pid
    result = grader.grade("conv2d", writes_frames(FRAMES[name]))
    assert result.status in ("error", "fail"), result.message
    assert result.passed == 0
    still_healthy(grader, worker_pid, leftover_processes)


def test_a_submission_over_a_mebibyte_is_refused_with_a_verdict(grader: Grader, leftover_processes) -> None:
    worker_pid = grader._worker().pid
    code = reference_source("conv2d") + "\n# " + "x" * (1 << 20) + "\n"
    result = grader.grade("conv2d", code)
    assert result.status == "error"
    assert "too large" in result.message
    still_healthy(grader, worker_pid, leftover_processes)


def test_many_non_ascii_characters_under_the_limit_still_grade(grader: Grader) -> None:
    code = reference_source("conv2d") + "\n# " + "\U0001f600" * 60_000 + "\n"
    assert grader.grade("conv2d", code).status == "pass"


@pytest.mark.parametrize("code", [
    body("print('\\ud800 lone surrogate')\nreturn x\n"),
    body("raise ValueError('\\udfff in an exception')\n"),
])
def test_a_lone_surrogate_ends_in_a_stored_verdict(code: str, grader: Grader, store, tmp_path: Path,
                                                   leftover_processes) -> None:
    from dlprep.drills.practice import DrillPractice
    from dlprep.srs import StudyService

    worker_pid = grader._worker().pid
    practice = DrillPractice(store, StudyService(store), workspace=tmp_path / "workspace")
    outcome = practice.run("conv2d", code, grader)
    assert outcome is not None and outcome.attempt_id is not None
    all_text(outcome.result).encode("utf-8")  # valid UTF-8 everywhere
    stored = store.query("SELECT result FROM attempts WHERE id = ?", (outcome.attempt_id,))[0]["result"]
    assert "\\ud800" in stored or "\\udfff" in stored
    still_healthy(grader, worker_pid, leftover_processes)


def test_check_prints_a_verdict_for_a_lone_surrogate(tmp_path: Path) -> None:
    (tmp_path / "mine.py").write_text(body("print('\\ud800')\nraise ValueError('\\udfff')\n"))
    run = dlprep("check", "conv2d", str(tmp_path / "mine.py"), home=tmp_path)
    assert run.returncode == 1, run.stderr
    assert b"Traceback" not in run.stderr and run.stdout.startswith(b"FAIL conv2d")
    assert b"\\udfff" in run.stdout


def test_check_prints_a_verdict_for_a_header_nested_near_the_recursion_limit(tmp_path: Path) -> None:
    (tmp_path / "mine.py").write_text(writes_frames(frame_expr("b'{\"a\": ' * 990 + b'1' + b'}' * 990")))
    run = dlprep("check", "conv2d", str(tmp_path / "mine.py"), home=tmp_path)
    assert run.returncode == 1, run.stderr
    assert b"Traceback" not in run.stderr
    assert run.stdout.startswith(b"ERROR conv2d")


# ----- hole 6: terminal injection ---------------------------------------------------------------------------
INJECTIONS = {
    "clear screen and fake PASS": body("print('\\x1b[2J\\x1b[HPASS conv2d: all cases pass')\nreturn x\n"),
    "OSC 52 clipboard in an exception": body("raise ValueError('\\x1b]52;c;ZWNobyBwd25lZA==\\x07')\n"),
    "window title written raw to stderr": body("import os\nos.write(2, b'\\x1b]0;pwned\\x07')\nreturn x\n"),
    "carriage return over FAIL": body("print('FAIL\\rPASS')\nreturn x\n"),
    "C1 CSI and right-to-left override": body("print('\\x9b2J \\u202e SSAP')\nreturn x\n"),
}


@pytest.mark.parametrize("name", list(INJECTIONS))
def test_control_characters_reach_the_terminal_escaped(name: str, tmp_path: Path) -> None:
    (tmp_path / "mine.py").write_text(INJECTIONS[name])
    run = dlprep("check", "conv2d", str(tmp_path / "mine.py"), home=tmp_path)
    assert run.returncode == 1, run.stderr
    text = run.stdout.decode("utf-8")
    assert not CONTROL & set(text), [c for c in text if c in CONTROL]
    assert "\\x1b" in text or "\\r" in text or "\\x9b" in text


def test_grade_results_hold_no_control_characters(grader: Grader) -> None:
    result = grader.grade("conv2d", INJECTIONS["OSC 52 clipboard in an exception"])
    text = all_text(result)
    assert not CONTROL & set(text)
    assert "\\x1b]52;c;" in text


async def test_markup_in_an_exception_is_shown_literally_in_the_tui(grader: Grader) -> None:
    from textual.app import App
    from textual.widgets import DataTable, Static

    from dlprep.tui.widgets.verdict import VerdictView

    # the class name reaches the first line of the case's message, which the cases table shows
    result = grader.grade("conv2d", body("return type('[/bold][link=http://x]PASS[/link]', (), {})()\n"))
    assert result.tests[0].message.startswith("TypeError: returned a [/bold]")

    class Host(App):
        def compose(self):  # noqa: ANN202
            yield VerdictView(id="verdict")

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(VerdictView).show_result(result)
        await pilot.pause()
        table = app.query_one("#verdict-cases", DataTable)
        cell = table.get_row_at(0)[3]
        assert "[/bold][link=http://x]PASS" in str(getattr(cell, "plain", cell))
        detail = app.query_one("#verdict-detail", Static).render()
        assert "[/bold][link=http://x]PASS[/link]" in str(detail)
        assert all(not span.style or "link" not in str(span.style) for span in cell.spans)


# ----- hole 8: banned APIs reached unseen -------------------------------------------------------------------
def numpy_conv_via(text: str) -> str:
    return body(text + "\nreturn x\n")


@pytest.mark.parametrize(("drill", "code", "needle"), [
    ("conv2d", numpy_conv_via("import importlib\nt = importlib.import_module('to' + 'rch')\n"
                              "getattr(t, 'conv2d')"), "torch"),
    ("conv2d", numpy_conv_via("t = __import__('torch')"), "torch"),
    ("conv2d", numpy_conv_via("import importlib\nt = importlib.import_module(''.join(map(chr, [116, 111, 114, 99,"
                              " 104])))"), "torch"),
    ("conv2d", numpy_conv_via("f = getattr(np.lib.stride_tricks, 'sliding_' + 'window_view')\n"
                              "f(np.zeros(4), 2)"), "sliding_window_view"),
    ("conv2d", numpy_conv_via("name = ''.join(['sliding', '_window', '_view'])\n"
                              "getattr(np.lib.stride_tricks, name)(np.zeros(4), 2)"), "sliding_window_view"),
])
def test_banned_numpy_drill_routes_are_flagged(drill: str, code: str, needle: str, grader: Grader) -> None:
    result = grader.grade(drill, code)
    assert any(needle in w for w in result.warnings), result.warnings


DEPTHWISE = textwrap.dedent("""
    import torch
    import torch.nn.functional as F


    def depthwise_separable_conv(x, w_depth, w_point, b_depth=None, b_point=None, stride=1, padding=0):
        {line}
        return y
""")


@pytest.mark.parametrize(("line", "needle"), [
    ("y = torch.convolution(torch.convolution(x, w_depth, b_depth, [stride] * 2, [padding] * 2, [1, 1], False, [0, 0],"
     " x.shape[1]), w_point, b_point, [1, 1], [0, 0], [1, 1], False, [0, 0], 1)", "convolution"),
    ("conv = getattr(torch.nn, 'Con' + 'v2d')(x.shape[1], x.shape[1], w_depth.shape[-1], stride=stride, "
     "padding=padding, groups=x.shape[1], bias=b_depth is not None).double(); conv.weight.data = w_depth; "
     "conv.bias is None or setattr(conv.bias, 'data', b_depth); "
     "y = getattr(F, 'con' + 'v2d')(conv(x), w_point, b_point)", "conv2d"),
    ("op = getattr(torch, '_' + 'convolution'); y = op(op(x, w_depth, b_depth, [stride] * 2, [padding] * 2, [1, 1], "
     "False, [0, 0], x.shape[1], False, False, True, True), w_point, b_point, [1, 1], [0, 0], [1, 1], False, [0, 0], "
     "1, False, False, True, True)", "convolution"),
])
def test_banned_torch_ops_are_flagged_however_reached(line: str, needle: str, grader: Grader) -> None:
    result = grader.grade("depthwise_separable_conv", DEPTHWISE.replace("{line}", line))
    assert result.status == "pass", (result.message, result.tests[:1])
    assert any(needle in w for w in result.warnings), result.warnings


def test_torch_taken_from_sys_modules_is_flagged_in_a_numpy_drill(grader: Grader, leftover_processes) -> None:
    grader.warm_up("torch")  # every later child starts with torch loaded: no import happens
    worker_pid = grader._worker().pid
    result = grader.grade("conv2d", numpy_conv_via("import sys\nt = sys.modules['tor' + 'ch']\nt.ones(2).sum()"))
    assert any("imports torch at run time" in w for w in result.warnings), result.warnings
    still_healthy(grader, worker_pid, leftover_processes)
