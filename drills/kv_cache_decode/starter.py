"""One decoding step of multi-head self-attention with a key/value cache."""

import numpy as np


def kv_cache_decode(x: np.ndarray, w_q: np.ndarray, w_k: np.ndarray, w_v: np.ndarray, w_o: np.ndarray,
                    k_cache: np.ndarray, v_cache: np.ndarray, num_heads: int):
    """Attend the newest token over the cache plus itself; return (out, k_cache_new, v_cache_new).

    x (B, E); weights (E, E) applied as x @ w.T; caches (B, H, T, D) with D = E // num_heads.
    Returns out (B, E) and the caches with the new key and value appended: (B, H, T + 1, D).
    """
    raise NotImplementedError
