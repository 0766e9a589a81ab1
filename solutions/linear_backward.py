"""Reference for the linear_backward drill: gradients of y = x @ w.T + b."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, b: np.ndarray,
                    dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dw, db) of a linear layer given dout = dL/dy.

    x: (..., in), w: (out, in), b: (out,), dout: (..., out). Leading dimensions are batch dimensions,
    summed over for dw and db: dx = dout @ w, dw = dout^T x, db = sum of dout.
    """
    out_features, in_features = w.shape
    dx = dout @ w
    d2 = dout.reshape(-1, out_features)
    x2 = x.reshape(-1, in_features)
    return dx, d2.T @ x2, d2.sum(axis=0)
