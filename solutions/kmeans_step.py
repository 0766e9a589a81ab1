"""Reference for the kmeans_step drill: one Lloyd iteration of k-means."""

import numpy as np


def kmeans_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One k-means (Lloyd) iteration; returns (new_centroids (K, D) float64, assignments (N,) int64).

    Assignment step: each point goes to the centroid at the smallest squared Euclidean distance (lowest
    index on a tie). Update step: each centroid moves to the mean of its points; a centroid with no
    points keeps its position.
    """
    k = centroids.shape[0]
    d2 = np.sum((points[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    assign = np.argmin(d2, axis=1).astype(np.int64)
    counts = np.bincount(assign, minlength=k)
    sums = np.zeros_like(centroids)
    np.add.at(sums, assign, points)
    new = centroids.copy()
    filled = counts > 0
    new[filled] = sums[filled] / counts[filled, None]
    return new, assign
