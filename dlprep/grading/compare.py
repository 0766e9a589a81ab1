"""Comparing a submission's outputs with the reference's, with messages a person can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

SMALL = 24
REUSED = "; then the caller overwrites the arrays it passed"
KIND_NAMES = {"f": "float", "i": "integer", "u": "integer", "b": "bool"}


@dataclass
class Mismatch:
    """Why one case failed: a message, plus the output index where it happened."""

    message: str
    output: int = 0


def _kind(array: np.ndarray) -> str:
    return "i" if array.dtype.kind == "u" else array.dtype.kind


def _index(flat: int, shape: tuple) -> str:
    if not shape:
        return "()"
    return str(tuple(int(i) for i in np.unravel_index(flat, shape)))


def _label(i: int, count: int) -> str:
    return "the result" if count == 1 else f"output {i}"


def compare_outputs(expected: list, got: list, rtol: float, atol: float,
                    labels: list[str] | None = None) -> Mismatch | None:
    """None when ``got`` matches ``expected``; otherwise the first difference, explained. ``labels`` name
    the outputs of class drills by the step that recorded them."""
    if len(got) != len(expected):
        return Mismatch(f"returned {len(got)} value(s); expected {len(expected)}")
    for i, (exp, out) in enumerate(zip(expected, got, strict=True)):
        label = _label(i, len(expected))
        if labels and i < len(labels):
            label = f"output {i} ({labels[i]})"
        if exp is None or out is None:
            if exp is None and out is None:
                continue
            return Mismatch(f"{label} is {'None' if out is None else 'an array'}; expected "
                            f"{'None' if exp is None else 'an array'}", i)
        problem = compare_array(exp, out, rtol, atol)
        if problem:
            return Mismatch(f"{label}: {problem}", i)
    return None


def compare_array(exp: np.ndarray, out: np.ndarray, rtol: float, atol: float) -> str | None:
    """None when equal within tolerance, else a sentence: shape, dtype kind, finiteness, values."""
    if exp.shape != out.shape:
        return f"shape {out.shape}, expected {exp.shape}"
    if _kind(exp) != _kind(out):
        return (f"{KIND_NAMES.get(out.dtype.kind, out.dtype.kind)} values ({out.dtype}), expected "
                f"{KIND_NAMES.get(exp.dtype.kind, exp.dtype.kind)} ({exp.dtype})")
    if exp.dtype.kind != "f":
        wrong = np.flatnonzero(exp.ravel() != out.ravel())
        if wrong.size:
            first = int(wrong[0])
            return (f"{wrong.size} of {exp.size} values differ; first at index {_index(first, exp.shape)}: "
                    f"got {out.ravel()[first].item()!r}, expected {exp.ravel()[first].item()!r}" + _small(exp, out))
        return None
    e, o = exp.astype(np.float64).ravel(), out.astype(np.float64).ravel()
    nan_bad = np.isnan(e) != np.isnan(o)
    inf_bad = (np.isinf(e) | np.isinf(o)) & (e != o) & ~np.isnan(e) & ~np.isnan(o)
    bad_special = np.flatnonzero(nan_bad | inf_bad)
    if bad_special.size:
        first = int(bad_special[0])
        return (f"{bad_special.size} value(s) are NaN or infinite where the expected are not (or the "
                f"reverse); first at index {_index(first, exp.shape)}: got {o[first].item()!r}, "
                f"expected {e[first].item()!r}")
    finite = np.isfinite(e)
    with np.errstate(all="ignore"):
        abs_err = np.where(finite, np.abs(o - e), 0.0)
        close = ~finite | (abs_err <= atol + rtol * np.abs(e))
    wrong = np.flatnonzero(~close)
    if not wrong.size:
        return None
    worst = int(np.argmax(abs_err))
    with np.errstate(all="ignore"):
        rel = np.where(finite & (np.abs(e) > 0), abs_err / np.abs(e), np.where(abs_err > 0, np.inf, 0.0))
    worst_rel = int(np.argmax(rel))
    first = int(wrong[0])
    return (f"{wrong.size} of {e.size} values differ beyond rtol={rtol:g}, atol={atol:g}; "
            f"first at index {_index(first, exp.shape)}: got {o[first]:.6g}, expected {e[first]:.6g}; "
            f"largest absolute error {abs_err[worst]:.3g} at {_index(worst, exp.shape)}, "
            f"largest relative error {rel[worst_rel]:.3g} at {_index(worst_rel, exp.shape)}" + _small(exp, out))


def _small(exp: np.ndarray, out: np.ndarray) -> str:
    if exp.size > SMALL:
        return ""
    with np.printoptions(precision=5, suppress=True, threshold=SMALL):
        got = " ".join(np.array2string(out, separator=", ").split())
        want = " ".join(np.array2string(exp, separator=", ").split())
    return f"\n  got:      {got}\n  expected: {want}"


def describe_value(value: Any) -> str:
    """A short description of an input: shape and dtype, and the values when small."""
    if isinstance(value, np.ndarray):
        text = f"{value.dtype} array of shape {value.shape}"
        if value.size <= SMALL:
            with np.printoptions(precision=4, suppress=True, threshold=SMALL):
                text += " = " + " ".join(np.array2string(value, separator=", ").split())
        return text
    if isinstance(value, list | tuple) and any(isinstance(v, np.ndarray) for v in value):
        inner = ", ".join(describe_value(v) for v in value)
        return f"[{inner}]"
    return repr(value)


def describe_inputs(case: dict, names: list[str]) -> str:
    """The inputs of a case, one per line, named after the entry's parameters where known."""
    lines = []
    if "script" in case:
        init = case.get("init", {})
        parts = [describe_value(v) for v in init.get("args", [])]
        parts += [f"{k}={describe_value(v)}" for k, v in init.get("kwargs", {}).items()]
        lines.append(f"init({', '.join(parts)})" + (REUSED if init.get("overwrite_args") else ""))
        for number, step in enumerate(case["script"], 1):
            if "attr" in step:
                lines.append(f"step {number}: read .{step['attr']}")
            else:
                parts = [describe_value(v) for v in step.get("args", [])]
                parts += [f"{k}={describe_value(v)}" for k, v in step.get("kwargs", {}).items()]
                lines.append(f"step {number}: call .{step['call']}({', '.join(parts)})"
                             + (REUSED if step.get("overwrite_args") else ""))
        return "\n".join("  " + line for line in lines)
    for i, value in enumerate(case.get("args", [])):
        name = names[i] if i < len(names) else f"arg{i}"
        lines.append(f"{name}: {describe_value(value)}")
    for key, value in case.get("kwargs", {}).items():
        lines.append(f"{key}: {describe_value(value)}")
    return "\n".join("  " + line for line in lines)
