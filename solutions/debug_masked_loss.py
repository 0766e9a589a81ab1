"""Reference for debug_masked_loss: token-level mean over the real (unmasked) positions."""

import numpy as np


def masked_token_loss(logits: np.ndarray, targets: np.ndarray, mask: np.ndarray) -> float:
    """Mean cross-entropy over positions where mask is True."""
    m = logits.max(axis=-1, keepdims=True)
    logp = logits - m - np.log(np.exp(logits - m).sum(axis=-1, keepdims=True))
    nll = -np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    return float((nll * mask).sum() / mask.sum())
