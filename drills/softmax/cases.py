"""Input cases for the softmax drill: edge cases first, then random, then larger."""

import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(101)
    return [
        {"name": "single element", "args": [np.array([3.5])], "kwargs": {}},
        {"name": "equal logits", "args": [np.zeros((2, 4))], "kwargs": {}},
        {"name": "large logits (overflow without max shift)",
         "args": [np.array([[1000.0, 1001.0, 1002.0], [-5.0, 0.0, 710.0]])], "kwargs": {}},
        {"name": "very negative logits (underflow)",
         "args": [np.array([[-1000.0, -1001.0, -999.0]])], "kwargs": {}},
        {"name": "masked with -inf", "args": [np.array([[0.5, -np.inf, 1.5, -np.inf]])], "kwargs": {}},
        {"name": "axis 0", "args": [rng.normal(size=(3, 5))], "kwargs": {"axis": 0}},
        {"name": "3-D, axis 1", "args": [rng.normal(size=(2, 4, 3)) * 3], "kwargs": {"axis": 1}},
        {"name": "random 4x7, last axis", "args": [rng.normal(size=(4, 7)) * 5], "kwargs": {}},
        {"name": "larger 4-D, axis -2", "args": [rng.normal(size=(8, 4, 32, 16)) * 10], "kwargs": {"axis": -2}},
    ]
