"""Gradient of softmax cross-entropy with respect to the logits."""

import numpy as np


def softmax_cross_entropy_backward(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Return dL/dlogits for L = mean cross-entropy of softmax(logits) against targets.

    logits: (N, K) float64. targets: (N,) int64 class indices in [0, K).
    Returns an (N, K) float64 array.
    """
    raise NotImplementedError
