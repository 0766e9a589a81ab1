"""Reference work for the grader, done in the compute process: expected outputs and known mistakes.

``prepare`` loads a drill's cases, runs ``solutions/<id>.py`` on them and returns the encoded cases with
the expected outputs as ``.npy`` blobs; ``diagnose`` runs the drill's ``mistakes.py`` on the failed cases
and names the first mistake that behaves exactly like the submission. Only trusted code runs here: the
drill's own files. The submission's outputs arrive as arrays the app has already checked.
"""

from __future__ import annotations

import copy
import inspect
import time
import warnings
from typing import Any

from dlprep.drills import DrillSpec, get_drill, load_cases, load_mistakes, load_reference
from dlprep.drills.modules import reference_path
from dlprep.grading import wire
from dlprep.grading.harness import run_case

MAX_ARRAY_BYTES = 256 << 20
_cases: dict[str, tuple[tuple, list[dict]]] = {}  # drill id -> (stamp, cases) for diagnose


def stamp(spec: DrillSpec) -> list[int]:
    """Modification times of the files a drill's preparation depends on."""
    paths = [spec.path / "cases.py", spec.path / "drill.yaml", reference_path(spec)]
    return [p.stat().st_mtime_ns if p.exists() else 0 for p in paths]


def _arg_names(spec: DrillSpec, reference: Any) -> list[str]:
    target = reference.__init__ if spec.kind == "class" else reference
    try:
        params = list(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        params = []
    return params[1:] if spec.kind == "class" and params[:1] == ["self"] else params


_specs: dict[str, tuple[tuple, DrillSpec]] = {}  # drill id -> (drill.yaml's stat, spec)


def _drill(header: dict) -> DrillSpec:
    """The request's drill, read again only when its drill.yaml changed."""
    drill_id = header.get("drill")
    if not isinstance(drill_id, str):
        raise ValueError("the request names no drill")
    cached = _specs.get(drill_id)
    if cached is not None:
        try:
            info = (cached[1].path / "drill.yaml").stat()
        except OSError:
            info = None
        if info is not None and (info.st_mtime_ns, info.st_size) == cached[0]:
            return cached[1]
    spec = get_drill(drill_id)
    info = (spec.path / "drill.yaml").stat()
    _specs[drill_id] = ((info.st_mtime_ns, info.st_size), spec)
    return spec


def prepare(header: dict, blobs: list[bytes]) -> tuple[dict, list[bytes]]:
    """Cases and expected outputs of ``header["drill"]``: the reply's blobs are the cases' arrays (the
    first ``case_blobs``), then one ``.npy`` per expected output referenced from ``expected``."""
    spec = _drill(header)
    files = stamp(spec)
    cases = load_cases(spec)
    reference = load_reference(spec)
    import numpy as np

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        labels: list[list[str]] = [[] for _ in cases]
        outputs = [run_case(reference, copy.deepcopy(case), spec.kind, spec.framework, labels[i])
                   for i, case in enumerate(cases)]
        reference_ms = (time.perf_counter() - started) * 1000
    _cases[spec.id] = (tuple(files), cases)
    out: list[bytes] = []
    tree = wire.encode_value(cases, out)
    case_blobs = len(out)
    expected = wire.encode_rows(outputs, out)
    reply = {"cases": tree, "case_blobs": case_blobs, "expected": expected, "labels": labels,
             "arg_names": _arg_names(spec, reference), "reference_ms": reference_ms, "stamp": files}
    return reply, out


def diagnose(header: dict, blobs: list[bytes]) -> tuple[dict, list[bytes]]:
    """``{"mistake": [name, sentence]}`` for the first known mistake matching the submission's outputs
    on the failed cases, or ``{"mistake": None}``. A broken ``mistakes.py`` gives None, not an error."""
    from dlprep.grading.diagnose import diagnose as find_mistake
    from dlprep.grading.safe_npy import load_array

    spec = _drill(header)
    files = tuple(stamp(spec))
    cached = _cases.get(spec.id)
    if cached is None or cached[0] != files:
        _cases[spec.id] = cached = (files, load_cases(spec))
    cases = cached[1]
    failed, rows = header.get("failed"), header.get("got")
    if not isinstance(failed, list) or not isinstance(rows, list) or len(failed) != len(rows):
        raise ValueError("a diagnose request is malformed")
    got = [[None if i is None else load_array(blobs[i], MAX_ARRAY_BYTES) for i in row] for row in rows]
    picked = [copy.deepcopy(cases[i]) for i in failed]
    try:
        mistakes = load_mistakes(spec)
    except Exception:  # noqa: BLE001 - a broken mistakes.py must not break grading
        return {"mistake": None}, []
    found = find_mistake(mistakes, picked, got, spec.kind, spec.framework, spec.rtol, spec.atol)
    return {"mistake": list(found) if found else None}, []
