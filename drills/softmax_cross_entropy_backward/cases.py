"""Input cases for the softmax_cross_entropy_backward drill: edge cases first, then random, then larger."""

import numpy as np


def _case(rng, name, n, k, scale):
    return {"name": name,
            "args": [rng.normal(size=(n, k)) * scale, rng.integers(0, k, size=n).astype(np.int64)], "kwargs": {}}


def cases() -> list[dict]:
    rng = np.random.default_rng(1515)
    return [
        {"name": "one example, two classes", "args": [np.array([[1.0, 3.0]]), np.array([0])], "kwargs": {}},
        {"name": "uniform logits", "args": [np.zeros((2, 4)), np.array([3, 0])], "kwargs": {}},
        {"name": "large logits (overflow without shift)",
         "args": [np.array([[1000.0, 998.0, -1000.0], [0.0, 750.0, 760.0]]), np.array([1, 2])], "kwargs": {}},
        {"name": "one class (gradient 0)", "args": [np.array([[2.5], [-1.0]]), np.array([0, 0])], "kwargs": {}},
        _case(rng, "random 4x5", 4, 5, 2.0),
        _case(rng, "random 32x10", 32, 10, 4.0),
        _case(rng, "random 8x6 with logits of scale 500", 8, 6, 500.0),
        _case(rng, "larger 1024x100", 1024, 100, 6.0),
    ]
