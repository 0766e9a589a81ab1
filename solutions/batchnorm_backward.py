"""Reference for the batchnorm_backward drill: gradients of training-mode batch norm over (N, D)."""

import numpy as np


def batchnorm_backward(x: np.ndarray, gamma: np.ndarray, dout: np.ndarray,
                       eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dgamma, dbeta) of y = gamma * (x - mu) / sqrt(var + eps) + beta in training mode.

    mu and var (biased, divide by N) are batch statistics of each column, so they depend on x; their
    paths give the two correction terms in dx = gamma / std * (dout - mean(dout) - xhat * mean(dout * xhat)).
    """
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv_std
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dx = gamma * inv_std * (dout - dout.mean(axis=0) - xhat * (dout * xhat).mean(axis=0))
    return dx, dgamma, dbeta
