"""Input cases for the dropout drill: edge cases first, then random, then larger."""

import numpy as np


def _case(rng, name, shape, p, training):
    return {"name": name, "args": [rng.normal(size=shape), p, training, rng.random(size=shape)], "kwargs": {}}


def cases() -> list[dict]:
    rng = np.random.default_rng(808)
    return [
        {"name": "single element kept", "args": [np.array([2.0]), 0.5, True, np.array([0.7])], "kwargs": {}},
        {"name": "single element dropped", "args": [np.array([2.0]), 0.5, True, np.array([0.2])], "kwargs": {}},
        {"name": "u exactly p is kept", "args": [np.array([1.0, -3.0, 4.0]), 0.25, True, np.array([0.25, 0.0, 0.9])],
         "kwargs": {}},
        {"name": "u equal to p in a 2-D batch", "args": [np.array([[2.0, -1.0], [0.5, 3.0]]), 0.5, True,
                                                          np.array([[0.5, 0.1], [0.5, 0.75]])], "kwargs": {}},
        _case(rng, "eval mode returns x", (3, 4), 0.5, False),
        _case(rng, "p = 0 keeps everything unscaled", (2, 5), 0.0, True),
        _case(rng, "p = 1 drops everything", (2, 3), 1.0, True),
        _case(rng, "random 4x6, p = 0.3", (4, 6), 0.3, True),
        _case(rng, "4-D activations, p = 0.1", (2, 3, 4, 4), 0.1, True),
        _case(rng, "larger 128x256, p = 0.5", (128, 256), 0.5, True),
    ]
