"""A fully connected layer with a cached forward pass and a manual backward pass."""

import numpy as np


class Linear:
    """y = x @ w.T + b, with w (out, in) and b (out,)."""

    def __init__(self, w: np.ndarray, b: np.ndarray) -> None:
        self.w = w
        self.b = b
        self.dw = None
        self.db = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, in) -> y (N, out); remember what backward needs."""
        raise NotImplementedError

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """dout (N, out) -> dx (N, in); set self.dw (out, in) and self.db (out,)."""
        raise NotImplementedError
