"""Input cases for the kmeans_step drill: edge cases first, then random, then larger.

Points and centroids are continuous random values, so no point is equidistant from two centroids.
"""

import numpy as np


def _blobs(rng, n, d, k, spread=1.0):
    centers = rng.normal(size=(k, d)) * 5.0
    labels = rng.integers(0, k, size=n)
    return centers[labels] + rng.normal(size=(n, d)) * spread


def _from_data(rng, points, k):
    """Centroids initialized at k distinct data points (Forgy), jittered so no point sits on one exactly."""
    picks = rng.choice(points.shape[0], size=k, replace=False)
    return points[picks] + rng.normal(size=(k, points.shape[1])) * 0.01


def cases() -> list[dict]:
    rng = np.random.default_rng(1313)
    p50 = _blobs(rng, 50, 5, 4)
    p4k = _blobs(rng, 4000, 16, 32, 2.0)
    return [
        {"name": "one centroid takes the mean of all points",
         "args": [np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 3.0]]), np.array([[5.0, 5.0]])], "kwargs": {}},
        {"name": "one point, two centroids (one stays empty)",
         "args": [np.array([[1.0, 1.0]]), np.array([[0.0, 0.0], [3.0, 3.0]])], "kwargs": {}},
        {"name": "1-D data", "args": [np.array([[0.1], [0.4], [2.2], [2.9], [3.1]]), np.array([[0.0], [2.5]])],
         "kwargs": {}},
        {"name": "nearest by Euclidean, not Manhattan, distance",
         "args": [np.array([[0.0, 0.0], [2.9, 2.1], [0.2, -0.3]]), np.array([[2.0, 2.0], [3.0, 0.0]])],
         "kwargs": {}},
        {"name": "far-away centroid gets no points",
         "args": [rng.normal(size=(6, 2)), np.array([[0.3, 0.1], [-0.2, -0.4], [100.0, 100.0]])], "kwargs": {}},
        {"name": "random blobs 20x2, K=3",
         "args": [_blobs(rng, 20, 2, 3), rng.normal(size=(3, 2)) * 4.0], "kwargs": {}},
        {"name": "random 50x5, K=4, centroids from the data", "args": [p50, _from_data(rng, p50, 4)],
         "kwargs": {}},
        {"name": "larger 4000x16, K=32", "args": [p4k, _from_data(rng, p4k, 32)], "kwargs": {}},
    ]
