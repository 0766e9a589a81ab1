"""Sigmoid focal loss, normalized by the number of positives."""

import numpy as np


def focal_loss(logits: np.ndarray, targets: np.ndarray, alpha: float = 0.25, gamma: float = 2.0) -> float:
    """Sum of -alpha_t (1 - p_t)^gamma log(p_t) over all elements, divided by max(1, number of positives).

    logits and targets (0/1 floats) have the same shape. Returns a Python float.
    """
    raise NotImplementedError
