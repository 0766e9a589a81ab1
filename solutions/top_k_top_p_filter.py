"""Reference for top_k_top_p_filter: top-k, then nucleus filtering on the renormalized survivors."""

import numpy as np


def top_k_top_p_filter(logits: np.ndarray, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    """Filtered logits, -inf where removed; (B, V)."""
    out = np.array(logits, dtype=np.float64, copy=True)
    if top_k > 0 and top_k < out.shape[-1]:
        kth = np.sort(out, axis=-1)[:, -top_k][:, None]
        out = np.where(out >= kth, out, -np.inf)
    if top_p < 1.0:
        shifted = out - out.max(axis=-1, keepdims=True)
        probs = np.exp(shifted)
        probs /= probs.sum(axis=-1, keepdims=True)
        order = np.argsort(-probs, axis=-1, kind="stable")
        sorted_probs = np.take_along_axis(probs, order, axis=-1)
        before = np.cumsum(sorted_probs, axis=-1) - sorted_probs
        keep_sorted = before < top_p
        keep = np.zeros_like(keep_sorted)
        np.put_along_axis(keep, order, keep_sorted, axis=-1)
        out = np.where(keep, out, -np.inf)
    return out
