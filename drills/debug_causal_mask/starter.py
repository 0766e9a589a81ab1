"""Self-attention of a GPT-style decoder block. Something in here lets the model cheat: find it and fix it."""

import numpy as np


def causal_self_attention(x: np.ndarray, w_qkv: np.ndarray, w_o: np.ndarray, num_heads: int) -> np.ndarray:
    """Multi-head self-attention of a decoder; x (B, T, E), w_qkv (3E, E) fused q/k/v, w_o (E, E)."""
    b, t, e = x.shape
    d = e // num_heads
    qkv = x @ w_qkv.T
    q, k, v = (qkv[..., i * e:(i + 1) * e].reshape(b, t, num_heads, d).transpose(0, 2, 1, 3) for i in range(3))
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    out = (weights @ v).transpose(0, 2, 1, 3).reshape(b, t, e)
    return out @ w_o.T
