"""Numerically stable log-softmax."""

import numpy as np


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Numerically stable log(softmax(x)) along ``axis``.

    x: float64 array of any shape (at least 1-D). axis: the axis to normalize over (may be negative).
    Returns an array of x's shape; exp of each slice along ``axis`` sums to 1.
    """
    raise NotImplementedError
