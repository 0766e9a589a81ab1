"""Oracle for batchnorm1d_module: torch.nn.functional.batch_norm with running buffers updated in place."""

import numpy as np
import torch
import torch.nn.functional as F


class oracle:  # noqa: N801 - the drill format names the oracle entry point `oracle`
    """BatchNorm1d on F.batch_norm; takes and returns numpy arrays."""

    def __init__(self, gamma: np.ndarray, beta: np.ndarray, momentum: float = 0.1, eps: float = 1e-5) -> None:
        self.gamma, self.beta = torch.from_numpy(gamma), torch.from_numpy(beta)
        self.momentum, self.eps = momentum, eps
        self._mean = torch.zeros_like(self.gamma)
        self._var = torch.ones_like(self.gamma)

    @property
    def running_mean(self) -> np.ndarray:
        return self._mean.numpy().copy()

    @property
    def running_var(self) -> np.ndarray:
        return self._var.numpy().copy()

    def forward(self, x: np.ndarray, training: bool = True) -> np.ndarray:
        y = F.batch_norm(torch.from_numpy(x), self._mean, self._var, self.gamma, self.beta,
                         training=training, momentum=self.momentum, eps=self.eps)
        return y.numpy()
