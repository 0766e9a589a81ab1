"""CenterNet-style peak extraction from a class heatmap."""

import numpy as np


def centernet_peaks(heatmap: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the top-k peaks of a (C, H, W) heatmap as (scores, classes, ys, xs).

    A peak is a position whose value equals the max of its 3x3 neighbourhood (3x3 max pool, stride 1,
    padding 1 with -inf). Peaks of all classes compete together; highest score first; at most k of them.
    scores float64, classes/ys/xs int64, all of length min(k, number of peaks).
    """
    raise NotImplementedError
