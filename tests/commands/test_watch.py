"""``dlprep watch`` as a person runs it: a real subprocess on a temp file, saved twice, then ctrl+c."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from dlprep.drills import get_drill, reference_source
from dlprep.store import open_store

WRONG = """import numpy as np


def softmax(x, axis=-1):
    print("debug line")
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)
"""


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def wait_for(lines: queue.Queue, needle: str, seen: list[str], timeout: float = 30) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=max(0.01, end - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"{needle!r} never printed; output so far:\n" + "\n".join(seen))


def test_watch_regrades_on_each_save_and_stops_on_ctrl_c(tmp_path: Path, private_home: Path) -> None:
    target = tmp_path / "mine.py"
    target.write_text(get_drill("softmax").starter, encoding="utf-8")
    # PYTHONFAULTHANDLER: should ctrl+c ever go unanswered, SIGABRT prints where every thread of it is waiting
    env = dict(os.environ, DLPREP_HOME=str(private_home), PYTHONUNBUFFERED="1", PYTHONFAULTHANDLER="1")
    # started with SIGINT ignored, as a background job of a script is (and as this suite is when it runs as one):
    # ctrl+c must stop watch all the same
    proc = subprocess.Popen(
        [sys.executable, "-m", "dlprep", "watch", "softmax", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        wait_for(lines, "watching", seen)
        first = wait_for(lines, "] ", seen)
        assert "ERROR 0/9" in first and "not implemented" in first

        target.write_text(reference_source("softmax"), encoding="utf-8")
        passed = wait_for(lines, "] PASS", seen)
        assert "9/9" in passed and "scheduled Easy" in passed

        target.write_text(WRONG, encoding="utf-8")
        failed = wait_for(lines, "] FAIL", seen)
        assert "7/9" in failed and "large logits" in failed
        assert "debug line" in wait_for(lines, "printed", seen)

        proc.send_signal(signal.SIGINT)
        try:
            wait_for(lines, "stopped", seen)
        except AssertionError:
            proc.send_signal(signal.SIGABRT)
            with contextlib.suppress(AssertionError):
                wait_for(lines, "never printed by dlprep", seen, timeout=5)  # collects the threads' stacks
            raise AssertionError("ctrl+c went unanswered for 30 s; output, then where it waited:\n"
                                 + "\n".join(seen)) from None
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not any("Traceback (most recent call last)" in line for line in seen)
    store = open_store(private_home / "progress.db")
    try:
        attempts = store.query("SELECT status, passed, total, code FROM attempts ORDER BY id")
        ratings = store.query("SELECT card_id, rating, source FROM reviews")
    finally:
        store.close()
    assert [(a["status"], a["passed"]) for a in attempts] == [("pass", 9), ("fail", 7)]
    assert attempts[1]["code"] == WRONG
    assert ratings == [{"card_id": "drill:softmax", "rating": 4, "source": "drill"}]


def test_watch_names_a_missing_file_without_a_traceback(tmp_path: Path, private_home: Path) -> None:
    env = dict(os.environ, DLPREP_HOME=str(private_home))
    done = subprocess.run(
        [sys.executable, "-m", "dlprep", "watch", "softmax", str(tmp_path / "nope.py")],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 2
    assert "nope.py: no such file" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
