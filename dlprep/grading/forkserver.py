"""The fork server: a process forked by the grading worker before it reads anything, which forks every
sandbox from that clean state (stdlib and ctypes, plus ``harness`` and numpy/torch once running).

It holds the imports, the seccomp filter and the Landlock read layers, and never sees a submission or a
case: a sandbox gets those from the worker through its request pipe. Per grade it forks ``A``, which
enters new user, mount, network and PID namespaces, mounts a private size-capped tmpfs, builds the
per-run Landlock write layer and forks ``B`` (PID 1 of the new PID namespace). ``A`` tells the worker
``B``'s pid and exit status on a control pipe. ``B`` applies rlimits, Landlock, seccomp and a fixed
environment, closes fds, reads its request, reports its isolation on the facts pipe, closes it, and only
then runs the learner's code. Imported by the worker as a top-level module.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import tempfile

import isolation
import wire

FACTS_CAP = 1 << 16
TMPFS_MB = 32
MAX_CPU_S = 125
DISABLED = {x.strip() for x in os.environ.get("DLPREP_SANDBOX_DISABLE", "").split(",") if x.strip()}
harness = None  # imported when the fork server starts (it imports numpy)


def fill_import_caches() -> None:
    """List every ``sys.path`` folder once now, while it can be read, so that a sandboxed child finds
    the allowed distributions' top-level names (torch imports some lazily) without listing them."""
    import importlib.machinery

    importlib.machinery.PathFinder.find_spec("_dlprep_fills_the_import_caches")


def send_json(sock: socket.socket, message: dict, fds: list[int] = ()) -> None:
    if fds:
        socket.send_fds(sock, [json.dumps(message).encode()], list(fds))
    else:
        sock.send(json.dumps(message).encode())


