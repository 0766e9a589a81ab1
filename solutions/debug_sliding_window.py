"""Reference for debug_sliding_window: causal attention over exactly `window` keys per query."""

import numpy as np


def sliding_window_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, window: int) -> np.ndarray:
    """Query i attends to keys j with i - window < j <= i."""
    t = q.shape[-2]
    i = np.arange(t)[:, None]
    j = np.arange(t)[None, :]
    allowed = (j <= i) & (j > i - window)
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(q.shape[-1])
    scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
