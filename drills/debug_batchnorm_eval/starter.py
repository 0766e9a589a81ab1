"""The team's batch norm layer. Served one request at a time, the model predicts one class for everything."""

import numpy as np


class BatchNorm1d:
    """Per-channel batch norm for (N, C) or (N, C, L) inputs."""

    def __init__(self, gamma: np.ndarray, beta: np.ndarray, momentum: float = 0.1, eps: float = 1e-5) -> None:
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.eps = eps
        self.running_mean = np.zeros_like(gamma)
        self.running_var = np.ones_like(gamma)

    def forward(self, x: np.ndarray, training: bool = True) -> np.ndarray:
        """Normalize x per channel and keep running statistics for evaluation."""
        axes = (0,) + tuple(range(2, x.ndim))
        shape = (1, -1) + (1,) * (x.ndim - 2)
        mean = x.mean(axis=axes)
        var = x.var(axis=axes)
        if training:
            n = x.size // x.shape[1]
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mean
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var * n / (n - 1)
        x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + self.eps)
        return self.gamma.reshape(shape) * x_hat + self.beta.reshape(shape)