class ForkServer:
    """Forks sandboxes from a clean process holding only the imports and the prepared layers."""

    def __init__(self, sock: socket.socket, temp_root: str) -> None:
        self.sock = sock
        self.temp_root = temp_root
        self.read_layers: dict[str, int] = {}
        self.seccomp: object | None = None
        self.missing: dict[str, str] = {}

    def serve(self) -> None:
        global harness
        import harness
        import numpy  # noqa: F401 - imported once here so that every sandbox starts warm

        fill_import_caches()
        signal.signal(signal.SIGCHLD, self.reap)
        if "seccomp" in DISABLED:
            self.missing["seccomp"] = "disabled by DLPREP_SANDBOX_DISABLE"
        else:
            self.seccomp, reason = isolation.build_seccomp()
            if self.seccomp is None:
                self.missing["seccomp"] = reason
        while True:
            try:
                data, fds, _, _ = socket.recv_fds(self.sock, 1 << 20, 8)
            except OSError:
                return
            if not data:
                return
            message = json.loads(data)
            command = message.get("cmd")
            if command == "layer":
                self.read_layer(message["framework"], message["readable"])
                send_json(self.sock, {"missing": self.missing})
            elif command == "load":
                self.load_torch()
                send_json(self.sock, {"missing": self.missing})
            elif command == "spawn":
                send_json(self.sock, {"pid": self.spawn(message["run_dir"], fds)})

    def read_layer(self, framework: str, readable: list[str] | None) -> None:
        """Prepare the Landlock read layer for ``framework`` from the worker's allow-list (None: off)."""
        if readable is None:
            self.missing["landlock"] = "disabled by DLPREP_SANDBOX_DISABLE"
        elif "landlock" not in self.missing and framework not in self.read_layers:
            fd, reason = isolation.build_read_layer(readable)
            if fd is None:
                self.missing["landlock"] = reason
            else:
                self.read_layers[framework] = fd

    def load_torch(self) -> None:
        import torch

        torch.set_num_threads(1)
        fill_import_caches()

    def spawn(self, run_dir: str, fds: list[int]) -> int:
        """Fork sandbox ``A``; returns its pid. ``A`` tells the worker ``B``'s pid and, at its end,
        ``B``'s exit status on its control pipe (the worker is not its parent and cannot wait for it)."""
        pid_a = os.fork()
        if pid_a == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            self._child_a(run_dir, *fds)
        for fd in fds:
            os.close(fd)
        return pid_a

    @staticmethod
    def reap(*_: object) -> None:
        """SIGCHLD: reap the sandboxes that ended, at once (a zombie would look like a leftover)."""
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass

    def _child_a(self, run_dir, req_r, res_w, out_w, ctl_w, facts_w) -> None:  # noqa: ANN001
        code = 70
        try:
            isolation.set_parent_death_signal()
            if os.getppid() == 1:  # the fork server is already gone
                os._exit(72)
            keep = {req_r, res_w, out_w, ctl_w, facts_w, *self.read_layers.values()}
            isolation.close_fds(keep)  # the fork server's socket and the worker's lock among them
            if "namespaces" in DISABLED:
                layers, ns_reason = [], "disabled by DLPREP_SANDBOX_DISABLE"
            else:
                layers, ns_reason = isolation.unshare_namespaces()
            missing = dict(self.missing)
            if ns_reason:
                missing["namespaces"] = ns_reason
            if "mount-namespace" in layers:
                if isolation.mount_private_tmpfs(run_dir, TMPFS_MB):
                    layers.append("private-tmpfs")
                else:
                    missing["private-tmpfs"] = "mounting a writable tmpfs failed"
            write_layer = None
            if self.read_layers:
                write_layer, reason = isolation.build_write_layer(run_dir)
                if write_layer is None:
                    missing["landlock"] = reason
            pid_b = os.fork()
            if pid_b == 0:
                self._child_b(run_dir, req_r, res_w, out_w, facts_w, write_layer, layers, missing)
            os.write(ctl_w, f"{pid_b}\n".encode())
            for fd in (req_r, res_w, out_w, facts_w):
                os.close(fd)
            _, status = os.waitpid(pid_b, 0)
            code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            os.write(ctl_w, f"{code}\n".encode())
        finally:
            os._exit(code)

    def _child_b(self, run_dir, req_r, res_w, out_w, facts_w, write_layer, layers, missing) -> None:  # noqa: ANN001
        try:
            isolation.set_parent_death_signal()
            os.setsid()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(out_w, 1)
            os.dup2(out_w, 2)
            read_layers = dict(self.read_layers)
            keep = {res_w, req_r, facts_w, *read_layers.values()} | ({write_layer} if write_layer else set())
            isolation.close_fds(keep)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            address_space = isolation.virtual_memory_size() + (2 << 30)
            isolation.apply_rlimits(MAX_CPU_S, address_space, 16 << 20, 64)
            layers += ["rlimits", "closed-fds"]
            wrote_locked = write_layer is not None and isolation.apply_landlock(write_layer)
            if self.seccomp is not None:
                if isolation.apply_seccomp(self.seccomp):
                    layers.append("seccomp")
                else:
                    missing["seccomp"] = "loading the filter failed"
            os.chdir(run_dir)
            isolation.replace_environment(isolation.child_environment(run_dir))
            tempfile.tempdir = run_dir  # the fork server's cached choice would be the host's temp folder
            with contextlib.suppress(Exception):
                harness.prewarm()
            request, blobs = self._read_request(req_r)
            wanted = "torch" if "torch" in (request.get("framework"), *request.get("preload", [])) else "numpy"
            read_layer = read_layers.pop(wanted, None)
            for fd in read_layers.values():
                os.close(fd)
            if read_layer is not None:
                if isolation.apply_landlock(read_layer) and wrote_locked:
                    layers.append("landlock")
                else:
                    missing["landlock"] = "landlock_restrict_self failed"
            facts = json.dumps({"active": layers, "missing": missing}).encode()[:FACTS_CAP]
            wire.write_all(facts_w, facts)
            os.close(facts_w)  # the worker's facts are final: nothing the learner's code does reaches it
            cases = wire.decode_value(request["cases"], blobs)
            del request["cases"], blobs
            harness.run_submission(request, cases, res_w)
        except BaseException:  # noqa: BLE001 - the child never returns into the fork server's loop
            os._exit(71)
        os._exit(0)

    @staticmethod
    def _read_request(req_r: int) -> tuple[dict, list[bytes]]:
        reader = wire.MessageReader(1 << 31, 1 << 62)
        while True:
            data = os.read(req_r, 1 << 20)
            if not data:
                os._exit(0)
            found = reader.feed(data)
            if found:
                os.close(req_r)
                return found[0]


def start(temp_root: str) -> tuple[socket.socket, int]:
    """Fork the fork server before anything is read: it holds nothing but imports and layers."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    worker_pid = os.getpid()
    pid = os.fork()
    if pid == 0:
        try:
            ours.close()
            isolation.set_parent_death_signal()
            if os.getppid() != worker_pid:
                os._exit(0)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            isolation.close_fds({theirs.fileno()})  # the lock stays with the worker alone
            ForkServer(theirs, temp_root).serve()
        finally:
            os._exit(0)
    theirs.close()
    return ours, pid
