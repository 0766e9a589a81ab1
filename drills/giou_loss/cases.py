"""Input cases for the giou_loss drill: edge cases first, then random, then larger."""

import numpy as np


def _boxes(rng, n, size):
    xy = rng.uniform(0, size, size=(n, 2))
    wh = rng.uniform(0.5, size / 2, size=(n, 2))
    return np.concatenate([xy, xy + wh], axis=1)


def cases() -> list[dict]:
    rng = np.random.default_rng(505)
    return [
        {"name": "identical boxes (loss 0)", "args": [np.array([[1.0, 1.0, 3.0, 4.0]]),
                                                     np.array([[1.0, 1.0, 3.0, 4.0]])], "kwargs": {}},
        {"name": "partial overlap", "args": [np.array([[0.0, 0.0, 2.0, 2.0]]), np.array([[1.0, 1.0, 3.0, 3.0]])],
         "kwargs": {}},
        {"name": "disjoint on both axes (IoU 0, loss > 1)",
         "args": [np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0]]),
                  np.array([[2.0, 2.0, 3.0, 3.0], [9.0, 9.0, 10.0, 10.0]])], "kwargs": {}},
        {"name": "edge-touching boxes (enclosure equals union)",
         "args": [np.array([[0.0, 0.0, 1.0, 2.0]]), np.array([[1.0, 0.0, 3.0, 2.0]])], "kwargs": {}},
        {"name": "one box inside the other", "args": [np.array([[0.0, 0.0, 10.0, 10.0]]),
                                                     np.array([[2.0, 2.0, 5.0, 4.0]])], "kwargs": {}},
        {"name": "zero-area box (a point) against a box",
         "args": [np.array([[5.0, 5.0, 5.0, 5.0], [0.0, 0.0, 2.0, 2.0]]),
                  np.array([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 1.0, 1.0]])], "kwargs": {}},
        {"name": "random 6 pairs", "args": [_boxes(rng, 6, 10.0), _boxes(rng, 6, 10.0)], "kwargs": {}},
        {"name": "random 64 pairs", "args": [_boxes(rng, 64, 50.0), _boxes(rng, 64, 50.0)], "kwargs": {}},
        {"name": "larger 5000 pairs", "args": [_boxes(rng, 5000, 640.0), _boxes(rng, 5000, 640.0)],
         "kwargs": {}},
    ]
