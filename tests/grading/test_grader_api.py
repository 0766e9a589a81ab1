"""The Python API the TUI calls: verdicts, progress, cancel, result shape, worker reuse and restart."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from dlprep.drills import reference_source
from dlprep.grading import Grader

pytestmark = pytest.mark.xdist_group("sandbox")

SIGNATURE = "def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):\n"


@pytest.fixture(scope="module")
def grader(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(tmp_path_factory.mktemp("api-home")))
        g = Grader(time_budget_s=3.0)
        yield g
        g.close()


def test_reference_passes_with_every_case_reported(grader: Grader) -> None:
    seen: list[tuple[int, int]] = []
    result = grader.grade("conv2d", reference_source("conv2d"), progress=lambda d, t: seen.append((d, t)))
    assert result.status == "pass"
    assert result.passed == result.total == len(result.tests) >= 10
    assert all(t.status == "pass" for t in result.tests)
    assert [d for d, _ in seen] == list(range(1, result.total + 1))
    assert {t for _, t in seen} == {result.total}
    assert result.duration_ms > 0


def test_result_has_the_exercism_v2_shape(grader: Grader) -> None:
    data = grader.grade("conv2d", "import numpy as np\n" + SIGNATURE + "    print('hi')\n    return x\n").to_dict()
    assert data["version"] == 2
    assert data["status"] == "fail"
    assert {"name", "status", "message", "output"} <= set(data["tests"][0])
    assert data["tests"][1]["output"] == "hi\n"
    assert "hi\n" in data["output"]
    for key in ("drill", "diagnosis", "warnings", "isolation", "duration_ms"):
        assert key in data


def test_first_failure_shows_inputs_and_diagnosis(grader: Grader) -> None:
    from dlprep.drills import get_drill

    source = (get_drill("adam_step").path / "mistakes.py").read_text()
    result = grader.grade("adam_step", source + "\nadam_step = no_bias_correction\n")
    assert result.status == "fail"
    first = next(t for t in result.tests if t.status == "fail")
    assert "inputs:" in first.message and "param: float64 array of shape (1,)" in first.message
    assert result.mistake == "no_bias_correction"
    assert result.diagnosis.startswith("looks like no bias correction: Adam without bias correction")


def test_an_exception_shows_the_users_own_traceback(grader: Grader) -> None:
    code = "import numpy as np\n" + SIGNATURE + "    return helper(x)\n\ndef helper(x):\n    return x / undefined\n"
    result = grader.grade("conv2d", code)
    assert result.status == "fail"
    message = result.tests[0].message
    assert 'File "submission.py", line 3, in conv2d' in message
    assert 'File "submission.py", line 6, in helper' in message
    assert "NameError: name 'undefined' is not defined" in message
    assert "harness" not in message and "worker" not in message


def test_syntax_error_is_a_clean_error(grader: Grader) -> None:
    result = grader.grade("conv2d", "def conv2d(x, w:\n    pass\n")
    assert result.status == "error"
    assert "SyntaxError" in result.message


def test_missing_entry_point(grader: Grader) -> None:
    result = grader.grade("conv2d", "def conv(x):\n    return x\n")
    assert result.status == "error"
    assert "does not define conv2d" in result.message


def test_banned_api_is_a_warning_not_a_failure(grader: Grader) -> None:
    extra = "\n\ndef unused():\n    import scipy.signal\n    return scipy.signal.convolve2d\n"
    code = reference_source("conv2d") + extra
    line = code.splitlines().index("    return scipy.signal.convolve2d") + 1
    result = grader.grade("conv2d", code)
    assert result.status == "pass"
    assert result.warnings == [
        f"uses scipy.signal.convolve2d (line {line}), which this drill asks you to write yourself"]


def test_cancel_kills_the_child_quickly(grader: Grader) -> None:
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    started = time.monotonic()
    result = grader.grade("conv2d", "import time\n" + SIGNATURE + "    time.sleep(100)\n", cancel=cancel)
    assert result.status == "error"
    assert result.message == "cancelled"
    assert time.monotonic() - started < 2.5
    assert grader.grade("conv2d", reference_source("conv2d")).status == "pass"


def test_the_worker_is_reused_and_restarted_when_it_dies(grader: Grader) -> None:
    grader.grade("conv2d", reference_source("conv2d"))
    pid = grader._worker().pid
    grader.grade("conv2d", reference_source("conv2d"))
    assert grader._worker().pid == pid
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.1)
    first = grader.grade("conv2d", reference_source("conv2d"))
    result = first if first.status == "pass" else grader.grade("conv2d", reference_source("conv2d"))
    assert result.status == "pass"
    assert grader._worker().pid != pid


def test_unknown_drill_raises_a_clear_error(grader: Grader) -> None:
    from dlprep.drills import DrillError

    with pytest.raises(DrillError, match="unknown drill 'nope'"):
        grader.grade("nope", "")


def _torch_drill_with_a_banned_functional() -> tuple[str, str] | None:
    from dlprep.drills import load_drills

    drills, _ = load_drills()
    for spec in drills:
        if spec.framework == "torch" and spec.kind == "function":
            for ban in spec.banned:
                if ban.startswith("torch.nn.functional."):
                    return spec.id, ban
    return None


def test_dispatch_watcher_flags_a_hidden_banned_call(grader: Grader) -> None:
    found = _torch_drill_with_a_banned_functional()
    if found is None:
        pytest.skip("no torch drill bans a torch.nn.functional op")
    drill_id, ban = found
    from dlprep.drills import get_drill

    entry = get_drill(drill_id).entry
    name = ban.rsplit(".", 1)[1]
    hidden = (
        f"\n\n_real = {entry}\nimport torch as _t\n\n\ndef {entry}(*args, **kwargs):\n"
        f"    op = getattr(_t.nn.functional, {name[::-1]!r}[::-1])\n"  # a name no static scan can fold
        "    for n in range(1, 5):\n        try:\n"
        "            op(*[_t.zeros(1, 1, 2, 2, dtype=_t.float64)] * n)\n            break\n"
        "        except TypeError:\n            continue\n        except Exception:\n            break\n"
        "    return _real(*args, **kwargs)\n"
    )
    result = grader.grade(drill_id, reference_source(drill_id) + hidden)
    assert result.status == "pass", result.message
    assert f"calls {ban} at run time, which this drill asks you to write yourself" in result.warnings


def test_a_failing_progress_callback_does_not_break_grading(grader: Grader) -> None:
    def broken(done: int, total: int) -> None:
        raise RuntimeError("widget gone")

    assert grader.grade("conv2d", reference_source("conv2d"), progress=broken).status == "pass"
    assert grader.grade("conv2d", reference_source("conv2d")).status == "pass"


def test_cases_travel_to_the_worker_once_per_drill(grader: Grader) -> None:
    grader.grade("layer_norm", reference_source("layer_norm"))
    client = grader._worker()
    keys = [k for k in client.known_cases if k.startswith("layer_norm:")]
    assert len(keys) == 1
    sent: list[int] = []
    original = client.send
    client.send = lambda header, blobs=(): (sent.append(len(blobs)), original(header, blobs))[1]
    try:
        assert grader.grade("layer_norm", reference_source("layer_norm")).status == "pass"
    finally:
        client.send = original
    assert sent == [0]
