"""Input cases for the centernet_peaks drill: edge cases first, then random, then larger.

Values are continuous random numbers, so no two neighbours are equal (no plateaus) and no two peaks tie.
"""

import numpy as np


def _blobs(rng, c, h, w, n_objects):
    """A heatmap in (0, 1): Gaussian bumps at random centres on low background noise."""
    ys, xs = np.mgrid[0:h, 0:w]
    heat = rng.random(size=(c, h, w)) * 0.05
    for _ in range(n_objects):
        cls, cy, cx = rng.integers(0, c), rng.uniform(0, h - 1), rng.uniform(0, w - 1)
        sigma = rng.uniform(1.0, 3.0)
        bump = np.exp(-((ys - cy) ** 2 + (xs - cx) ** 2) / (2 * sigma ** 2)) * rng.uniform(0.5, 1.0)
        heat[cls] = np.maximum(heat[cls], bump)
    return heat


def cases() -> list[dict]:
    rng = np.random.default_rng(1818)
    center = np.array([[[0.1, 0.2, 0.15], [0.3, 0.9, 0.25], [0.05, 0.4, 0.12]]])
    return [
        {"name": "1x1x1 heatmap", "args": [np.array([[[0.7]]]), 1], "kwargs": {}},
        {"name": "one clear peak in the centre", "args": [center, 1], "kwargs": {}},
        {"name": "k larger than the number of peaks", "args": [center, 5], "kwargs": {}},
        {"name": "negative values (logits), peaks on the border",
         "args": [np.array([[[-0.5, -2.0, -3.0, -1.1], [-2.5, -4.0, -3.5, -2.2], [-1.7, -3.3, -2.9, -3.9]]]), 3],
         "kwargs": {}},
        {"name": "two classes, non-square 5x8", "args": [_blobs(rng, 2, 5, 8, 3), 4], "kwargs": {}},
        {"name": "random 3x16x12, k 10", "args": [_blobs(rng, 3, 16, 12, 6), 10], "kwargs": {}},
        {"name": "larger 10x64x96, k 100", "args": [_blobs(rng, 10, 64, 96, 40), 100], "kwargs": {}},
    ]
