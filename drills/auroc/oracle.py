"""Hand-checked oracle for auroc (tests only): the definition itself, comparing every (positive, negative) pair."""

import numpy as np


def oracle(scores, labels):
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels)
    pos, neg = s[y == 1], s[y == 0]
    wins = 0.0
    for chunk in np.array_split(pos, max(1, len(pos) // 500)):
        diff = chunk[:, None] - neg[None, :]
        wins += float((diff > 0).sum()) + 0.5 * float((diff == 0).sum())
    return wins / (len(pos) * len(neg))
