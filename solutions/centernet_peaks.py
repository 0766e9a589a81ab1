"""Reference for the centernet_peaks drill: CenterNet-style peak extraction with a 3x3 max pool."""

import numpy as np


def _max3x3(heatmap: np.ndarray) -> np.ndarray:
    """3x3 max pool, stride 1, padding 1 with -inf, per channel of a (C, H, W) array."""
    _, h, w = heatmap.shape
    padded = np.pad(heatmap, ((0, 0), (1, 1), (1, 1)), constant_values=-np.inf)
    shifts = [padded[:, dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)]
    return np.max(np.stack(shifts), axis=0)


def centernet_peaks(heatmap: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Top-k local maxima of a (C, H, W) heatmap over all classes, highest score first.

    A position is a peak when its value equals the 3x3 max pool of the heatmap there (stride 1,
    -inf padding), so no separate NMS is needed. Returns (scores float64, classes, ys, xs int64), each of
    length min(k, number of peaks).
    """
    c, h, w = heatmap.shape
    is_peak = heatmap == _max3x3(heatmap)
    flat = np.where(is_peak, heatmap, -np.inf).ravel()
    take = min(k, int(is_peak.sum()))
    order = np.argsort(-flat, kind="stable")[:take]
    classes, rem = np.divmod(order, h * w)
    ys, xs = np.divmod(rem, w)
    return flat[order], classes.astype(np.int64), ys.astype(np.int64), xs.astype(np.int64)
