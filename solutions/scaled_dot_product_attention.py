"""Reference scaled dot-product attention in numpy (a numerically stable softmax)."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    """q (..., Lq, D), k (..., Lk, D), v (..., Lk, Dv); mask bool, True = may attend -> (..., Lq, Dv)."""
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ v
