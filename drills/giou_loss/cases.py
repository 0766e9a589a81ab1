"""Input cases for the giou_loss drill: edge cases first, then random, then larger."""

import numpy as np


def _boxes(rng, n, size):
    xy = rng.uniform(0, size, size=(n, 2))
    wh = rng.uniform(0.5, size / 2, size=(n, 2))
    return np.concatenate([xy, xy + wh], axis=1)


def _normalised_pairs(rng, n):
    """Near-duplicate boxes in normalised [0, 1] coordinates (areas about 0.1 to 0.4), where an eps of
    1e-6 in a denominator moves the loss by several 1e-6 and one of 1e-7 by well under the tolerance."""
    xy = rng.uniform(0.0, 0.35, size=(n, 2))
    wh = rng.uniform(0.35, 0.6, size=(n, 2))
    boxes1 = np.concatenate([xy, xy + wh], axis=1)
    boxes2 = np.clip(boxes1 + rng.normal(0.0, 0.02, size=boxes1.shape), 0.0, 1.0)
    return boxes1, boxes2


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
        {"name": "normalised coordinates, two near-duplicate pairs",
         "args": [np.array([[0.1, 0.1, 0.45, 0.5], [0.3, 0.2, 0.8, 0.6]]),
                  np.array([[0.11, 0.1, 0.46, 0.49], [0.31, 0.22, 0.8, 0.61]])], "kwargs": {}},
        {"name": "normalised coordinates, 16 random near-duplicates", "args": list(_normalised_pairs(rng, 16)),
         "kwargs": {}},
        {"name": "random 6 pairs", "args": [_boxes(rng, 6, 10.0), _boxes(rng, 6, 10.0)], "kwargs": {}},
        {"name": "random 64 pairs", "args": [_boxes(rng, 64, 50.0), _boxes(rng, 64, 50.0)], "kwargs": {}},
        {"name": "normalised coordinates, 256 random near-duplicates", "args": list(_normalised_pairs(rng, 256)),
         "kwargs": {}},
        {"name": "larger 5000 pairs", "args": [_boxes(rng, 5000, 640.0), _boxes(rng, 5000, 640.0)],
         "kwargs": {}},
    ]
