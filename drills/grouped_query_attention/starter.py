"""Grouped-query attention: several query heads share each key/value head."""

import numpy as np


def grouped_query_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool = False) -> np.ndarray:
    """Attention where query head h reads key/value head h // (Hq // Hkv).

    q (B, Hq, L, D); k, v (B, Hkv, S, D); causal requires L == S. Returns (B, Hq, L, D).
    """
    raise NotImplementedError
