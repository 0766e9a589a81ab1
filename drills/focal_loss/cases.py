"""Cases for focal_loss: the prompt's example, gamma 0, no positives, large logits, then many anchors."""

import numpy as np


def _case(name, seed, shape, positive_share, scale, **kwargs):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal(shape) * scale
    targets = (rng.random(shape) < positive_share).astype(np.float64)
    return {"name": name, "args": [logits, targets], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        {"name": "prompt example", "args": [np.array([0.0, 2.0]), np.array([1.0, 0.0])], "kwargs": {}},
        {"name": "no positives (divide by 1)", "args": [np.array([-1.0, 0.5, 3.0]), np.zeros(3)], "kwargs": {}},
        _case("gamma 0: alpha-weighted BCE", 1, (4, 3), 0.3, 1.5, gamma=0.0),
        _case("alpha 0.5, gamma 1", 2, (6, 5), 0.2, 2.0, alpha=0.5, gamma=1.0),
        _case("large logits", 3, (5, 4), 0.3, 40.0),
        _case("anchors x classes, 1% positives", 4, (200, 20), 0.01, 3.0),
        _case("larger: 20000 anchors x 80 classes", 5, (20000, 80), 0.001, 4.0),
    ]
