"""Known wrong versions of the Linear module, used to name what a failing submission got wrong."""

import numpy as np


class _Base:
    def __init__(self, w: np.ndarray, b: np.ndarray) -> None:
        self.w, self.b = w, b
        self.dw = self.db = None

    def forward(self, x):
        self._x = x
        return x @ self.w.T + self.b


class MeanBiasGradient(_Base):
    def backward(self, dout):
        self.dw = dout.T @ self._x
        self.db = dout.mean(axis=0)
        return dout @ self.w


class TransposedWeightGradient(_Base):
    def backward(self, dout):
        self.dw = self._x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.w


class AccumulatedGradients(_Base):
    def backward(self, dout):
        dw, db = dout.T @ self._x, dout.sum(axis=0)
        self.dw = dw if self.dw is None else self.dw + dw
        self.db = db if self.db is None else self.db + db
        return dout @ self.w


class ForwardWithoutBias(_Base):
    def forward(self, x):
        self._x = x
        return x @ self.w.T

    def backward(self, dout):
        self.dw = dout.T @ self._x
        self.db = dout.sum(axis=0)
        return dout @ self.w


MISTAKES = {
    "mean_bias_gradient": (MeanBiasGradient, "db averages dout over the batch; the bias gradient is the sum."),
    "transposed_weight_gradient": (
        TransposedWeightGradient,
        "dw is x.T @ dout, shape (in, out); with w stored as (out, in) it must be dout.T @ x.",
    ),
    "accumulated_gradients": (
        AccumulatedGradients,
        "backward adds to the previous dw and db instead of replacing them.",
    ),
    "forward_without_bias": (ForwardWithoutBias, "forward returns x @ w.T and never adds the bias b."),
}
