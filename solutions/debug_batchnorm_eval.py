"""Reference for debug_batchnorm_eval: batch statistics in training, running statistics at evaluation."""

import numpy as np


class BatchNorm1d:
    """Per-channel batch norm for (N, C) or (N, C, L) inputs, as torch.nn.BatchNorm1d."""

    def __init__(self, gamma: np.ndarray, beta: np.ndarray, momentum: float = 0.1, eps: float = 1e-5) -> None:
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.eps = eps
        self.running_mean = np.zeros_like(gamma)
        self.running_var = np.ones_like(gamma)

    def forward(self, x: np.ndarray, training: bool = True) -> np.ndarray:
        """Normalize x; training uses and records batch statistics, eval uses the running ones."""
        axes = (0,) + tuple(range(2, x.ndim))
        shape = (1, -1) + (1,) * (x.ndim - 2)
        if training:
            mean = x.mean(axis=axes)
            var = x.var(axis=axes)
            n = x.size // x.shape[1]
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mean
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var * n / (n - 1)
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + self.eps)
        return self.gamma.reshape(shape) * x_hat + self.beta.reshape(shape)
