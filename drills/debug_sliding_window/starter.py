"""Causal sliding-window attention. With window=1 each token should return its own value; it does not."""

import numpy as np


def sliding_window_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, window: int) -> np.ndarray:
    """Each query attends to itself and the tokens just before it, `window` keys in all."""
    t = q.shape[-2]
    i = np.arange(t)[:, None]
    j = np.arange(t)[None, :]
    allowed = (j <= i) & (j >= i - window)
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(q.shape[-1])
    scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
