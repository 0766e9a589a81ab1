"""Cases for auroc: tiny hand cases (perfect, reversed, all tied), then noisy scores with and without ties."""

import numpy as np


def _case(name, seed, n, positive_share, separation, decimals=None):
    rng = np.random.default_rng(seed)
    labels = (rng.random(n) < positive_share).astype(np.int64)
    labels[0], labels[1] = 0, 1
    scores = rng.standard_normal(n) + separation * labels
    if decimals is not None:
        scores = np.round(scores, decimals)
    return {"name": name, "args": [scores, labels]}


def cases() -> list[dict]:
    return [
        {"name": "perfect ranking", "args": [np.array([0.2, 0.9]), np.array([0, 1])]},
        {"name": "reversed ranking", "args": [np.array([0.9, 0.2, 0.5]), np.array([0, 1, 1])]},
        {"name": "all scores tied", "args": [np.full(4, 0.5), np.array([0, 1, 0, 1])]},
        {"name": "prompt example", "args": [np.array([0.1, 0.4, 0.4, 0.8]), np.array([0, 0, 1, 1])]},
        _case("random, no ties", 1, 50, 0.4, 1.0),
        _case("scores rounded to one decimal (many ties)", 2, 200, 0.3, 0.8, decimals=1),
        _case("rare positives, integer scores", 3, 500, 0.05, 1.5, decimals=0),
        _case("larger: 20000 examples, ties", 4, 20000, 0.1, 1.0, decimals=2),
    ]
