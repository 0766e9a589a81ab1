"""Reference for attention_backward: recompute P, then backpropagate through P V and the softmax."""

import numpy as np


def attention_backward(q: np.ndarray, k: np.ndarray, v: np.ndarray, grad_out: np.ndarray, causal: bool = False):
    """(dq, dk, dv) of softmax(q k^T / sqrt(D) + mask) v."""
    scale = 1.0 / np.sqrt(q.shape[-1])
    scores = q @ k.swapaxes(-1, -2) * scale
    if causal:
        length = q.shape[-2]
        scores = np.where(np.tril(np.ones((length, length), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=-1, keepdims=True)
    dv = p.swapaxes(-1, -2) @ grad_out
    dp = grad_out @ v.swapaxes(-1, -2)
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True))
    dq = ds @ k * scale
    dk = ds.swapaxes(-1, -2) @ q * scale
    return dq, dk, dv
