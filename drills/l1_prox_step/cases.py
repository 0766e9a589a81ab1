"""Cases for l1_prox_step: single weights at and around zero first, then matrices, no penalty, larger."""

import numpy as np


def _case(name, w, grad, lr, l1):
    return {"name": name, "args": [np.asarray(w, dtype=np.float64), np.asarray(grad, dtype=np.float64), lr, l1],
            "kwargs": {}}


def _random(name, seed, shape, lr, l1, scale=1.0):
    rng = np.random.default_rng(seed)
    return _case(name, rng.standard_normal(shape) * scale, rng.standard_normal(shape), lr, l1)


def cases() -> list[dict]:
    return [
        _case("a zero weight with a small gradient stays 0", [0.0], [0.5], 0.1, 1.0),
        _case("one weight crossing zero is clamped", [0.05], [1.0], 0.1, 1.0),
        _case("mixed signs, threshold 0.1", [1.0, 0.05, -0.3, 0.0], [0.0, 0.0, 1.0, 0.2], 0.1, 1.0),
        _random("no penalty: plain gradient descent", 4, (3, 3), 0.05, 0.0),
        _random("threshold larger than every weight (all zero)", 5, (5,), 1.0, 10.0, scale=0.5),
        _random("matrix, moderate penalty", 6, (4, 6), 0.01, 5.0, scale=0.1),
        _random("larger: 512 x 256", 7, (512, 256), 0.01, 2.0, scale=0.05),
    ]
