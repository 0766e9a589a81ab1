"""Rotary position embedding applied to queries or keys."""

import numpy as np


def rotary_embedding(x: np.ndarray, positions: np.ndarray, base: float = 10000.0) -> np.ndarray:
    """Rotate each adjacent feature pair (2i, 2i+1) of x[..., t, :] by positions[t] * base ** (-2i / D).

    x (..., T, D) float64 with D even; positions (T,) int64. Returns an array shaped like x.
    """
    raise NotImplementedError
