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

    def send(self, header: dict, blobs: list[bytes] = ()) -> None:
        wire.write_all(self.proto_out, wire.pack_message(header, blobs))

    def next_message(self, block: bool = True) -> tuple[dict, list[bytes]] | None:
        while not self.queue:
            if not block and not select.select([self.proto_in], [], [], 0)[0]:
                return None
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

    def grade(self, request: dict, blobs: list[bytes]) -> None:
        if request["framework"] == "torch":
            self.load_torch()
        run_dir = os.path.join(self.temp_root, "run")
        shutil.rmtree(run_dir, ignore_errors=True)
        os.mkdir(run_dir, 0o700)
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        ctl_r, ctl_w = os.pipe()
        budget = float(request["time_budget_s"])
        started = time.monotonic()
        pid_a = os.fork()
        if pid_a == 0:
            self._child_a(request, blobs, run_dir, budget, res_w, out_w, ctl_w)
        for fd in (res_w, out_w, ctl_w):
            os.close(fd)
        pid_b = int(os.read(ctl_r, 32) or b"0")
        os.close(ctl_r)
        self.send({"type": "started"})
        outcome = self._supervise(pid_a, pid_b, res_r, out_r, started + budget + 1.0)
        outcome["wall_ms"] = (time.monotonic() - started) * 1000
        shutil.rmtree(run_dir, ignore_errors=True)
        self.send(outcome)

    def _child_a(self, request, blobs, run_dir, budget, res_w, out_w, ctl_w) -> None:  # noqa: ANN001
        code = 70
        try:
            isolation.set_parent_death_signal()
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
                self._child_b(request, blobs, run_dir, budget, res_w, out_w, layers, missing)
            os.write(ctl_w, str(pid_b).encode())
            for fd in (res_w, out_w, ctl_w):
                os.close(fd)
            _, status = os.waitpid(pid_b, 0)
            code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        finally:
            os._exit(code)

    def _child_b(self, request, blobs, run_dir, budget, res_w, out_w, layers, missing) -> None:  # noqa: ANN001
        try:
            isolation.set_parent_death_signal()
            os.setsid()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(out_w, 1)
            os.dup2(out_w, 2)
            keep = {res_w} | ({self.ruleset} if self.ruleset is not None else set())
            isolation.close_fds(keep)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            address_space = isolation.virtual_memory_size() + (2 << 30)
            isolation.apply_rlimits(int(budget) + 2, address_space, 16 << 20, 64)
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
            wire.write_all(res_w, wire.pack_message({"type": "layers", "active": layers, "missing": missing}))
            cases = wire.decode_value(request["cases"], blobs)
            harness.run_submission(request, cases, res_w)
        except BaseException:  # noqa: BLE001 - the child never returns into the worker loop
            os._exit(71)
        os._exit(0)

    def _supervise(self, pid_a: int, pid_b: int, res_r: int, out_r: int, deadline: float) -> dict:
        reader = wire.MessageReader(RESULT_FRAME_CAP, RESULT_TOTAL_CAP)
        output, dropped = bytearray(), 0
        open_fds = {res_r, out_r}
        outcome: dict = {"type": "finished", "timed_out": False, "cancelled": False, "error": None}
        status = None
        while True:
            now = time.monotonic()
            if now >= deadline:
                outcome["timed_out"] = True
                break
            if not open_fds:
                done, status = os.waitpid(pid_a, os.WNOHANG)
                if done:
                    break
                time.sleep(min(0.005, deadline - now))
                continue
            ready, _, _ = select.select(list(open_fds) + [self.proto_in], [], [], min(0.5, deadline - now))
            if self.proto_in in ready:
                message = self.next_message(block=False)
                if message and message[0].get("type") == "cancel":
                    outcome["cancelled"] = True
                    break
            for fd in ready:
                if fd == self.proto_in:
                    continue
                data = os.read(fd, 1 << 20)
                if not data:
                    open_fds.discard(fd)
                    os.close(fd)
                elif fd == out_r:
                    room = OUTPUT_CAP - len(output)
                    output += data[:max(room, 0)]
                    dropped += max(len(data) - max(room, 0), 0)
                else:
                    try:
                        for header, blobs in reader.feed(data):
                            self.send({"type": "child", "message": header}, blobs)
                    except wire.WireError as exc:
                        outcome["error"] = str(exc)
                        break
            if outcome["error"]:
                break
        if status is None:
            for pid in (pid_b, pid_a):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid_a, 0)
        for fd in open_fds:
            os.close(fd)
        self._reap(pid_b)
        self._kill_strays()
        outcome["exit_code"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
        outcome["output"] = output.decode("utf-8", "replace")
        outcome["output_dropped"] = dropped
        return outcome

    def _reap(self, pid_b: int) -> None:
        """Wait (briefly) for the sandbox's PID 1, reparented here when its parent was killed first."""
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            try:
                done, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if done == 0:
                if not os.path.exists(f"/proc/{pid_b}"):
                    return
                time.sleep(0.002)

    def _kill_strays(self) -> None:
        """Kill and reap every remaining descendant (only possible when the PID namespace is missing:
        orphans are reparented to this subreaper)."""
        me = os.getpid()
        for _ in range(50):
            strays = []
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                if ppid == me:
                    strays.append(int(entry))
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
            elif kind == "load":
                if header.get("framework") == "torch":
                    self.load_torch()
                self.send({"type": "loaded"})
            elif kind == "grade":
                self.grade(header, blobs)
            elif kind == "ping":
                self.send({"type": "pong"})

    def close(self) -> None:
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
