"""Diagnosis: does a failing submission behave exactly like one of the drill's known mistakes?"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from dlprep.grading.compare import compare_outputs
from dlprep.grading.harness import run_case


def mistake_outputs(mistake: Callable, cases: list[dict], kind: str, framework: str) -> list:
    """The mistake's flattened outputs on each case (None where it raises)."""
    import numpy as np

    results = []
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for case in cases:
            try:
                results.append(run_case(mistake, case, kind, framework))
            except Exception:  # noqa: BLE001 - a mistake may legitimately blow up on some inputs
                results.append(None)
    return results


def diagnose(
    mistakes: dict[str, tuple[Callable, str]],
    cases: list[dict],
    got: list[list],
    kind: str,
    framework: str,
    rtol: float,
    atol: float,
) -> tuple[str, str] | None:
    """``(name, sentence)`` of the first mistake whose outputs match ``got`` on every given case.

    ``cases`` are the failed cases where the submission returned well-formed outputs, ``got`` its
    outputs on them. Matching uses the drill's tolerance with a floor, so float noise does not hide it.
    """
    if not cases:
        return None
    rtol, atol = max(rtol, 1e-6), max(atol, 1e-9)
    for name, (mistake, sentence) in mistakes.items():
        outputs = mistake_outputs(mistake, cases, kind, framework)
        if all(o is not None and compare_outputs(o, g, rtol, atol) is None for o, g in zip(outputs, got, strict=True)):
            return name, sentence
    return None
