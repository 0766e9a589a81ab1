"""The warm grading worker: a long-lived process that forks one sandboxed child per submission.

Started by :mod:`dlprep.grading.client` as ``python -I worker.py``. It imports numpy (and torch when a
torch drill arrives) but never runs torch compute, holds no reference or expected output, and imports
only its sibling modules ``wire``, ``isolation`` and ``harness`` as top-level modules. For each grade it
forks ``A`` (enters new namespaces, reaps) which forks ``B`` (PID 1 of the new PID namespace: applies
rlimits, Landlock, seccomp, closes fds, runs the cases). Killing ``B`` ends every process in the sandbox.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import contextlib

import harness  # noqa: E402
import isolation  # noqa: E402
import numpy  # noqa: E402,F401  - imported once here so every child starts warm
import wire  # noqa: E402

OUTPUT_CAP = 64_000
RESULT_FRAME_CAP = 64 << 20
RESULT_TOTAL_CAP = 256 << 20
TMPFS_MB = 32
PR_SET_CHILD_SUBREAPER = 36
MAX_CPU_S = 125
DISABLED = {x.strip() for x in os.environ.get("DLPREP_SANDBOX_DISABLE", "").split(",") if x.strip()}


class Worker:
    """State kept between grades: the prepared layers and the private temp root."""

    def __init__(self, proto_in: int, proto_out: int) -> None:
        self.proto_in = proto_in
        self.proto_out = proto_out
        self.reader = wire.MessageReader(RESULT_FRAME_CAP, 1 << 62)
        self.queue: list[tuple[dict, list[bytes]]] = []
        self.temp_root = tempfile.mkdtemp(prefix="dlprep-sandbox-")
        self.ruleset: int | None = None
        self.seccomp: object | None = None
        self.missing: dict[str, str] = {}
        self.torch_loaded = False
        self.standby: dict | None = None
        self.cases: dict[str, tuple] = {}  # cases_key -> (tree, blobs, decoded): trusted inputs, kept per drill
        self.spawned = 0
        self.pending: dict[int, int] = {}
        self.layers: list[str] = []

    def send(self, header: dict, blobs: list[bytes] = ()) -> None:
        wire.write_all(self.proto_out, wire.pack_message(header, blobs))

    def next_message(self, block: bool = True) -> tuple[dict, list[bytes]] | None:
        while not self.queue:
            watch = [self.proto_in, *self.pending.values()] if block else [self.proto_in]
            ready = select.select(watch, [], [], None if block else 0)[0]
            if self.pending and set(ready) & set(self.pending.values()):
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

    def setup(self, deny: list[str]) -> None:
        off = "disabled by DLPREP_SANDBOX_DISABLE"
        if "landlock" in DISABLED:
            self.missing["landlock"] = off
        else:
            reads = isolation.allowed_paths(isolation.python_read_roots(), deny)
            self.ruleset, reason = isolation.build_landlock(reads, [self.temp_root])
            if self.ruleset is None:
                self.missing["landlock"] = reason
        if "seccomp" in DISABLED:
            self.missing["seccomp"] = off
        else:
            self.seccomp, reason = isolation.build_seccomp()
            if self.seccomp is None:
                self.missing["seccomp"] = reason
        self.send({"type": "ready", "missing": self.missing, "pid": os.getpid()})

    def load_torch(self) -> None:
        if not self.torch_loaded:
            import torch

            torch.set_num_threads(1)
            self.torch_loaded = True

    def spawn_standby(self) -> None:
        """Fork the next sandbox now, fully isolated and waiting for its request, so that a grade only
        has to hand it the code and the cases."""
        self.spawned += 1
        run_dir = os.path.join(self.temp_root, f"run{self.spawned}")
        os.mkdir(run_dir, 0o700)
        req_r, req_w = os.pipe()
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        ctl_r, ctl_w = os.pipe()
        pid_a = os.fork()
        if pid_a == 0:
            os.close(req_w)
            self._child_a(run_dir, req_r, res_w, out_w, ctl_w)
        for fd in (req_r, res_w, out_w, ctl_w):
            os.close(fd)
        self.standby = {"pid_a": pid_a, "ctl_r": ctl_r, "req_w": req_w, "res_r": res_r, "out_r": out_r,
                        "run_dir": run_dir, "cases": set(self.cases)}

    @staticmethod
    def _pid_b(sb: dict) -> int:
        """The sandbox's PID 1 as seen from here, reported by ``A`` once it has set the namespaces up."""
        if "pid_b" not in sb:
            data = b""
            while chunk := os.read(sb["ctl_r"], 32):
                data += chunk
            os.close(sb["ctl_r"])
            sb["pid_b"] = int(data or b"0")
        return sb["pid_b"]

    def discard_standby(self) -> None:
        sb, self.standby = self.standby, None
        if sb is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid_b(sb), signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.kill(sb["pid_a"], signal.SIGKILL)
        os.waitpid(sb["pid_a"], 0)
        self._reap_orphan(sb["pid_b"])
        for fd in (sb["req_w"], sb["res_r"], sb["out_r"]):
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
            self.cases[key] = (request["cases"], blobs, wire.decode_value(request["cases"], blobs))
        elif key not in self.cases:
            self.send({"type": "finished", "error": "the worker lost the cases; grade again", "exit_code": None})
            return
        sb, self.standby = self.standby, None
        if key in sb["cases"]:  # the standby inherited them already decoded
            request, blobs = {k: v for k, v in request.items() if k != "cases"}, []
        else:
            request, blobs = dict(request, cases=self.cases[key][0]), self.cases[key][1]
        budget = float(request["time_budget_s"])
        started = time.monotonic()
        with contextlib.suppress(OSError):
            wire.write_all(sb["req_w"], wire.pack_message(request, blobs))
        os.close(sb["req_w"])
        self.send({"type": "started"})
        overlap = not self.torch_loaded
        if overlap:  # a numpy-only worker forks cheaply: prepare the next sandbox while this one runs
            self.spawn_standby()
        outcome = self._supervise(sb["pid_a"], self._pid_b(sb), sb["res_r"], sb["out_r"], started + budget + 1.0)
        outcome["wall_ms"] = (time.monotonic() - started) * 1000
        self.send(outcome)
        if "pid-namespace" not in self.layers:
            self._kill_strays()
        shutil.rmtree(sb["run_dir"], ignore_errors=True)
        if not overlap:  # with torch the fork and set-up compete with the running child: do them after
            self.spawn_standby()

    def _child_a(self, run_dir, req_r, res_w, out_w, ctl_w) -> None:  # noqa: ANN001
        code = 70
        try:
            isolation.set_parent_death_signal()
            keep = {req_r, res_w, out_w, ctl_w} | ({self.ruleset} if self.ruleset is not None else set())
            isolation.close_fds(keep)  # in particular the worker's protocol pipes
            if "namespaces" in DISABLED:
                layers, ns_reason = [], "disabled by DLPREP_SANDBOX_DISABLE"
            else:
                layers, ns_reason = isolation.unshare_namespaces()
            missing = dict(self.missing)
            if ns_reason:
                missing["namespaces"] = ns_reason
            if "mount-namespace" in layers and isolation.mount_private_tmpfs(run_dir, TMPFS_MB):
                layers.append("private-tmpfs")
            pid_b = os.fork()
            if pid_b == 0:
                self._child_b(run_dir, req_r, res_w, out_w, layers, missing)
            os.write(ctl_w, str(pid_b).encode())
            for fd in (req_r, res_w, out_w, ctl_w):
                os.close(fd)
            _, status = os.waitpid(pid_b, 0)
            code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        finally:
            os._exit(code)

    def _child_b(self, run_dir, req_r, res_w, out_w, layers, missing) -> None:  # noqa: ANN001
        try:
            isolation.set_parent_death_signal()
            os.setsid()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(out_w, 1)
            os.dup2(out_w, 2)
            keep = {res_w, req_r} | ({self.ruleset} if self.ruleset is not None else set())
            isolation.close_fds(keep)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            address_space = isolation.virtual_memory_size() + (2 << 30)
            isolation.apply_rlimits(MAX_CPU_S, address_space, 16 << 20, 64)
            layers.append("rlimits")
            layers.append("closed-fds")
            if self.ruleset is not None:
                if isolation.apply_landlock(self.ruleset):
                    layers.append("landlock")
                else:
                    missing["landlock"] = "landlock_restrict_self failed"
            if self.seccomp is not None:
                if isolation.apply_seccomp(self.seccomp):
                    layers.append("seccomp")
                else:
                    missing["seccomp"] = "loading the filter failed"
            os.chdir(run_dir)
            os.environ.update(TMPDIR=run_dir, HOME=run_dir)
            with contextlib.suppress(Exception):
                harness.prewarm()
            reader = wire.MessageReader(1 << 31, 1 << 62)
            message = None
            while message is None:
                data = os.read(req_r, 1 << 20)
                if not data:
                    os._exit(0)
                found = reader.feed(data)
                message = found[0] if found else None
            os.close(req_r)
            request, blobs = message
            wire.write_all(res_w, wire.pack_message({"type": "layers", "active": layers, "missing": missing}))
            if "cases" in request:
                cases = wire.decode_value(request["cases"], blobs)
            else:
                cases = self.cases[request["cases_key"]][2]
            harness.run_submission(request, cases, res_w)
        except BaseException:  # noqa: BLE001 - the child never returns into the worker loop
            os._exit(71)
        os._exit(0)

    def _supervise(self, pid_a: int, pid_b: int, res_r: int, out_r: int, deadline: float) -> dict:
        """Relay the child's messages until it reports ``done``, dies, runs out of time or is cancelled.

        After ``done`` the sandbox is killed at once and reaped later (its teardown is not waited for).
        """
        reader = wire.MessageReader(RESULT_FRAME_CAP, RESULT_TOTAL_CAP)
        output, dropped = bytearray(), 0
        open_fds = {res_r, out_r}
        outcome: dict = {"type": "finished", "timed_out": False, "cancelled": False, "error": None,
                         "exit_code": None}
        self.layers = []
        try:
            pidfd = os.pidfd_open(pid_a)
        except (AttributeError, OSError):
            pidfd = None
        a_exited = False
        polled_status: int | None = None
        complete = False
        while not complete:
            now = time.monotonic()
            if now >= deadline:
                outcome["timed_out"] = True
                break
            if a_exited and not open_fds:
                break
            watch = list(open_fds) + [self.proto_in] + ([pidfd] if pidfd is not None and not a_exited else [])
            timeout = min(0.5, deadline - now) if pidfd is not None or open_fds else min(0.005, deadline - now)
            ready, _, _ = select.select(watch, [], [], timeout)
            if pidfd is None and not open_fds:
                done_pid, polled = os.waitpid(pid_a, os.WNOHANG)
                if done_pid:
                    a_exited, polled_status = True, polled
            if pidfd is not None and pidfd in ready:
                a_exited = True
            if self.proto_in in ready:
                message = self.next_message(block=False)
                if message and message[0].get("type") == "cancel":
                    outcome["cancelled"] = True
                    break
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
                            if header.get("type") == "layers" and isinstance(header.get("active"), list):
                                self.layers = header["active"]
                            self.send({"type": "child", "message": header}, blobs)
                            complete = complete or header.get("type") == "done"
                    except wire.WireError as exc:
                        outcome["error"] = str(exc)
                        complete = True
        if out_r in open_fds:
            os.set_blocking(out_r, False)
            try:
                while data := os.read(out_r, 1 << 20):
                    room = max(OUTPUT_CAP - len(output), 0)
                    output += data[:room]
                    dropped += len(data) - len(data[:room])
            except (BlockingIOError, OSError):
                pass
        for fd in (res_r, out_r):
            os.close(fd)
        if a_exited:
            status = polled_status if polled_status is not None else os.waitpid(pid_a, 0)[1]
            outcome["exit_code"] = self._status_code(status)
            if pidfd is not None:
                os.close(pidfd)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid_b, signal.SIGKILL)
            if complete and pidfd is not None:
                self.pending[pid_a] = pidfd
            else:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid_a, signal.SIGKILL)
                _, status = os.waitpid(pid_a, 0)
                self._reap_orphan(pid_b)
                outcome["exit_code"] = self._status_code(status)
                if pidfd is not None:
                    os.close(pidfd)
        outcome["output"] = output.decode("utf-8", "replace")
        outcome["output_dropped"] = dropped
        return outcome

    @staticmethod
    def _status_code(status: int) -> int:
        return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)

    @staticmethod
    def _reap_orphan(pid_b: int) -> None:
        """Reap the sandbox's PID 1 if it was reparented here (its parent was killed first)."""
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid_b, 0)

    def reap_pending(self) -> None:
        """Reap finished sandboxes whose teardown was left to run in the background."""
        for pid, pidfd in list(self.pending.items()):
            if os.waitpid(pid, os.WNOHANG)[0]:
                os.close(pidfd)
                del self.pending[pid]

    def _kill_strays(self) -> None:
        """Kill and reap every remaining descendant (only possible when the PID namespace is missing:
        orphans are reparented to this subreaper)."""
        for pid, pidfd in list(self.pending.items()):
            os.waitpid(pid, 0)
            os.close(pidfd)
            del self.pending[pid]
        for _ in range(50):
            keep = {self.standby["pid_a"]} if self.standby else set()
            strays = [pid for pid in isolation.children_of(os.getpid()) if pid not in keep]
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
                self.send({"type": "pong", "standby": [sb["pid_a"], self._pid_b(sb)] if sb else [],
                           "pending": sorted(self.pending)})

    def close(self) -> None:
        self.discard_standby()
        shutil.rmtree(self.temp_root, ignore_errors=True)


def main() -> None:
    proto_out = os.dup(1)
    os.dup2(2, 1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolation._libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    worker = Worker(0, proto_out)
    try:
        worker.serve()
    finally:
        worker.close()


if __name__ == "__main__":
    main()
