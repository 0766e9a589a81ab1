"""Reference for focal_loss: alpha-balanced sigmoid focal loss over the number of positives."""

import numpy as np


def focal_loss(logits: np.ndarray, targets: np.ndarray, alpha: float = 0.25, gamma: float = 2.0) -> float:
    """RetinaNet's focal loss, summed and divided by max(1, positives)."""
    ce = np.maximum(logits, 0.0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p = 1.0 / (1.0 + np.exp(-logits))
    p_t = p * targets + (1.0 - p) * (1.0 - targets)
    alpha_t = alpha * targets + (1.0 - alpha) * (1.0 - targets)
    loss = alpha_t * (1.0 - p_t) ** gamma * ce
    return float(loss.sum() / max(1.0, float(targets.sum())))
