"""Input cases for the l1_proximal_step drill: edge cases first, then random, then larger."""

import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(1919)
    return [
        {"name": "one weight, no penalty (plain SGD)",
         "args": [np.array([0.5]), np.array([1.0]), 0.1, 0.0], "kwargs": {}},
        {"name": "one weight shrunk toward 0",
         "args": [np.array([2.0]), np.array([0.0]), 0.5, 1.0], "kwargs": {}},
        {"name": "small weights land exactly on 0 (no overshoot)",
         "args": [np.array([0.05, -0.03, 0.2, -0.2]), np.array([0.0, 0.0, 0.0, 0.0]), 0.1, 1.0], "kwargs": {}},
        {"name": "zero weights stay 0 under a small gradient",
         "args": [np.zeros(3), np.array([0.5, -0.5, 3.0]), 0.1, 1.0], "kwargs": {}},
        {"name": "gradient step crosses zero before the shrink",
         "args": [np.array([0.3, -0.3]), np.array([5.0, -5.0]), 0.1, 0.5], "kwargs": {}},
        {"name": "random 4x5", "args": [rng.normal(size=(4, 5)), rng.normal(size=(4, 5)), 0.05, 2.0], "kwargs": {}},
        {"name": "random 3-D, strong penalty",
         "args": [rng.normal(size=(2, 3, 4)) * 0.5, rng.normal(size=(2, 3, 4)), 0.1, 4.0], "kwargs": {}},
        {"name": "larger 256x256", "args": [rng.normal(size=(256, 256)), rng.normal(size=(256, 256)), 0.01, 10.0],
         "kwargs": {}},
    ]
