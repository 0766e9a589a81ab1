"""Input cases for the cross_entropy drill: edge cases first, then random, then larger."""

import numpy as np


def _random(rng, n, k, scale):
    return rng.normal(size=(n, k)) * scale, rng.integers(0, k, size=n).astype(np.int64)


def cases() -> list[dict]:
    rng = np.random.default_rng(303)
    x5, t5 = _random(rng, 5, 4, 2.0)
    x8, t8 = _random(rng, 8, 10, 3.0)
    xl, tl = _random(rng, 512, 100, 5.0)
    return [
        {"name": "batch of one, two classes", "args": [np.array([[2.0, -1.0]]), np.array([1])], "kwargs": {}},
        {"name": "uniform logits", "args": [np.zeros((3, 5)), np.array([0, 4, 2])], "kwargs": {}},
        {"name": "large logits (overflow without shift)",
         "args": [np.array([[1000.0, 0.0, -1000.0], [500.0, 510.0, 505.0]]), np.array([0, 2])], "kwargs": {}},
        {"name": "confident and wrong (softmax underflows)",
         "args": [np.array([[0.0, 900.0, 10.0]]), np.array([0])], "kwargs": {}},
        {"name": "label smoothing 0.1", "args": [x5, t5], "kwargs": {"label_smoothing": 0.1}},
        {"name": "label smoothing 1.0 (uniform target)",
         "args": [np.array([[1.0, 2.0, 4.0], [0.0, 0.5, -3.0]]), np.array([2, 0])],
         "kwargs": {"label_smoothing": 1.0}},
        {"name": "random 5x4", "args": [x5, t5], "kwargs": {}},
        {"name": "random 8x10, smoothing 0.25", "args": [x8, t8], "kwargs": {"label_smoothing": 0.25}},
        {"name": "larger 512x100, smoothing 0.05", "args": [xl, tl], "kwargs": {"label_smoothing": 0.05}},
    ]
