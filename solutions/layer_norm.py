"""Reference layer normalization over the last axis (torch.nn.functional.layer_norm)."""

import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    """x (..., D), gamma and beta (D,) -> same shape as x; biased variance, eps inside the sqrt."""
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta
