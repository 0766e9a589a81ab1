"""Backward pass of layer normalization over the last axis."""

import numpy as np


def layer_norm_backward(x: np.ndarray, gamma: np.ndarray, grad_out: np.ndarray, eps: float = 1e-5):
    """Return (dx, dgamma, dbeta) for y = gamma * (x - mean) / sqrt(var + eps) + beta over the last axis.

    x and grad_out (..., D); gamma (D,). dgamma and dbeta are summed over the leading axes.
    """
    raise NotImplementedError
