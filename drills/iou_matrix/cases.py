"""Input cases for the iou_matrix drill: edge cases first, then random, then larger."""

import numpy as np


def _boxes(rng, n, size=100.0):
    xy = rng.uniform(0, size, size=(n, 2))
    wh = rng.uniform(1, size / 2, size=(n, 2))
    return np.concatenate([xy, xy + wh], axis=1)


def cases() -> list[dict]:
    rng = np.random.default_rng(404)
    unit = np.array([[0.0, 0.0, 1.0, 1.0]])
    return [
        {"name": "identical boxes", "args": [unit, unit.copy()], "kwargs": {}},
        {"name": "half overlap", "args": [np.array([[0.0, 0.0, 2.0, 2.0]]), np.array([[1.0, 0.0, 3.0, 2.0]])],
         "kwargs": {}},
        {"name": "disjoint diagonal and edge-touching",
         "args": [np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 2.0, 2.0]]),
                  np.array([[2.0, 2.0, 3.0, 3.0], [2.0, 0.0, 3.0, 2.0], [4.0, 0.0, 5.0, 1.0]])],
         "kwargs": {}},
        {"name": "box inside box", "args": [np.array([[0.0, 0.0, 10.0, 10.0]]), np.array([[2.0, 3.0, 4.0, 8.0]])],
         "kwargs": {}},
        {"name": "zero-area boxes (a point, a line)",
         "args": [np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 2.0, 4.0, 2.0]]), np.array([[0.0, 0.0, 4.0, 4.0]])],
         "kwargs": {}},
        {"name": "no boxes in the second set", "args": [_boxes(rng, 3), np.zeros((0, 4))], "kwargs": {}},
        {"name": "random 4x5", "args": [_boxes(rng, 4, 10.0), _boxes(rng, 5, 10.0)], "kwargs": {}},
        {"name": "random 30x20", "args": [_boxes(rng, 30), _boxes(rng, 20)], "kwargs": {}},
        {"name": "larger 300x200", "args": [_boxes(rng, 300, 400.0), _boxes(rng, 200, 400.0)], "kwargs": {}},
    ]
