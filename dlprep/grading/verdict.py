"""Turning what came back from the sandbox into a :class:`GradeResult`: per-case comparison, the
overall status and message, diagnosis of known mistakes, banned-API and isolation warnings."""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import Any

from dlprep.grading import banned, structural
from dlprep.grading.compare import compare_outputs, describe_inputs
from dlprep.grading.result import OUTPUT_CAP, CaseResult, GradeResult
from dlprep.grading.safe_npy import BadOutput, load_array

CASE_OUTPUT_CAP = 2000
MAX_OUTPUTS = 4000


def _text(value: Any, cap: int) -> str:
    return value[:cap] if isinstance(value, str) else ""


def parse_outputs(message: dict, blobs: list[bytes]) -> list:
    """The arrays of one case message from the child; raises BadOutput when anything is off."""
    items = message.get("outputs")
    if not isinstance(items, list) or len(items) > MAX_OUTPUTS:
        raise BadOutput("the result of this case is malformed")
    outputs: list = []
    used: set[int] = set()
    for item in items:
        if not isinstance(item, dict):
            raise BadOutput("the result of this case is malformed")
        if item.get("none") is True:
            outputs.append(None)
        elif "bad" in item:
            raise BadOutput(f"a returned value {_text(item['bad'], 200)}")
        else:
            index = item.get("npy")
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(blobs) or index in used:
                raise BadOutput("the result of this case is malformed")
            used.add(index)
            outputs.append(load_array(blobs[index]))
    return outputs


def _ended_reason(finished: dict, budget: float) -> str:
    if finished.get("cancelled"):
        return "cancelled"
    if finished.get("timed_out"):
        return f"time limit exceeded: all cases together must finish within {budget:g} s"
    if finished.get("error"):
        return f"grading stopped: {finished['error']}"
    code = finished.get("exit_code")
    if isinstance(code, int) and code > 128:
        try:
            name = signal.Signals(code - 128).name
        except ValueError:
            name = f"signal {code - 128}"
        if name in ("SIGXCPU", "SIGKILL"):
            return f"your code was killed ({name}): CPU time or memory limit exceeded"
        return f"your code crashed ({name})"
    if code is None:
        return "your code's process stopped before returning every result"
    return f"your code's process ended before returning every result (exit code {code})"


def _structural(prep, failed: list[int], got: list[list]) -> str | None:  # noqa: ANN001
    try:
        return structural.diagnose(prep.cases, failed, prep.expected, got, prep.labels, prep.spec.rtol,
                                   prep.spec.atol, prep.arg_names)
    except Exception:  # noqa: BLE001 - a pattern search must never break a verdict
        return None


def build_verdict(prep, code: str, events: dict, diagnose_fn: Callable, budget: float) -> GradeResult:  # noqa: ANN001
    """The full verdict for one grade."""
    spec = prep.spec
    finished = events.get("finished") or {}
    layers = events.get("layers") or {}
    isolation = [str(x) for x in layers.get("active", [])] if isinstance(layers.get("active"), list) else []
    output = _text(finished.get("output"), OUTPUT_CAP)
    if finished.get("output_dropped"):
        output += f"\n[... {finished['output_dropped']} more bytes of output not shown]"
    result = GradeResult(drill=spec.id, status="error", message="", total=len(prep.cases), output=output,
                         isolation=isolation)
    result.warnings = list(events["scan"]) if "scan" in events else banned.scan_source(code, spec.banned)
    result.warnings += banned.watcher_warnings(events.get("called", []), spec.banned, result.warnings)
    missing = layers.get("missing") if isinstance(layers.get("missing"), dict) else {}
    if missing:
        result.warnings.append("isolation reduced: " + "; ".join(f"{k}: {v}" for k, v in missing.items()))
    fatal = events.get("fatal")
    messages = events.get("messages", {})
    failed: list[int] = []
    got_failed: list[list] = []
    not_implemented = 0
    for index, case in enumerate(prep.cases):
        name = case["name"]
        if index not in messages:
            result.tests.append(CaseResult(name, "error", "did not run"))
            continue
        message, blobs = messages[index]
        case_output = _text(message.get("output"), CASE_OUTPUT_CAP)
        if message.get("status") != "ok":
            not_implemented += bool(message.get("not_implemented") is True)
            error = _text(message.get("error"), 4000) or "your code raised an exception"
            detail = f"{error.rstrip()}\ninputs:\n{describe_inputs(case, prep.arg_names)}"
            result.tests.append(CaseResult(name, "error", detail, case_output))
            continue
        try:
            got = parse_outputs(message, blobs)
        except BadOutput as exc:
            result.tests.append(CaseResult(name, "fail", str(exc), case_output))
            continue
        mismatch = compare_outputs(prep.expected[index], got, spec.rtol, spec.atol, prep.labels[index])
        if mismatch is None:
            result.tests.append(CaseResult(name, "pass", "", case_output))
            result.passed += 1
            continue
        failed.append(index)
        got_failed.append(got)
        detail = f"{mismatch.message}\ninputs:\n{describe_inputs(case, prep.arg_names)}"
        result.tests.append(CaseResult(name, "fail", detail, case_output))
    total = result.total
    all_reported = len(messages) == total
    if finished.get("cancelled"):
        result.message = "cancelled"
    elif fatal is not None:
        result.message = _text(fatal.get("error"), 4000) or "your code could not be loaded"
        result.output = result.output or _text(fatal.get("output"), OUTPUT_CAP)
    elif not_implemented and not_implemented == len(messages) and messages:
        result.message = f"{spec.entry} is not implemented yet (it raises NotImplementedError)"
    elif not all_reported:
        result.message = f"{_ended_reason(finished, budget)} ({len(messages)} of {total} cases ran)"
    elif result.passed == total:
        result.status = "pass"
        result.message = f"all {total} cases pass"
    else:
        result.status = "fail"
        first = next(t for t in result.tests if t.status != "pass")
        result.message = f"{total - result.passed} of {total} cases fail; first failure: {first.name}"
    if failed and result.status in ("fail", "error"):
        found = diagnose_fn(prep, failed, got_failed)
        if found:
            result.mistake = found[0]
            result.diagnosis = f"looks like {found[0].replace('_', ' ')}: {found[1]}"
        else:  # no known mistake matches: say what the shape of the difference suggests
            result.diagnosis = _structural(prep, failed, got_failed)
    if result.status == "pass" and finished.get("error"):
        result.status, result.message = "error", f"grading stopped: {finished['error']}"
    return result
