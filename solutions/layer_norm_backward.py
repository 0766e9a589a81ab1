"""Reference for layer_norm_backward: gradients through the per-row mean and variance."""

import numpy as np


def layer_norm_backward(x: np.ndarray, gamma: np.ndarray, grad_out: np.ndarray, eps: float = 1e-5):
    """(dx, dgamma, dbeta) of layer norm over the last axis."""
    d = x.shape[-1]
    mean = x.mean(axis=-1, keepdims=True)
    sigma = np.sqrt(((x - mean) ** 2).mean(axis=-1, keepdims=True) + eps)
    x_hat = (x - mean) / sigma
    lead = tuple(range(x.ndim - 1))
    dbeta = grad_out.sum(axis=lead)
    dgamma = (grad_out * x_hat).sum(axis=lead)
    g = grad_out * gamma
    dx = (d * g - g.sum(axis=-1, keepdims=True) - x_hat * (g * x_hat).sum(axis=-1, keepdims=True)) / (d * sigma)
    return dx, dgamma, dbeta
