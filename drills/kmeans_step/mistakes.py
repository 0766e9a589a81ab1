"""Wrong kmeans_step implementations an interviewee commonly writes."""

import numpy as np


def _assign(points, centroids, p=2):
    diff = points[:, None, :] - centroids[None, :, :]
    d = np.sum(np.abs(diff), axis=2) if p == 1 else np.sum(diff ** 2, axis=2)
    return np.argmin(d, axis=1).astype(np.int64)


def _sums(points, assign, k):
    sums = np.zeros((k, points.shape[1]))
    np.add.at(sums, assign, points)
    return sums, np.bincount(assign, minlength=k)


def empty_cluster_to_zero(points, centroids):
    k = centroids.shape[0]
    a = _assign(points, centroids)
    sums, counts = _sums(points, a, k)
    return sums / np.maximum(counts, 1)[:, None], a


def empty_cluster_nan(points, centroids):
    k = centroids.shape[0]
    a = _assign(points, centroids)
    with np.errstate(invalid="ignore", divide="ignore"):
        sums, counts = _sums(points, a, k)
        return sums / counts[:, None], a


def manhattan_distance(points, centroids):
    k = centroids.shape[0]
    a = _assign(points, centroids, p=1)
    sums, counts = _sums(points, a, k)
    new = centroids.copy()
    new[counts > 0] = sums[counts > 0] / counts[counts > 0, None]
    return new, a


MISTAKES = {
    "empty_cluster_to_zero": (empty_cluster_to_zero, "Divides by max(count, 1), which sends an empty cluster's "
                                                     "centroid to the origin instead of keeping it."),
    "empty_cluster_nan": (empty_cluster_nan, "Averages an empty cluster, producing NaN; an empty cluster must "
                                             "keep its centroid."),
    "manhattan_distance": (manhattan_distance, "Assigns by L1 (Manhattan) distance; k-means minimizes squared "
                                               "Euclidean distance, whose minimizer is the mean."),
}
