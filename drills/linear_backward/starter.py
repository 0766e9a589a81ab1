"""Backward pass of a linear (fully connected) layer."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, b: np.ndarray,
                    dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (dx, dw, db) for y = x @ w.T + b given dout = dL/dy.

    x: (..., in_features) float64 (any number of leading batch dimensions). w: (out_features, in_features).
    b: (out_features,). dout: (..., out_features). Returns dx like x, dw like w, db like b.
    """
    raise NotImplementedError
