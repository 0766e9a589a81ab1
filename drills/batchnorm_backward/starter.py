"""Backward pass of batch normalization (training mode, 2-D input)."""

import numpy as np


def batchnorm_backward(x: np.ndarray, gamma: np.ndarray, dout: np.ndarray,
                       eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (dx, dgamma, dbeta) for y = gamma * (x - mean) / sqrt(var + eps) + beta.

    x: (N, D) float64; mean and biased var are taken over the batch axis 0 (training mode).
    gamma: (D,). dout: (N, D) = dL/dy. Returns dx (N, D), dgamma (D,), dbeta (D,).
    """
    raise NotImplementedError
