"""The app's handle on the compute process: start it early, send a request, get an answer or an error.

Thread-safe (one request at a time). The process is started on first need, or ahead of need with
:meth:`ComputeClient.start` (the TUI does so after its first paint); if it dies, the next request starts
a new one. Answers are read with the size caps of :mod:`dlprep.grading.wire`; a malformed answer or a
dead process ends in :class:`ComputeError`, never in another exception.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path

from dlprep.errors import DlprepError
from dlprep.grading import wire

ROOT = Path(__file__).resolve().parent.parent.parent  # the folder holding the ``dlprep`` package
MAX_ANSWER_FRAME = 256 << 20
LAUNCH = "import sys; sys.path.insert(0, sys.argv[1]); from dlprep.compute.server import main; main()"


class ComputeError(DlprepError):
    """The compute process failed a request, broke the protocol or died."""


def _raise_for(reply: dict) -> None:
    if reply.get("ok") is not True:
        error = ComputeError(str(reply.get("error") or "the compute process failed"))
        error.error_type = str(reply.get("error_type") or "")
        raise error


class LocalCompute:
    """The same requests answered in the calling process: for one-shot commands (``dlprep check``), which
    are themselves a fresh process and gain nothing from starting another one."""

    pid = None

    def start(self) -> None:
        """Nothing to start."""

    def request(self, kind: str, header: dict | None = None, blobs: list[bytes] = ()) -> tuple[dict, list[bytes]]:
        from dlprep.compute.server import answer

        reply, out = answer(dict(header or {}, kind=kind), list(blobs))
        _raise_for(reply)
        return reply, out

    def close(self, wait: bool = True) -> None:
        """Nothing to stop."""


class ComputeClient:
    """One compute process, started lazily."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start the process now without waiting for it (it imports while the caller works)."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> subprocess.Popen:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self._stop(kill=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        self._proc = subprocess.Popen(
            [sys.executable, "-B", "-c", LAUNCH, str(ROOT)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True, close_fds=True,
        )
        return self._proc

    def request(self, kind: str, header: dict | None = None, blobs: list[bytes] = ()) -> tuple[dict, list[bytes]]:
        """Send one request and return the answer's header and blobs; raises ComputeError when the
        process answers ``ok: false`` (its ``error_type`` kept on the exception) or fails. Requests are
        idempotent, so one that finds the process dead is sent once more to a new one."""
        try:
            data = wire.pack_message(dict(header or {}, kind=kind), list(blobs))
        except wire.WireError as exc:
            raise ComputeError(f"the request cannot be sent: {exc}") from None
        with self._lock:
            answer, reason = self._exchange(data)
            if answer is None:
                answer, reason = self._exchange(data)
            if answer is None:
                raise ComputeError(f"the compute process stopped answering ({reason})")
        reply, out = answer
        _raise_for(reply)
        return reply, out

    def _exchange(self, data: bytes) -> tuple[tuple[dict, list[bytes]] | None, str]:
        """One round trip; (None, reason) when the process is gone or out of step (it is then stopped)."""
        proc = self._ensure()
        try:
            proc.stdin.write(data)
            proc.stdin.flush()
            answer = wire.read_message(proc.stdout, MAX_ANSWER_FRAME)
        except (OSError, ValueError, wire.WireError) as exc:
            answer, reason = None, str(exc) or type(exc).__name__
        else:
            reason = "it ended"
        if answer is None:
            self._stop(kill=True)
        return answer, reason

    def _stop(self, kill: bool) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if kill and proc.poll() is None:
            proc.kill()
        with contextlib.suppress(OSError):
            proc.stdin.close()
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with contextlib.suppress(OSError):
            proc.stdout.close()

    def close(self, wait: bool = True) -> None:
        """Stop the process: end of input lets it exit; ``wait=False`` returns at once."""
        with self._lock:
            if not wait and self._proc is not None:
                with contextlib.suppress(OSError):
                    self._proc.stdin.close()
                self._proc = None
                return
            self._stop(kill=False)
