"""Reference for the linear_layer drill: a fully connected layer with a manual backward pass."""

import numpy as np


class Linear:
    """y = x @ w.T + b, with w (out, in) and b (out,); backward replaces dw and db each call."""

    def __init__(self, w: np.ndarray, b: np.ndarray) -> None:
        self.w = w
        self.b = b
        self.dw: np.ndarray | None = None
        self.db: np.ndarray | None = None
        self._x: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        """x (N, in) -> y (N, out); caches x for backward."""
        self._x = x
        return x @ self.w.T + self.b

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """dout (N, out) -> dx (N, in); sets self.dw (out, in) and self.db (out,)."""
        self.dw = dout.T @ self._x
        self.db = dout.sum(axis=0)
        return dout @ self.w
