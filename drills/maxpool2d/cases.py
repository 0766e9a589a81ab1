"""Input cases for the maxpool2d drill: edge cases first, then random, then larger."""

import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(606)
    return [
        {"name": "1x1x2x2, kernel 2", "args": [np.array([[[[1.0, -2.0], [3.0, 0.5]]]]), 2], "kwargs": {}},
        {"name": "kernel 1 is the identity", "args": [rng.normal(size=(1, 2, 3, 3)), 1], "kwargs": {}},
        {"name": "odd size 5x5, kernel 2 (last row/col dropped)", "args": [rng.normal(size=(1, 1, 5, 5)), 2],
         "kwargs": {}},
        {"name": "negative input, kernel 3, stride 1, padding 1",
         "args": [-1.0 - rng.random(size=(1, 2, 4, 4)), 3], "kwargs": {"stride": 1, "padding": 1}},
        {"name": "overlapping windows, kernel 3, stride 2", "args": [rng.normal(size=(2, 1, 7, 6)), 3],
         "kwargs": {"stride": 2}},
        {"name": "rectangular kernel (2, 3), stride (1, 2), padding (1, 1)",
         "args": [rng.normal(size=(1, 3, 5, 7)), (2, 3)], "kwargs": {"stride": (1, 2), "padding": (1, 1)}},
        {"name": "rectangular kernel (3, 1), stride (2, 1), padding (1, 0)",
         "args": [rng.normal(size=(2, 2, 7, 5)), (3, 1)], "kwargs": {"stride": (2, 1), "padding": (1, 0)}},
        {"name": "kernel 3, stride 2, padding (0, 1)", "args": [rng.normal(size=(1, 2, 7, 6)), 3],
         "kwargs": {"stride": 2, "padding": (0, 1)}},
        {"name": "kernel (1, 2), default stride, non-square input", "args": [rng.normal(size=(1, 2, 3, 8)), (1, 2)],
         "kwargs": {}},
        {"name": "random batch, kernel 2", "args": [rng.normal(size=(3, 4, 8, 8)), 2], "kwargs": {}},
        {"name": "larger 8x16x32x32, kernel 3, stride 2, padding 1", "args": [rng.normal(size=(8, 16, 32, 32)), 3],
         "kwargs": {"stride": 2, "padding": 1}},
    ]
