"""Reference for label_smoothing_loss: smoothed cross-entropy averaged over the non-padding rows."""

import numpy as np


def label_smoothing_loss(logits: np.ndarray, targets: np.ndarray, smoothing: float = 0.1,
                         ignore_index: int = -100) -> float:
    """As F.cross_entropy(logits, targets, ignore_index=ignore_index, label_smoothing=smoothing)."""
    keep = targets != ignore_index
    x = logits[keep]
    t = targets[keep]
    m = x.max(axis=1, keepdims=True)
    logp = x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))
    nll = -logp[np.arange(len(t)), t]
    uniform = -logp.mean(axis=1)
    return float(np.mean((1.0 - smoothing) * nll + smoothing * uniform))
