"""Generalized IoU loss for pairs of boxes."""

import numpy as np


def giou_loss(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    """Return 1 - GIoU(boxes1[i], boxes2[i]) for every i, shape (N,).

    boxes1, boxes2: (N, 4) float64 rows (x1, y1, x2, y2) with x1 <= x2, y1 <= y2, paired row by row.
    GIoU = IoU - (C - U) / C, U the union area, C the area of the smallest box enclosing both.
    """
    raise NotImplementedError
