"""Top-k and nucleus (top-p) filtering of next-token logits."""

import numpy as np


def top_k_top_p_filter(logits: np.ndarray, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    """Set the logits of filtered tokens to -inf: top-k first, then top-p on the renormalized survivors.

    logits (B, V) float64; top_k 0 disables top-k; top_p 1.0 disables top-p. Returns (B, V).
    """
    raise NotImplementedError
