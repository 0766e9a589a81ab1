"""The warm grading worker: a long-lived process that runs one sandboxed child per submission.

Started by :mod:`dlprep.grading.client` as ``python -I worker.py`` with a fixed, minimal environment.
Before it reads anything it starts the :mod:`forkserver`, which imports numpy (and torch when asked),
never sees a submission or a case, and forks every sandbox: no child can find an earlier submission or
another drill's cases in its memory. The worker supervises: it computes the read allow-lists
(:mod:`allowlist`), hands each sandbox its request (code and the current drill's cases), relays the
results, and is the only source of isolation facts (the sandbox reports them on a channel it closes
before learner code runs; the worker checks what it can in ``/proc``). Its temp root is locked while it
lives; the roots of killed workers are removed at the next start.

Imports only its sibling modules (``wire``, ``isolation``, ``forkserver``, ``allowlist``) as top-level
modules; ``harness`` is imported by the fork server alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import forkserver  # noqa: E402
import isolation  # noqa: E402
import wire  # noqa: E402
from forkserver import DISABLED, FACTS_CAP  # noqa: E402

OUTPUT_CAP = 64_000
RESULT_FRAME_CAP = 64 << 20
RESULT_TOTAL_CAP = 256 << 20
PR_SET_CHILD_SUBREAPER = 36
ROOT_PREFIX = "dlprep-sandbox-"


def remove_stale_roots(parent: str) -> list[str]:
    """Remove the temp roots of workers that died without cleaning up (killed with SIGKILL): a root
    whose lock can be taken, or one without a lock whose worker pid is gone. Returns what was removed."""
    removed = []
    try:
        names = [n for n in os.listdir(parent) if n.startswith(ROOT_PREFIX)]
    except OSError:
        return removed
    for name in names:
        root = os.path.join(parent, name)
        try:
            if os.lstat(root).st_uid != os.getuid() or not os.path.isdir(root):
                continue
            fd = os.open(os.path.join(root, ".lock"), os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            pid = name[len(ROOT_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                shutil.rmtree(root, ignore_errors=True)
                removed.append(root)
            continue
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        shutil.rmtree(root, ignore_errors=True)
        os.close(fd)
        removed.append(root)
    return removed


def make_temp_root() -> tuple[str, int]:
    """A fresh temp root for this worker and the fd holding its lock (stale roots are removed first)."""
    parent = tempfile.gettempdir()
    remove_stale_roots(parent)
    root = tempfile.mkdtemp(prefix=f"{ROOT_PREFIX}{os.getpid()}-", dir=parent)
    lock = os.open(os.path.join(root, ".lock"), os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)
    return root, lock


class Worker:
    """State kept between grades: the fork server, the standby sandbox and the encoded case sets."""

    def __init__(self, proto_in: int, proto_out: int, server: socket.socket, server_pid: int,
                 temp_root: str) -> None:
        self.proto_in = proto_in
        self.proto_out = proto_out
        self.server = server
        self.server_pid = server_pid
        self.reader = wire.MessageReader(RESULT_FRAME_CAP, 1 << 62)
        self.queue: list[tuple[dict, list[bytes]]] = []
        self.temp_root = temp_root
        self.missing: dict[str, str] = {}
        self.torch_loaded = False
        self.standby: dict | None = None
        self.cases: dict[str, tuple] = {}  # cases_key -> (tree, blobs): trusted inputs, never forked from
        self.pending: dict[int, int] = {}
        self.layers: list[str] = []
        self.deny: list[str] = []
        self.spawning: list[dict] = []  # standby sandboxes whose pid the fork server has not told yet

    def send(self, header: dict, blobs: list[bytes] = ()) -> None:
        wire.write_all(self.proto_out, wire.pack_message(header, blobs))

    def ask_server(self, message: dict, fds: list[int] = ()) -> dict:
        self._resolve_spawns()
        forkserver.send_json(self.server, message, fds)
        return self._answer()

    def _answer(self) -> dict:
        data = self.server.recv(1 << 16)
        if not data:
            raise EOFError("the fork server ended")
        return json.loads(data)

    def next_message(self, block: bool = True) -> tuple[dict, list[bytes]] | None:
        while not self.queue:
            watch = [self.proto_in, *(sb["ctl_r"] for sb in self.pending.values())] if block else [self.proto_in]
            ready = select.select(watch, [], [], None if block else 0)[0]
            if self.proto_in not in ready or len(ready) > 1:
                self.reap_pending()
            if self.proto_in not in ready:
                if not block:
                    return None
                continue
            data = os.read(self.proto_in, 1 << 20)
            if not data:
                raise EOFError
            self.queue.extend(self.reader.feed(data))
        return self.queue.pop(0)

    def readable(self, framework: str) -> list[str] | None:
        """The allow-list for ``framework``'s read layer, computed here (the fork server meanwhile
        imports numpy or torch); None when Landlock is switched off."""
        if "landlock" in DISABLED:
            return None
        import allowlist

        return isolation.allowed_paths([*allowlist.read_allow_list(framework), self.temp_root], self.deny)

    def setup(self, deny: list[str]) -> None:
        self.deny = list(deny)
        self.missing = self.ask_server({"cmd": "layer", "framework": "numpy", "readable": self.readable("numpy")})[
            "missing"]
        self.send({"type": "ready", "missing": self.missing, "pid": os.getpid(), "temp_root": self.temp_root})

    def load_torch(self) -> None:
        if not self.torch_loaded:
            self._resolve_spawns()
            forkserver.send_json(self.server, {"cmd": "load", "framework": "torch"})
            readable = self.readable("torch")  # while torch is imported over there
            self._answer()
            self.missing = self.ask_server({"cmd": "layer", "framework": "torch", "readable": readable})["missing"]
            self.torch_loaded = True

    def spawn_standby(self) -> None:
        """Have the fork server start the next sandbox now, fully isolated and waiting for its request,
        so that a grade only has to hand it the code and the cases."""
        run_dir = tempfile.mkdtemp(prefix="run-", dir=self.temp_root)
        req_r, req_w = os.pipe()
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        ctl_r, ctl_w = os.pipe()
        facts_r, facts_w = os.pipe()
        ends = [req_r, res_w, out_w, ctl_w, facts_w]
        self._resolve_spawns()
        try:
            forkserver.send_json(self.server, {"cmd": "spawn", "run_dir": run_dir}, ends)  # answer read later
        finally:
            for fd in ends:
                os.close(fd)
        self.standby = {"pid_a": None, "ctl_r": ctl_r, "req_w": req_w, "res_r": res_r, "out_r": out_r,
                        "facts_r": facts_r, "run_dir": run_dir}
        self.spawning.append(self.standby)

    def _resolve_spawns(self) -> None:
        """Read the fork server's answers to the spawns sent so far (they come in order)."""
        while self.spawning:
            sb = self.spawning.pop(0)
            sb["pid_a"] = int(self._answer()["pid"])

    def _pid_a(self, sb: dict) -> int:
        """The pid of a sandbox's ``A`` (a child of this worker once the fork server has answered)."""
        if sb["pid_a"] is None:
            self._resolve_spawns()
        return sb["pid_a"]

    @staticmethod
    def _pid_b(sb: dict) -> int:
        """The sandbox's PID 1 as seen from here: the first line ``A`` writes on its control pipe."""
        if "pid_b" not in sb:
            buf = sb.get("ctl", b"")
            while b"\n" not in buf:
                chunk = os.read(sb["ctl_r"], 64)
                if not chunk:
                    sb["ctl_eof"] = True
                    break
                buf += chunk
            line, _, sb["ctl"] = buf.partition(b"\n")
            sb["pid_b"] = int(line) if line.strip().isdigit() else 0
        return sb["pid_b"]

    @staticmethod
    def _await_a(sb: dict, timeout: float = 3.0) -> int | None:
        """Read ``A``'s control pipe to its end (``A`` has exited then); ``B``'s exit status, if told."""
        deadline = time.monotonic() + timeout
        buf = sb.get("ctl", b"")
        while not sb.get("ctl_eof"):
            if not select.select([sb["ctl_r"]], [], [], max(deadline - time.monotonic(), 0))[0]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(sb["pid_a"], signal.SIGKILL)  # trusted, but never waited on forever
                deadline = time.monotonic() + timeout
                continue
            chunk = os.read(sb["ctl_r"], 64)
            sb["ctl_eof"] = not chunk
            buf += chunk
        os.close(sb["ctl_r"])
        line = buf.strip().split(b"\n")[-1] if buf.strip() else b""
        return int(line) if line.isdigit() else None

    def _end_sandbox(self, sb: dict) -> int | None:
        """Kill the sandbox (its PID 1: the PID namespace takes everything with it; ``A`` then reports
        and exits) and wait for ``A`` to end. Returns ``B``'s exit status as ``A`` saw it."""
        pid_b = self._pid_b(sb)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid_b if pid_b else self._pid_a(sb), signal.SIGKILL)
        return self._await_a(sb)

    def discard_standby(self) -> None:
        sb, self.standby = self.standby, None
        if sb is None:
            return
        self._pid_a(sb)
        self._end_sandbox(sb)
        for fd in (sb["req_w"], sb["res_r"], sb["out_r"], sb["facts_r"]):
            os.close(fd)
        shutil.rmtree(sb["run_dir"], ignore_errors=True)

    def grade(self, request: dict, blobs: list[bytes]) -> None:
        if "torch" in (request["framework"], *request.get("preload", [])) and not self.torch_loaded:
            self.discard_standby()
            self.load_torch()
        if self.standby is None:
            self.spawn_standby()
        key = request.get("cases_key")
        if "cases" in request:
            self.cases[key] = (request["cases"], blobs)
        elif key not in self.cases:
            self.send({"type": "finished", "error": "the worker lost the cases; grade again", "exit_code": None})
            return
        sb, self.standby = self.standby, None
        request, blobs = dict(request, cases=self.cases[key][0]), self.cases[key][1]
        budget = float(request["time_budget_s"])
        started = time.monotonic()
        with contextlib.suppress(OSError):
            wire.write_all(sb["req_w"], wire.pack_message(request, blobs))
        os.close(sb["req_w"])
        del request, blobs
        self.send({"type": "started"})
        overlap = not self.torch_loaded
        if overlap:  # a numpy-only fork server forks cheaply: prepare the next sandbox while this one runs
            self.spawn_standby()
        outcome = self._supervise(sb, started + budget + 1.0)
        outcome["wall_ms"] = (time.monotonic() - started) * 1000
        self.send(outcome)
        if "pid-namespace" not in self.layers:
            self._kill_strays()
        shutil.rmtree(sb["run_dir"], ignore_errors=True)
        if not overlap:  # with torch the fork and set-up compete with the running child: do them after
            self.spawn_standby()

    def _take_facts(self, pid_b: int, raw: bytes) -> dict:
        """The isolation facts of one sandbox: what ``B`` reported before any learner code ran, checked
        against ``/proc`` where possible. Never anything the child sends on its result channel."""
        try:
            facts = json.loads(raw.decode())
            active = [str(x) for x in facts["active"]]
            missing = {str(k): str(v) for k, v in facts["missing"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return {"active": [], "missing": {"sandbox": "the sandbox ended before reporting its isolation"}}
        active, dropped = isolation.confirmed_layers(pid_b, active)
        missing.update(dropped)
        return {"active": active, "missing": missing}

    def _supervise(self, sb: dict, deadline: float) -> dict:
        """Relay the child's messages until it reports ``done``, dies, runs out of time or is cancelled.

        After ``done`` the sandbox is killed at once and reaped later (its teardown is not waited for).
        """
        pid_a, pid_b = self._pid_a(sb), self._pid_b(sb)
        res_r, out_r, facts_r = sb["res_r"], sb["out_r"], sb["facts_r"]
        reader = wire.MessageReader(RESULT_FRAME_CAP, RESULT_TOTAL_CAP)
        output, dropped = bytearray(), 0
        facts = b""
        open_fds = {res_r, out_r, facts_r}
        outcome: dict = {"type": "finished", "timed_out": False, "cancelled": False, "error": None,
                         "exit_code": None}
        isolation_facts: dict | None = None
        ctl_r = sb["ctl_r"]
        a_exited = bool(sb.get("ctl_eof"))  # A's control pipe ends when A does
        complete = False
        while not complete:
            now = time.monotonic()
            if now >= deadline:
                outcome["timed_out"] = True
                break
            if a_exited and not open_fds:
                break
            watch = list(open_fds) + [self.proto_in] + ([] if a_exited else [ctl_r])
            ready, _, _ = select.select(watch, [], [], min(0.5, deadline - now))
            if ctl_r in ready and not a_exited:
                chunk = os.read(ctl_r, 64)
                sb["ctl"] = sb.get("ctl", b"") + chunk
                a_exited = sb["ctl_eof"] = not chunk
            if self.proto_in in ready:
                message = self.next_message(block=False)
                if message and message[0].get("type") == "cancel":
                    outcome["cancelled"] = True
                    break
            if facts_r in ready and facts_r in open_fds:
                data = os.read(facts_r, FACTS_CAP)
                facts += data
                if not data or len(facts) > FACTS_CAP:
                    open_fds.discard(facts_r)
                    isolation_facts = self._take_facts(pid_b, facts)
            for fd in (out_r, res_r):
                if fd not in ready or fd not in open_fds:
                    continue
                data = os.read(fd, 1 << 20)
                if not data:
                    open_fds.discard(fd)
                elif fd == out_r:
                    room = max(OUTPUT_CAP - len(output), 0)
                    output += data[:room]
                    dropped += len(data) - len(data[:room])
                else:
                    try:
                        for header, blobs in reader.feed(data):
                            if header.get("type") == "layers":
                                continue  # isolation facts never come from the child's own channel
                            self.send({"type": "child", "message": header}, blobs)
                            complete = complete or header.get("type") == "done"
                    except wire.WireError as exc:
                        outcome["error"] = str(exc)
                        complete = True
        if isolation_facts is None:  # the grade ended first: the facts, if any, are already in the pipe
            os.set_blocking(facts_r, False)
            with contextlib.suppress(BlockingIOError, OSError):
                while (data := os.read(facts_r, FACTS_CAP)) and len(facts) <= FACTS_CAP:
                    facts += data
            isolation_facts = self._take_facts(pid_b, facts)
        outcome["isolation"] = isolation_facts
        self.layers = isolation_facts["active"]
        if out_r in open_fds:
            os.set_blocking(out_r, False)
            try:
                while data := os.read(out_r, 1 << 20):
                    room = max(OUTPUT_CAP - len(output), 0)
                    output += data[:room]
                    dropped += len(data) - len(data[:room])
            except (BlockingIOError, OSError):
                pass
        for fd in (res_r, out_r, facts_r):
            os.close(fd)
        if a_exited:
            outcome["exit_code"] = self._await_a(sb)
        elif complete:  # every result is in: end the sandbox and let its teardown finish in the background
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid_b or pid_a, signal.SIGKILL)
            self.pending[pid_a] = sb
        else:
            code = self._end_sandbox(sb)
            outcome["exit_code"] = code if code is not None else 128 + signal.SIGKILL
        outcome["output"] = output.decode("utf-8", "replace")
        outcome["output_dropped"] = dropped
        return outcome

    def reap_pending(self, wait: bool = False) -> None:
        """Forget sandboxes whose teardown ran in the background once ``A`` has ended (``wait``: wait
        for them); also reap any orphan re-parented here."""
        for pid, sb in list(self.pending.items()):
            if not wait:
                if not select.select([sb["ctl_r"]], [], [], 0)[0] or os.read(sb["ctl_r"], 64):
                    continue  # still running, or only its status line so far: its end comes next
                sb["ctl_eof"] = True
            self._await_a(sb)
            del self.pending[pid]
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass

    def _kill_strays(self) -> None:
        """Kill and reap every remaining descendant (only possible when the PID namespace is missing:
        orphans are reparented to this subreaper). The fork server stays (sandboxes are its children)."""
        self.reap_pending(wait=True)
        for _ in range(50):
            strays = [pid for pid in isolation.children_of(os.getpid()) if pid != self.server_pid]
            if not strays:
                return
            for pid in strays:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            for pid in strays:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)

    def serve(self) -> None:
        while True:
            try:
                header, blobs = self.next_message()
            except EOFError:
                return
            kind = header.get("type")
            if kind == "init":
                self.setup(header.get("deny", []))
                self.spawn_standby()
            elif kind == "load":
                if header.get("framework") == "torch" and not self.torch_loaded:
                    self.discard_standby()
                    self.load_torch()
                    self.spawn_standby()
                self.send({"type": "loaded"})
            elif kind == "grade":
                self.grade(header, blobs)
            elif kind == "ping":
                self.reap_pending()
                sb = self.standby
                idle = [self.server_pid, self._pid_a(sb), self._pid_b(sb)] if sb else [self.server_pid]
                self.send({"type": "pong", "standby": idle, "pending": sorted(self.pending),
                           "temp_root": self.temp_root})

    def close(self) -> None:
        with contextlib.suppress(OSError, ChildProcessError, EOFError, ValueError):
            self.discard_standby()
        with contextlib.suppress(OSError):
            self.server.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.server_pid, 0)
        shutil.rmtree(self.temp_root, ignore_errors=True)


def main() -> None:
    proto_out = os.dup(1)
    os.dup2(2, 1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolation._libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    temp_root, lock = make_temp_root()
    server, server_pid = forkserver.start(temp_root)
    worker = Worker(0, proto_out, server, server_pid, temp_root)
    try:
        worker.serve()
    finally:
        worker.close()


if __name__ == "__main__":
    main()
