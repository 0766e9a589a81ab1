"""One iteration of k-means (Lloyd's algorithm)."""

import numpy as np


def kmeans_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Assign each point to its nearest centroid, then move each centroid to the mean of its points.

    points: (N, D) float64. centroids: (K, D) float64. Distance: Euclidean (ties go to the lowest index).
    Returns (new_centroids (K, D) float64, assignments (N,) int64 computed from the given centroids).
    A centroid that receives no points keeps its position.
    """
    raise NotImplementedError
