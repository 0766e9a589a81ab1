"""Limits that must hold without trusting what the sandbox says about itself: the open file descriptors a
submission can see, and when an endless loop's verdict arrives."""

from __future__ import annotations

import re

from dlprep.grading import Grader

FD_PROBE = """import os


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    fds = []
    for fd in range(4096):
        try:
            os.fstat(fd)
        except OSError:
            continue
        fds.append(fd)
    raise RuntimeError(f"open fds: {fds}")
"""

ENDLESS = """def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    while True:
        pass
"""


def test_a_submission_sees_only_the_standard_streams_and_its_result_pipe(grader: Grader) -> None:
    result = grader.grade("conv2d", FD_PROBE)
    messages = [case.message for case in result.tests if case.status == "error"]
    assert messages, result.message
    found = re.search(r"open fds: \[([0-9, ]*)\]", messages[0])
    assert found, messages[0]
    fds = [int(x) for x in found.group(1).split(",") if x.strip()]
    assert fds[:3] == [0, 1, 2] and len(fds) == 4, fds  # stdin, stdout, stderr and the result pipe only


def test_an_endless_loop_is_stopped_at_its_budget(grader: Grader, reference: str) -> None:
    assert grader.grade("conv2d", reference).status == "pass"  # warm: no start-up in the figure below
    budget_s = 2.0  # the module grader's budget (conftest)
    result = grader.grade("conv2d", ENDLESS)
    assert result.status == "error"
    assert "time limit exceeded: all cases together must finish within 2 s" in result.message
    # The worker kills at the budget plus 1 s of grace; a deadline set three times too far would take 7 s.
    assert result.duration_ms < (budget_s + 1.0 + 1.5) * 1000, result.duration_ms
