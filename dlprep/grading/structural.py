"""Structural diagnoses: what the shape of the difference between expected and got suggests.

Trusted side, computed from the reference's outputs and the submission's on the failed cases, when no
known mistake of the drill (``mistakes.py``) matches. Each finding is a sentence a learner can act on,
always phrased as "looks like ...": a pattern in the numbers, never a certainty about the code.

Findings, in the order they are tried: NaN or inf from some case on (with the inputs' magnitude); a class
drill right at its first step and drifting after; the axes in another order; a constant factor; a flip;
an off-by-one shift; a difference only where a boolean input is set, only on the border, or only where one
side is 0; only the first items of a batch right.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

MAX_PERMUTED_AXES = 5


@dataclass
class Tolerance:
    """How close counts as equal for these patterns (the drill's tolerance with a floor)."""

    rtol: float
    atol: float

    def close(self, expected: np.ndarray, got: np.ndarray) -> bool:
        if expected.shape != got.shape:
            return False
        with np.errstate(all="ignore"):
            scale = float(np.max(np.abs(expected[np.isfinite(expected)]), initial=0.0))
            return bool(np.allclose(got, expected, rtol=self.rtol, atol=self.atol + 1e-9 * scale, equal_nan=True))

    def wrong(self, expected: np.ndarray, got: np.ndarray) -> np.ndarray:
        """Boolean mask of the positions that differ."""
        with np.errstate(all="ignore"):
            scale = float(np.max(np.abs(expected[np.isfinite(expected)]), initial=0.0))
            return ~np.isclose(got, expected, rtol=self.rtol, atol=self.atol + 1e-9 * scale, equal_nan=True)


def _floats(value: object) -> np.ndarray | None:
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiu" and value.size:
        return value.astype(np.float64)
    return None


# ---------------------------------------------------------------- one expected/got pair


def axis_order(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """got equals expected with its axes permuted (a transpose)."""
    if e.ndim < 2 or e.ndim > MAX_PERMUTED_AXES or sorted(e.shape) != sorted(g.shape):
        return None
    for perm in itertools.permutations(range(e.ndim)):
        if perm == tuple(range(e.ndim)):
            continue
        if g.transpose(perm).shape == e.shape and tol.close(e, g.transpose(perm)):
            if e.ndim == 2:
                return ("looks like a transpose: your result equals the expected one with its two axes swapped "
                        "(check which axis is rows and which is columns, or a missing/extra .T)")
            return (f"looks like the axes are in another order: your result, permuted to axes {perm}, equals "
                    "the expected one (check the layout, e.g. (N, C, H, W) against (N, H, W, C))")
    return None


def constant_factor(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """got = c * expected everywhere, for one constant c."""
    finite = np.isfinite(e) & np.isfinite(g)
    if not finite.all() or not np.any(np.abs(e) > 0):
        return None
    c = float(np.dot(g.ravel(), e.ravel()) / np.dot(e.ravel(), e.ravel()))
    if not np.isfinite(c) or abs(c) < 1e-12 or abs(c - 1.0) < 1e-9 or not tol.close(c * e, g):
        return None
    if abs(c + 1.0) < 1e-6:
        return "looks like the sign is reversed everywhere: got = -1 x expected (a minus sign or a swapped difference)"
    for n in range(2, 10001):
        if abs(c - n) < 1e-6 * n:
            return (f"looks like got = {n} x expected everywhere: a sum where a mean belongs, or a missing "
                    f"division (by a count of {n}?)")
        if abs(c * n - 1.0) < 1e-6:
            return (f"looks like got = expected / {n} everywhere: a mean where a sum belongs, or an extra "
                    f"divisor (a count of {n}?)")
    return (f"looks like got = {c:.4g} x expected everywhere: the right pattern with a wrong constant factor "
            "(a mean where a sum belongs, a divisor, or a scale such as 1/sqrt(d))")


def flip(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """got equals expected reversed along one axis or a pair of axes."""
    if e.shape != g.shape or e.ndim == 0:
        return None
    axes = [a for a in range(e.ndim) if e.shape[a] > 1]
    for count in (1, 2):
        for combo in itertools.combinations(axes, count):
            if tol.close(e, np.flip(g, axis=combo)):
                where = f"axis {combo[0]}" if count == 1 else f"axes {combo}"
                return (f"looks like a flip: your result equals the expected one reversed along {where} "
                        "(a kernel that should not be rotated, or is not, or a reversed order)")
    return None


def shift(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """got equals expected shifted by one position along an axis (on the overlap)."""
    if e.shape != g.shape or e.ndim == 0:
        return None
    for axis in range(e.ndim):
        n = e.shape[axis]
        if n < 3:
            continue
        for step in (1, -1):
            head = [slice(None)] * e.ndim
            tail = [slice(None)] * e.ndim
            head[axis], tail[axis] = (slice(step, None), slice(None, n - step)) if step > 0 else \
                (slice(None, n + step), slice(-step, None))
            if tol.close(e[tuple(head)], g[tuple(tail)]):
                direction = "one position earlier" if step > 0 else "one position later"
                return (f"looks like an off-by-one: along axis {axis}, your values appear {direction} than "
                        "expected (check a range or slice bound, or a +1/-1 in an index)")
    return None


def border(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """Only values near the edge of the last two axes differ (the inside is right)."""
    if e.shape != g.shape or e.ndim < 2 or min(e.shape[-2:]) < 4:
        return None
    wrong = tol.wrong(e, g)
    if not wrong.any():
        return None
    for width in (1, 2):
        if min(e.shape[-2:]) - 2 * width < 2:
            continue  # too small to have an inside
        inside = np.zeros(e.shape[-2:], dtype=bool)
        inside[width:-width, width:-width] = True
        if not (wrong & inside).any():
            return (f"looks like a padding problem: the values inside agree and only the outer {width} row(s) and "
                    "column(s) differ (check the padding amount, its value, or where the output window starts)")
    return None


def input_mask(e: np.ndarray, g: np.ndarray, tol: Tolerance,
               masks: Sequence[tuple[str, np.ndarray]] = ()) -> str | None:
    """The differences sit exactly where (or exactly where not) a boolean input of the case is True."""
    if e.shape != g.shape or e.size < 2:
        return None
    wrong = tol.wrong(e, g)
    if not wrong.any() or wrong.all():
        return None
    for name, mask in masks:
        try:
            m = np.broadcast_to(mask, e.shape)
        except ValueError:
            continue
        for region, side in ((m, "True"), (~m, "False")):
            if region.any() and not (wrong & ~region).any():
                return (f"looks like a mask problem: your result is right everywhere except where `{name}` is "
                        f"{side} (check that the mask is applied, and which way round)")
    if e.ndim == 0 or e.shape[0] < 2:
        return None
    wrong_items = wrong.reshape(e.shape[0], -1).any(axis=1)
    for name, mask in masks:
        if mask.ndim == 0 or mask.shape[0] != e.shape[0]:
            continue
        flat = mask.reshape(mask.shape[0], -1)
        for items, side in ((~flat.all(axis=1), "False"), (flat.any(axis=1), "True")):
            if items.any() and not items.all() and np.array_equal(items, wrong_items):
                return (f"looks like a mask problem: exactly the batch items whose `{name}` has a {side} entry "
                        "are wrong (check that the mask is applied, and which way round)")
    return None


def zero_mask(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """The differences sit exactly where one side is 0: a mask (or clip) missing or applied too widely."""
    if e.shape != g.shape or e.size < 2:
        return None
    wrong = tol.wrong(e, g)
    if not wrong.any() or wrong.all():
        return None
    if not (wrong & (e != 0)).any():
        return ("looks like a mask not applied: your result is right except where the expected value is 0 "
                "(masked, clipped or padded positions should be zero there)")
    if not (wrong & (g != 0)).any():
        return ("looks like an over-applied mask: your result is 0 exactly where it differs (positions that "
                "should be kept are zeroed, e.g. a mask or clip applied the wrong way round)")
    return None


def batch_prefix(e: np.ndarray, g: np.ndarray, tol: Tolerance) -> str | None:
    """The first items along axis 0 are right and the rest are not."""
    if e.shape != g.shape or e.ndim == 0 or e.shape[0] < 2:
        return None
    wrong = tol.wrong(e, g).reshape(e.shape[0], -1).any(axis=1)
    if not wrong.any() or wrong[0]:
        return None
    first_bad = int(np.argmax(wrong))
    if wrong[first_bad:].all():
        items = "item of the batch is" if first_bad == 1 else f"{first_bad} items of the batch are"
        return (f"looks like only the first {items} right ({first_bad} of "
                f"{e.shape[0]}): a loop or slice that stops early, or state carried from one item to the next")
    return None


PAIR_CHECKS: list[Callable[..., str | None]] = [
    axis_order, constant_factor, flip, shift, input_mask, border, zero_mask, batch_prefix,
]


# ---------------------------------------------------------------- across cases


def _magnitude(value: object) -> float:
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiu" and value.size:
        with np.errstate(all="ignore"):
            finite = np.abs(value[np.isfinite(value)])
        return float(finite.max()) if finite.size else 0.0
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, int | float):
        return abs(float(value)) if np.isfinite(value) else 0.0
    if isinstance(value, list | tuple):
        return max((_magnitude(v) for v in value), default=0.0)
    if isinstance(value, dict):
        return max((_magnitude(v) for v in value.values()), default=0.0)
    return 0.0


def _case_magnitude(case: dict) -> float:
    parts = [case.get("args", []), case.get("kwargs", {}), case.get("init", {})]
    parts += [step for step in case.get("script", [])]
    return _magnitude(parts)


def _bad_special(e: np.ndarray, g: np.ndarray) -> bool:
    return bool((~np.isfinite(g) & np.isfinite(e)).any())


def nonfinite(cases: list[dict], failed: list[int], expected: list[list], got: list[list]) -> str | None:
    """NaN or inf in the submission's outputs from some case on, with the magnitude of that case's inputs."""
    first = None
    for index, outs in zip(failed, got, strict=True):
        exp = expected[index]
        for e, g in zip(exp, outs, strict=False):
            e, g = _floats(e), _floats(g)
            if e is not None and g is not None and e.shape == g.shape and _bad_special(e, g):
                first = index
                break
        if first is not None:
            break
    if first is None:
        return None
    size = _case_magnitude(cases[first])
    earlier = [_case_magnitude(c) for i, c in enumerate(cases) if i not in failed]
    text = (f"looks like a numerical-stability problem: your code returns NaN or inf where the expected values are "
            f"finite, first in case {cases[first].get('name', first)!r}, whose inputs reach |x| = {size:.3g}")
    if earlier and max(earlier) < size:
        text += f" (the cases that pass stay below {max(earlier):.3g})"
    return text + ": an exp that overflows, a log or division of 0, or a sqrt of a negative; shift by the max, " \
                  "clamp, or add eps"


def drift(expected: list[list], got: list[list], failed: list[int], labels: list[list[str]], tol: Tolerance) -> \
        str | None:
    """Class drills: every output of step 1 is right, a later step's is not, in every failed case."""
    seen = False
    for index, outs in zip(failed, got, strict=True):
        names = labels[index] if index < len(labels) else []
        exp = expected[index]
        if len(outs) != len(exp) or not names:
            return None
        first_wrong = None
        for i, (e, g) in enumerate(zip(exp, outs, strict=True)):
            ef, gf = _floats(e), _floats(g)
            if e is None and g is None:
                continue
            if ef is None or gf is None or ef.shape != gf.shape or not tol.close(ef, gf):
                first_wrong = i
                break
        if first_wrong is None:
            continue
        step = names[first_wrong].split(",")[0] if first_wrong < len(names) else ""
        if step == "step 1" or not step.startswith("step "):
            return None
        seen = True
    if not seen:
        return None
    return ("looks like the state is updated wrongly between calls: the first step is right and later steps "
            "drift (check what you keep from one call to the next: running averages, moments, counters, caches)")


def diagnose(
    cases: list[dict],
    failed: list[int],
    expected: list[list],
    got: list[list],
    labels: list[list[str]] | None,
    rtol: float,
    atol: float,
    arg_names: Sequence[str] = (),
) -> str | None:
    """One "looks like ..." sentence for the failed cases, or None when no pattern fits.

    ``failed`` are the indices of the failed cases that returned well-formed outputs; ``got`` their
    outputs; ``expected`` and ``labels`` cover every case; ``arg_names`` name the entry's parameters."""
    if not failed:
        return None
    tol = Tolerance(max(rtol, 1e-6), max(atol, 1e-9))
    with np.errstate(all="ignore"):
        found = nonfinite(cases, failed, expected, got)
        if found is None and labels:
            found = drift(expected, got, failed, labels, tol)
        if found is None:
            found = _pair_patterns(cases, failed, expected, got, tol, arg_names)
    return found


def _input_masks(case: dict, arg_names: Sequence[str]) -> list[tuple[str, np.ndarray]]:
    masks = []
    for i, value in enumerate(case.get("args", [])):
        if isinstance(value, np.ndarray) and value.dtype.kind == "b":
            masks.append((arg_names[i] if i < len(arg_names) else f"argument {i + 1}", value))
    for key, value in case.get("kwargs", {}).items():
        if isinstance(value, np.ndarray) and value.dtype.kind == "b":
            masks.append((key, value))
    return masks


def _pair_patterns(cases: list[dict], failed: list[int], expected: list[list], got: list[list],
                   tol: Tolerance, arg_names: Sequence[str] = ()) -> str | None:
    """The first pattern that explains the first wrong output of every failed case it applies to."""
    pairs = []
    for index, outs in zip(failed, got, strict=True):
        exp = expected[index]
        if len(exp) != len(outs):
            continue
        for e, g in zip(exp, outs, strict=True):
            ef, gf = _floats(e), _floats(g)
            if ef is None or gf is None:
                continue
            if ef.shape == gf.shape and tol.close(ef, gf):
                continue
            pairs.append((ef, gf, _input_masks(cases[index], arg_names)))
            break
    if not pairs:
        return None
    for check in PAIR_CHECKS:
        answers = []
        for e, g, masks in pairs:
            answer = check(e, g, tol, masks) if check is input_mask else check(e, g, tol)
            answers.append(answer)
        hits = [a for a in answers if a]
        if hits and len(hits) * 2 >= len(pairs) and answers[0]:
            return hits[0]
    return None
