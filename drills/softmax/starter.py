"""Numerically stable softmax."""

import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Numerically stable softmax of ``x`` along ``axis``.

    x: float64 array of any shape (at least 1-D). axis: the axis to normalize over (may be negative).
    Returns an array of x's shape whose entries along ``axis`` are positive and sum to 1.
    """
    raise NotImplementedError
