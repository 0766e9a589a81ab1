"""The trusted side's handle on the warm worker process: start it, send a grade, relay its events."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from dlprep.grading import wire
from dlprep.grading.isolation import worker_environment

WORKER_SCRIPT = Path(__file__).resolve().parent / "worker.py"


class WorkerDied(Exception):
    """The worker process ended or broke the protocol."""


def denied_paths() -> list[str]:
    """What the sandbox must never read: references, drills, the package, the data home, git history."""
    from dlprep.paths import CHECKOUT_DIR, PACKAGE_DIR, data_home, drills_dir, solutions_dir

    paths = [solutions_dir(), drills_dir(), PACKAGE_DIR, data_home(), CHECKOUT_DIR / ".git"]
    return [str(p.resolve()) for p in paths]


class WorkerClient:
    """One warm worker. Not thread-safe: the :class:`~dlprep.grading.grader.Grader` serializes calls."""

    def __init__(self) -> None:
        env = worker_environment(dict(os.environ))  # fixed and minimal: none of the user's variables
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-B", str(WORKER_SCRIPT)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True, close_fds=True,
        )
        self.write_lock = threading.Lock()
        self.torch_loaded = False
        self.load_pending = False
        self.known_cases: set[str] = set()  # case sets the worker keeps (sent once per drill version)
        self.ready = False
        self.missing: dict[str, str] = {}
        self.pid: int = self.proc.pid
        self.send({"type": "init", "deny": denied_paths()})

    def wait_ready(self) -> None:
        """Wait for the worker's answer to ``init`` (it prepares the isolation layers meanwhile)."""
        if self.ready:
            return
        header, _ = self.receive()
        if header.get("type") != "ready":
            raise WorkerDied("the grading worker did not start")
        self.missing = header.get("missing", {})
        self.pid = header.get("pid", self.proc.pid)
        self.ready = True

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, header: dict, blobs: list[bytes] = ()) -> None:
        with self.write_lock:
            try:
                self.proc.stdin.write(wire.pack_message(header, blobs))
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                raise WorkerDied("the grading worker is gone") from None

    def receive(self) -> tuple[dict, list[bytes]]:
        try:
            message = wire.read_message(self.proc.stdout)
        except (wire.WireError, ValueError, OSError):
            message = None
        if message is None:
            raise WorkerDied("the grading worker stopped answering")
        return message

    def preload(self, framework: str) -> None:
        """Ask the worker to import ``framework`` without waiting (it loads while the caller works)."""
        if framework == "torch" and not self.torch_loaded and not self.load_pending:
            self.send({"type": "load", "framework": "torch"})
            self.load_pending = True

    def load(self, framework: str) -> None:
        """Make the worker import ``framework`` now (torch takes seconds the first time)."""
        self.wait_ready()
        self.preload(framework)
        if self.load_pending:
            header, _ = self.receive()
            if header.get("type") != "loaded":
                raise WorkerDied("the grading worker did not load torch")
            self.load_pending = False
            self.torch_loaded = True

    def grade(self, request: dict, blobs: list[bytes]) -> Iterator[tuple[dict, list[bytes]]]:
        """Send one grade and yield the worker's events until (and including) ``finished``."""
        for framework in {request["framework"], *request.get("preload", [])}:
            self.load(framework)
        key = request.get("cases_key")
        if key is not None and key in self.known_cases:
            request = {k: v for k, v in request.items() if k != "cases"}
            blobs = []
        self.send(dict(request, type="grade"), blobs)
        if key is not None:
            self.known_cases.add(key)
        while True:
            header, data = self.receive()
            yield header, data
            if header.get("type") == "finished":
                return

    def ping(self) -> dict:
        """Round trip to the idle worker: its standby sandbox's pids and sandboxes still being reaped."""
        self.wait_ready()
        self.send({"type": "ping"})
        header, _ = self.receive()
        return header

    def cancel(self) -> None:
        """Ask the worker to kill the running child (safe to call from another thread)."""
        with contextlib.suppress(WorkerDied):
            self.send({"type": "cancel"})

    def close(self, kill: bool = False, wait: bool = True) -> None:
        """Stop the worker: end of input lets it clean up; ``kill`` (or a worker that does not stop) ends it.
        ``wait=False`` returns at once (a command about to exit); the worker then cleans up on its own."""
        if kill and self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        if not wait:
            return
        try:
            self.proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        with contextlib.suppress(OSError):
            self.proc.stdout.close()


def watch_cancel(event: threading.Event | None, client: WorkerClient, done: threading.Event) -> Callable[[], None]:
    """Start a thread that cancels the grade when ``event`` is set; returns a stopper."""
    if event is None:
        return lambda: None

    def run() -> None:
        while not done.is_set():
            if event.wait(0.02):
                client.cancel()
                return

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return lambda: (done.set(), thread.join())
