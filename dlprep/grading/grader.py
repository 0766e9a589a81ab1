"""The grading service: ``Grader().grade(drill_id, code)`` -> :class:`GradeResult`.

Trusted side. The expected outputs are computed in the trusted compute process (:mod:`dlprep.compute`),
from ``solutions/<id>.py``, and cached here per drill, so torch never enters the calling process; the
submission runs in a child of the warm worker and only its raw arrays come back. A pass needs a
well-formed result for every case; exit codes and printed text prove nothing. Every text that came from
the submission is escaped (:mod:`dlprep.grading.textsafe`) before it reaches the verdict.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dlprep.compute.client import ComputeClient, ComputeError
from dlprep.drills import DrillError, DrillSpec, get_drill
from dlprep.drills.modules import reference_path
from dlprep.grading import banned, textsafe, wire
from dlprep.grading.client import WorkerClient, WorkerDied, watch_cancel
from dlprep.grading.result import GradeResult
from dlprep.grading.verdict import build_verdict

IMPORTS_TORCH = re.compile(r"^\s*(import|from)\s+torch\b", re.MULTILINE)
MAX_CODE_BYTES = 512 << 10


@dataclass
class Prepared:
    """What the trusted side knows about a drill: its cases, their encoding and the expected outputs."""

    spec: DrillSpec
    cases: list[dict]
    tree: Any
    blobs: list[bytes]
    expected: list[list]
    arg_names: list[str]
    reference_ms: float
    stamp: tuple
    labels: list[list[str]]


def _stamp(spec: DrillSpec) -> tuple:
    paths = [spec.path / "cases.py", spec.path / "drill.yaml", reference_path(spec)]
    return tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in paths)


def prepare(spec: DrillSpec, compute: ComputeClient) -> Prepared:
    """Ask the compute process for the drill's cases and the reference's outputs on them."""
    from dlprep.grading.safe_npy import load_array

    try:
        reply, blobs = compute.request("prepare", {"drill": spec.id})
    except ComputeError as exc:
        if getattr(exc, "error_type", "") == "DrillError":
            raise DrillError(str(exc)) from None
        raise DrillError(f"drill {spec.id}: the expected outputs could not be computed ({exc})") from None
    try:
        count = reply["case_blobs"]
        case_blobs = blobs[:count]
        cases = wire.decode_value(reply["cases"], case_blobs)
        expected = [[None if i is None else load_array(blobs[i], 256 << 20) for i in row] for row in reply["expected"]]
        prepared = Prepared(spec, cases, reply["cases"], case_blobs, expected, list(reply["arg_names"]),
                            float(reply["reference_ms"]), tuple(reply["stamp"]), reply["labels"])
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise DrillError(f"drill {spec.id}: the compute process sent a malformed answer ({exc})") from None
    return prepared


class Grader:
    """Grades submissions through one warm worker, started lazily and reused across grades; the expected
    outputs come from one compute process, also started lazily (or ahead with :meth:`start`)."""

    def __init__(self, client: WorkerClient | None = None, *, time_budget_s: float | None = None,
                 compute: ComputeClient | None = None) -> None:
        """``time_budget_s``, when given, caps every drill's wall-clock budget (tests, quick checks)."""
        self._client = client
        self._budget_cap = time_budget_s
        self._lock = threading.Lock()
        self._prepared: dict[str, Prepared] = {}
        self._prepare_lock = threading.Lock()
        self.compute = compute if compute is not None else ComputeClient()

    def prepared(self, drill_id: str, spec: DrillSpec | None = None) -> Prepared:
        """The cached preparation of a drill (recomputed when its files change); ``spec``, when the caller
        has just loaded it, saves reading drill.yaml again."""
        cached = self._prepared.get(drill_id)
        if cached is not None and cached.stamp == _stamp(cached.spec):
            return cached
        with self._prepare_lock:
            spec = spec if spec is not None and spec.id == drill_id else get_drill(drill_id)
            cached = self._prepared.get(drill_id)
            if cached is None or cached.stamp != _stamp(spec) or cached.spec != spec:
                cached = self._prepared[drill_id] = prepare(spec, self.compute)
        return cached

    def budget(self, spec: DrillSpec) -> float:
        """The wall-clock budget used for ``spec``'s cases."""
        return min(spec.time_budget_s, self._budget_cap) if self._budget_cap else spec.time_budget_s

    def start(self) -> None:
        """Start the worker and the compute process without waiting (they warm up while the caller works)."""
        self.compute.start()
        with self._lock:
            self._worker()

    def warm_up(self, framework: str = "numpy") -> None:
        """Start the worker now (and import torch in it for torch drills); the compute process imports
        the framework at the same time, in the background."""
        self.compute.start()
        threading.Thread(target=self._compute_load, args=(framework,), daemon=True).start()
        with self._lock:
            self._worker().load(framework)

    def _compute_load(self, framework: str) -> None:
        with contextlib.suppress(ComputeError):
            self.compute.request("load", {"framework": framework})

    def _worker(self) -> WorkerClient:
        if self._client is None or not self._client.alive():
            if self._client is not None:
                self._client.close()
            self._client = WorkerClient()
        return self._client

    def grade(
        self,
        drill_id: str,
        code: str,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> GradeResult:
        """Grade ``code`` against drill ``drill_id``. Raises DrillError for an unknown or broken drill."""
        started = time.perf_counter()
        cached = self._prepared.get(drill_id)
        spec = cached.spec if cached else get_drill(drill_id)
        size = len(code.encode("utf-8", "surrogatepass"))
        if size > MAX_CODE_BYTES:
            return self._refused(spec, f"the submission is too large to grade ({size} bytes; the limit is "
                                       f"{MAX_CODE_BYTES} bytes)", started)
        preload = ["torch"] if spec.framework == "torch" or IMPORTS_TORCH.search(code) else []
        with self._lock:
            for name in preload:
                self._worker().preload(name)  # torch loads in the worker while the expected outputs are computed
        prep = self.prepared(drill_id, None if cached else spec)  # a cached spec may be stale: not reused
        spec = prep.spec
        watch = [ban for ban in spec.banned if ban.split(".")[0] != "torch" or spec.framework == "torch"]
        request = {"code": code, "framework": spec.framework, "kind": spec.kind, "entry": spec.entry,
                   "time_budget_s": self.budget(spec), "cases": prep.tree, "preload": preload,
                   "cases_key": f"{drill_id}:{prep.stamp}", "watch": watch}
        scan: list[list[str]] = []
        scanner = threading.Thread(
            target=lambda: scan.append(banned.scan_source(code, spec.banned, spec.framework)), daemon=True)
        scanner.start()  # runs while this thread waits on the worker
        with self._lock:
            try:
                events = self._run(request, prep, progress, cancel)
            except wire.WireError as exc:  # the request could not be framed: nothing was sent
                events = {"messages": {}, "finished": {"error": f"the submission cannot be sent ({exc})"},
                          "layers": {}, "fatal": None, "called": []}
            except WorkerDied as exc:
                if self._client is not None:
                    self._client.close(kill=True)
                self._client = None
                events = {"messages": {}, "finished": {"error": str(exc)}, "layers": {}, "fatal": None,
                          "called": []}
            except BaseException:
                if self._client is not None:  # interrupted mid-grade: the protocol state is unknown
                    self._client.close(kill=True)
                self._client = None
                raise
        scanner.join()
        found = scan[0] if scan else []
        events["scan"] = found + banned.runtime_warnings(events.get("imported", []), spec.framework, found)
        result = self._verdict(prep, code, events)
        result.duration_ms = (time.perf_counter() - started) * 1000
        return result.sanitized()

    def _refused(self, spec: DrillSpec, message: str, started: float) -> GradeResult:
        result = GradeResult(drill=spec.id, status="error", message=message)
        result.duration_ms = (time.perf_counter() - started) * 1000
        return result

    def _run(self, request: dict, prep: Prepared, progress, cancel) -> dict:  # noqa: ANN001
        client = self._worker()
        total = len(prep.cases)
        state: dict[str, Any] = {"messages": {}, "finished": None, "layers": {}, "fatal": None, "called": [],
                                 "imported": []}
        if cancel is not None and cancel.is_set():
            state["finished"] = {"cancelled": True}
            return state
        done = threading.Event()
        stop = watch_cancel(cancel, client, done)
        try:
            for raw, blobs in client.grade(request, prep.blobs):
                header = textsafe.clean_tree(raw)  # the child's text, escaped before anything shows it
                kind = header.get("type")
                if kind == "finished":
                    state["finished"] = header
                    facts = header.get("isolation")  # isolation facts come from the worker, never the child
                    state["layers"] = facts if isinstance(facts, dict) else {}
                    continue
                if kind != "child":
                    continue
                message = header.get("message")
                if not isinstance(message, dict):
                    continue
                mtype = message.get("type")
                if mtype == "case":
                    index = message.get("index")
                    if isinstance(index, int) and 0 <= index < total and index not in state["messages"]:
                        state["messages"][index] = (message, blobs)
                        if progress is not None:
                            try:
                                progress(len(state["messages"]), total)
                            except Exception:  # noqa: BLE001 - a broken callback must not desync the worker
                                progress = None
                elif mtype == "fatal" and state["fatal"] is None:
                    state["fatal"] = message
                elif mtype == "done":
                    if isinstance(message.get("called"), list):
                        state["called"] = [str(c) for c in message["called"][:500]]
                    if isinstance(message.get("imported"), list):
                        state["imported"] = [str(c) for c in message["imported"][:50]]
        finally:
            stop()
        return state

    def _verdict(self, prep: Prepared, code: str, events: dict) -> GradeResult:
        return build_verdict(prep, code, events, self._diagnose, self.budget(prep.spec))

    def _diagnose(self, prep: Prepared, failed: list[int], got: list[list]) -> tuple[str, str] | None:
        """The known mistake the failed outputs match, asked of the compute process (None on any failure)."""
        blobs: list[bytes] = []
        try:
            rows = wire.encode_rows(got, blobs)
            reply, _ = self.compute.request("diagnose", {"drill": prep.spec.id, "failed": failed, "got": rows}, blobs)
        except (ComputeError, ValueError, TypeError):
            return None
        found = reply.get("mistake")
        if isinstance(found, list) and len(found) == 2 and all(isinstance(x, str) for x in found):
            return found[0], found[1]
        return None

    def close(self, wait: bool = True) -> None:
        """Stop the worker and the compute process (``wait=False``: do not wait for them to clean up)."""
        with self._lock:
            if self._client is not None:
                self._client.close(wait=wait)
                self._client = None
        self.compute.close(wait=wait)
