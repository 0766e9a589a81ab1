"""Exact AUROC from scores and binary labels, ties counted as one half."""

import numpy as np


def auroc(scores: np.ndarray, labels: np.ndarray) -> float:
    """P(score of a random positive > score of a random negative) + 0.5 * P(tie).

    scores (n,) float64; labels (n,) int64 in {0, 1}, both classes present. Returns a Python float.
    """
    raise NotImplementedError
