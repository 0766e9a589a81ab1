"""Input cases for the clip_grad_norm drill: edge cases first, then random, then larger."""

import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(1010)
    return [
        {"name": "one gradient below max_norm (unchanged)", "args": [[np.array([0.3, -0.4])], 1.0], "kwargs": {}},
        {"name": "one gradient above max_norm", "args": [[np.array([3.0, 4.0])], 1.0], "kwargs": {}},
        {"name": "two gradients: global norm, not per tensor",
         "args": [[np.array([3.0, 0.0]), np.array([[0.0, 4.0], [0.0, 0.0]])], 2.5], "kwargs": {}},
        {"name": "all-zero gradients", "args": [[np.zeros(3), np.zeros((2, 2))], 1.0], "kwargs": {}},
        {"name": "a 0-d gradient among others", "args": [[np.array(2.0), rng.normal(size=(3,))], 0.5],
         "kwargs": {}},
        {"name": "several gradients below max_norm (unchanged)",
         "args": [[rng.normal(size=(3,)) * 0.1, rng.normal(size=(2, 2)) * 0.1], 10.0], "kwargs": {}},
        {"name": "each tensor small, total large",
         "args": [[rng.normal(size=(4,)) * 0.6 for _ in range(6)], 1.5], "kwargs": {}},
        {"name": "random layers, tiny max_norm",
         "args": [[rng.normal(size=(8, 4)), rng.normal(size=(8,)), rng.normal(size=(2, 8))], 1e-3], "kwargs": {}},
        {"name": "small gradients, max_norm 1e-4 (the 1e-6 in the denominator counts)",
         "args": [[rng.normal(size=(5,)) * 1e-4, rng.normal(size=(2, 3)) * 1e-4], 1e-4], "kwargs": {}},
        {"name": "gradients of norm 1e-5, max_norm 1e-6",
         "args": [[rng.normal(size=(4, 4)) * 2.5e-6], 1e-6], "kwargs": {}},
        {"name": "larger model, max_norm 5",
         "args": [[rng.normal(size=(256, 256)), rng.normal(size=(256,)), rng.normal(size=(10, 256)) * 3], 5.0],
         "kwargs": {}},
    ]
