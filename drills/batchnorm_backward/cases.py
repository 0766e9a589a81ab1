"""Input cases for the batchnorm_backward drill: edge cases first, then random, then larger."""

import numpy as np


def _case(rng, name, n, d, eps=None, offset=0.0, scale=1.0):
    x = rng.normal(size=(n, d)) * scale + offset
    gamma = rng.normal(size=(d,))
    dout = rng.normal(size=(n, d))
    return {"name": name, "args": [x, gamma, dout], "kwargs": {} if eps is None else {"eps": eps}}


def cases() -> list[dict]:
    rng = np.random.default_rng(1616)
    return [
        {"name": "two examples, one feature",
         "args": [np.array([[1.0], [3.0]]), np.array([2.0]), np.array([[1.0], [0.0]])], "kwargs": {}},
        {"name": "constant feature (variance 0, eps matters)",
         "args": [np.array([[2.0, 1.0], [2.0, -1.0], [2.0, 0.5]]), np.array([1.5, 1.0]),
                  np.array([[1.0, 0.5], [-2.0, 0.0], [0.5, 1.0]])], "kwargs": {}},
        {"name": "same dout for every example (dx is 0)",
         "args": [np.array([[0.0, 1.0], [1.0, 4.0], [5.0, 2.0]]), np.array([1.0, -2.0]),
                  np.array([[0.3, -1.0], [0.3, -1.0], [0.3, -1.0]])], "kwargs": {}},
        _case(rng, "random 4x3, eps 0.1", 4, 3, eps=0.1),
        _case(rng, "small-variance features 6x3, eps 1e-3", 6, 3, scale=0.05, eps=1e-3),
        _case(rng, "random 10x4, eps 0.5", 10, 4, eps=0.5),
        _case(rng, "shifted and scaled features 8x5", 8, 5, offset=50.0, scale=10.0),
        _case(rng, "random 32x16", 32, 16),
        _case(rng, "random 64x8, eps 1e-2", 64, 8, eps=1e-2),
        _case(rng, "larger 256x128", 256, 128),
    ]
