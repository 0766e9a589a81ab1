"""Reference for kv_cache_decode: project the new token, append to the cache, attend, project out."""

import numpy as np


def kv_cache_decode(x: np.ndarray, w_q: np.ndarray, w_k: np.ndarray, w_v: np.ndarray, w_o: np.ndarray,
                    k_cache: np.ndarray, v_cache: np.ndarray, num_heads: int):
    """One decoding step; caches are (B, H, T, D) and grow to (B, H, T + 1, D)."""
    b, e = x.shape
    d = e // num_heads

    def heads(w):
        return (x @ w.T).reshape(b, num_heads, 1, d)

    q, k, v = heads(w_q), heads(w_k), heads(w_v)
    keys = np.concatenate([k_cache, k], axis=2)
    values = np.concatenate([v_cache, v], axis=2)
    scores = q @ keys.swapaxes(-1, -2) / np.sqrt(d)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    out = (weights @ values).reshape(b, e) @ w_o.T
    return out, keys, values
