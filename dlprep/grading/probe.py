"""A live check of the sandbox: run a probe inside it that tries what a hostile submission would.

Used by ``dlprep doctor`` and the tests: the layers reported active must really confine.
"""

from __future__ import annotations

import platform
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from dlprep.grading import wire
from dlprep.grading.client import WorkerClient
from dlprep.grading.isolation import landlock_abi

ALL_LAYERS = (
    "user-namespace", "net-namespace", "pid-namespace", "mount-namespace", "private-tmpfs",
    "rlimits", "closed-fds", "landlock", "seccomp",
)

PROBE_SOURCE = '''
import os
import socket
import numpy as np


def _readable(path):
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            with open(path, "rb") as fh:
                fh.read(1)
        return 1
    except OSError:
        return 0


def probe(paths):
    flags = [_readable(p) for p in paths]
    try:
        socket.create_connection(("127.0.0.1", 9), timeout=0.5).close()
        flags.append(1)
    except ConnectionRefusedError:
        flags.append(1)
    except OSError:
        flags.append(0)
    try:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        flags.append(1)
    except OSError:
        flags.append(0)
    flags.append(int(os.getpid() == 1))
    return np.array(flags, dtype=np.int64)
'''


@dataclass
class ProbeReport:
    """What the sandbox looks like from inside: active layers, missing ones and why, and checks."""

    active: list[str] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)
    platform: str = ""
    landlock_abi: int = 0
    error: str | None = None


def probe_sandbox(client: WorkerClient | None = None) -> ProbeReport:
    """Run the probe in a real sandboxed child and report what held."""
    from dlprep.paths import data_home, solutions_dir

    report = ProbeReport(platform=f"Linux {platform.release()}, Python {platform.python_version()}",
                         landlock_abi=landlock_abi())
    home = data_home()
    home.mkdir(parents=True, exist_ok=True)
    targets = {"solutions/ cannot be read": str(solutions_dir()), "the data home cannot be read": str(home)}
    purelib = Path(sysconfig.get_paths()["purelib"])
    installed = purelib / "dlprep" / "_data" / "solutions"
    if (installed / "conv2d.py").is_file() and installed.resolve() != solutions_dir().resolve():
        targets["the installed copy of the references cannot be read"] = str(installed / "conv2d.py")
    if (purelib / "textual" / "__init__.py").is_file():
        targets["packages the drills do not need cannot be read"] = str(purelib / "textual" / "__init__.py")
    targets["site-packages cannot be listed"] = str(purelib)
    blobs: list[bytes] = []
    tree = wire.encode_value([{"name": "probe", "args": [list(targets.values())], "kwargs": {}}], blobs)
    request = {"type": "grade", "code": PROBE_SOURCE, "framework": "numpy", "kind": "function", "entry": "probe",
               "time_budget_s": 10, "cases": tree}
    own = client is None
    client = client or WorkerClient()
    flags = None
    try:
        for header, data in client.grade(request, blobs):
            if header.get("type") == "finished" and isinstance(header.get("isolation"), dict):
                facts = header["isolation"]  # from the worker: the child's own word is never taken
                report.active = [str(x) for x in facts.get("active", [])]
                report.missing = {str(k): str(v) for k, v in facts.get("missing", {}).items()}
            message = header.get("message") if header.get("type") == "child" else None
            if not isinstance(message, dict):
                continue
            if message.get("type") == "case" and message.get("status") == "ok" and data:
                from dlprep.grading.safe_npy import load_array

                flags = [int(v) for v in load_array(data[0])]
            elif message.get("type") in ("case", "fatal"):
                report.error = str(message.get("error", "the probe failed"))[:500]
    finally:
        if own:
            client.close()
    if flags is not None and len(flags) == len(targets) + 3:
        for i, label in enumerate(targets):
            report.checks[label] = flags[i] == 0
        report.checks["TCP connections are blocked"] = flags[-3] == 0
        report.checks["new processes cannot be started"] = flags[-2] == 0
        report.checks["the child is PID 1 of its own namespace"] = flags[-1] == 1
    elif report.error is None:
        report.error = "the probe returned no result"
    for layer in ALL_LAYERS:
        if layer not in report.active and layer not in report.missing:
            report.missing[layer] = _why_missing(layer, report)
    return report


def _why_missing(layer: str, report: ProbeReport) -> str:
    if layer.endswith("namespace") or layer == "private-tmpfs":
        return report.missing.get("namespaces", "not obtained (see namespaces)")
    return "not applied"
