"""Pairwise IoU of two sets of boxes."""

import numpy as np


def iou_matrix(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    """Return the (N, M) matrix of IoU between every box of boxes1 and every box of boxes2.

    boxes1: (N, 4) float64, boxes2: (M, 4) float64, each row (x1, y1, x2, y2) with x1 <= x2, y1 <= y2.
    Area is (x2 - x1) * (y2 - y1). N or M may be 0.
    """
    raise NotImplementedError
