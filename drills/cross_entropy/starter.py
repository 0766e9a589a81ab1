"""Cross-entropy loss from logits, with label smoothing."""

import numpy as np


def cross_entropy(logits: np.ndarray, targets: np.ndarray, label_smoothing: float = 0.0) -> float:
    """Mean cross-entropy loss from raw logits, as torch.nn.functional.cross_entropy.

    logits: (N, K) float64 unnormalized scores. targets: (N,) int64 class indices in [0, K).
    label_smoothing: eps in [0, 1]; the target distribution becomes (1 - eps) * one_hot + eps / K.
    Returns the mean loss over the N examples as a Python float.
    """
    raise NotImplementedError
