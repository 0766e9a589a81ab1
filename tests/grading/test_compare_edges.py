"""compare_array at its edges: NaN in either direction, and values just inside or outside rtol."""

from __future__ import annotations

import numpy as np
import pytest

from dlprep.grading.compare import compare_array


@pytest.mark.parametrize(("expected", "got"), [([np.nan], [1.0]), ([1.0], [np.nan]),
                                               ([np.inf], [1.0]), ([1.0], [-np.inf]), ([np.inf], [-np.inf])])
def test_a_nan_or_infinity_on_one_side_only_fails(expected, got) -> None:
    problem = compare_array(np.array(expected), np.array(got), 1e-6, 0.0)
    assert problem is not None and "NaN or infinite" in problem


def test_matching_nans_and_infinities_pass() -> None:
    values = np.array([np.nan, np.inf, -np.inf, 2.0])
    assert compare_array(values, values.copy(), 1e-6, 0.0) is None


def test_relative_tolerance_is_the_boundary() -> None:
    expected = np.array([100.0, -50.0])
    rtol = 1e-5
    inside = expected * (1 + 0.9 * rtol)
    outside = expected * (1 + 1.1 * rtol)
    assert compare_array(expected, inside, rtol, 0.0) is None
    problem = compare_array(expected, outside, rtol, 0.0)
    assert problem is not None and problem.startswith("2 of 2 values differ beyond rtol=1e-05")


def test_absolute_tolerance_applies_near_zero() -> None:
    expected = np.array([0.0, 0.0])
    assert compare_array(expected, np.array([9e-9, -9e-9]), 1e-5, 1e-8) is None
    assert compare_array(expected, np.array([0.0, 1.1e-8]), 1e-5, 1e-8) is not None
