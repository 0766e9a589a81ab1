"""Reference for debug_mha_reshape: heads split from the feature axis, then moved before time."""

import numpy as np


def multi_head_self_attention(x: np.ndarray, w_q: np.ndarray, w_k: np.ndarray, w_v: np.ndarray, w_o: np.ndarray,
                              num_heads: int) -> np.ndarray:
    """Multi-head self-attention (no biases, no mask); x (B, T, E)."""
    b, t, e = x.shape
    d = e // num_heads

    def split(w):
        return (x @ w.T).reshape(b, t, num_heads, d).transpose(0, 2, 1, 3)

    q, k, v = split(w_q), split(w_k), split(w_v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return (weights @ v).transpose(0, 2, 1, 3).reshape(b, t, e) @ w_o.T
