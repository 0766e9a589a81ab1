"""The grading service: ``Grader().grade(drill_id, code)`` -> :class:`GradeResult`.

Trusted side. The expected outputs are computed here, from ``solutions/<id>.py``, and cached per drill;
the submission runs in a child of the warm worker and only its raw arrays come back. A pass needs a
well-formed result for every case; exit codes and printed text prove nothing.
"""

from __future__ import annotations

import copy
import inspect
import re
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dlprep.drills import DrillSpec, get_drill, load_cases, load_mistakes, load_reference
from dlprep.drills.modules import reference_path
from dlprep.grading import banned, wire
from dlprep.grading.client import WorkerClient, WorkerDied, watch_cancel
from dlprep.grading.diagnose import diagnose
from dlprep.grading.harness import run_case
from dlprep.grading.result import GradeResult
from dlprep.grading.verdict import build_verdict

IMPORTS_TORCH = re.compile(r"^\s*(import|from)\s+torch\b", re.MULTILINE)


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


def prepare(spec: DrillSpec) -> Prepared:
    """Load the cases and run the reference on them (in this trusted process)."""
    cases = load_cases(spec)
    reference = load_reference(spec)
    target = reference.__init__ if spec.kind == "class" else reference
    try:
        params = list(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        params = []
    arg_names = params[1:] if spec.kind == "class" and params[:1] == ["self"] else params
    import numpy as np

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        labels: list[list[str]] = [[] for _ in cases]
        expected = [run_case(reference, copy.deepcopy(case), spec.kind, spec.framework, labels[i])
                    for i, case in enumerate(cases)]
        reference_ms = (time.perf_counter() - started) * 1000
    blobs: list[bytes] = []
    tree = wire.encode_value(cases, blobs)
    return Prepared(spec, cases, tree, blobs, expected, arg_names, reference_ms, _stamp(spec), labels)


class Grader:
    """Grades submissions through one warm worker, started lazily and reused across grades."""

    def __init__(self, client: WorkerClient | None = None, *, time_budget_s: float | None = None) -> None:
        """``time_budget_s``, when given, caps every drill's wall-clock budget (tests, quick checks)."""
        self._client = client
        self._budget_cap = time_budget_s
        self._lock = threading.Lock()
        self._prepared: dict[str, Prepared] = {}

    def prepared(self, drill_id: str) -> Prepared:
        """The cached preparation of a drill (recomputed when its files change)."""
        cached = self._prepared.get(drill_id)
        if cached is not None and cached.stamp == _stamp(cached.spec):
            return cached
        spec = get_drill(drill_id)
        if cached is None or cached.stamp != _stamp(spec) or cached.spec != spec:
            cached = self._prepared[drill_id] = prepare(spec)
        return cached

    def budget(self, spec: DrillSpec) -> float:
        """The wall-clock budget used for ``spec``'s cases."""
        return min(spec.time_budget_s, self._budget_cap) if self._budget_cap else spec.time_budget_s

    def start(self) -> None:
        """Start the worker process without waiting for it (it warms up while the caller works)."""
        with self._lock:
            self._worker()

    def warm_up(self, framework: str = "numpy") -> None:
        """Start the worker now (and import torch in it for torch drills)."""
        with self._lock:
            self._worker().load(framework)

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
        framework = cached.spec.framework if cached else get_drill(drill_id).framework
        preload = ["torch"] if framework == "torch" or IMPORTS_TORCH.search(code) else []
        with self._lock:
            for name in preload:
                self._worker().preload(name)  # torch loads in the worker while the expected outputs are computed
        prep = self.prepared(drill_id)
        spec = prep.spec
        request = {"code": code, "framework": spec.framework, "kind": spec.kind, "entry": spec.entry,
                   "time_budget_s": self.budget(spec), "cases": prep.tree, "preload": preload,
                   "cases_key": f"{drill_id}:{prep.stamp}"}
        scan: list[list[str]] = []
        scanner = threading.Thread(target=lambda: scan.append(banned.scan_source(code, spec.banned)), daemon=True)
        scanner.start()  # runs while this thread waits on the worker
        with self._lock:
            try:
                events = self._run(request, prep, progress, cancel)
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
        events["scan"] = scan[0] if scan else []
        result = self._verdict(prep, code, events)
        result.duration_ms = (time.perf_counter() - started) * 1000
        return result

    def _run(self, request: dict, prep: Prepared, progress, cancel) -> dict:  # noqa: ANN001
        client = self._worker()
        total = len(prep.cases)
        state: dict[str, Any] = {"messages": {}, "finished": None, "layers": {}, "fatal": None, "called": []}
        if cancel is not None and cancel.is_set():
            state["finished"] = {"cancelled": True}
            return state
        done = threading.Event()
        stop = watch_cancel(cancel, client, done)
        try:
            for header, blobs in client.grade(request, prep.blobs):
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
                elif mtype == "done" and isinstance(message.get("called"), list):
                    state["called"] = [str(c) for c in message["called"][:500]]
        finally:
            stop()
        return state

    def _verdict(self, prep: Prepared, code: str, events: dict) -> GradeResult:
        return build_verdict(prep, code, events, self._diagnose, self.budget(prep.spec))

    def _diagnose(self, prep: Prepared, failed: list[int], got: list[list]) -> tuple[str, str] | None:
        try:
            mistakes = load_mistakes(prep.spec)
        except Exception:  # noqa: BLE001 - a broken mistakes.py must not break grading
            return None
        cases = [copy.deepcopy(prep.cases[i]) for i in failed]
        s = prep.spec
        return diagnose(mistakes, cases, got, s.kind, s.framework, s.rtol, s.atol)

    def close(self, wait: bool = True) -> None:
        """Stop the worker (``wait=False``: do not wait for it to finish cleaning up)."""
        with self._lock:
            if self._client is not None:
                self._client.close(wait=wait)
                self._client = None

