"""Inverted dropout with explicit noise."""

import numpy as np


def dropout(x: np.ndarray, p: float, training: bool, u: np.ndarray) -> np.ndarray:
    """Apply dropout with drop probability p, using the given uniform noise u.

    x: float64 array of any shape. p: float in [0, 1]. training: bool. u: float64 array of x's shape
    with values in [0, 1). Keep x where u >= p and scale kept values by 1 / (1 - p); when not training,
    return x unchanged. Returns an array of x's shape.
    """
    raise NotImplementedError
