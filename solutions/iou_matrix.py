"""Reference for the iou_matrix drill: pairwise IoU of two sets of (x1, y1, x2, y2) boxes."""

import numpy as np


def iou_matrix(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    """Pairwise intersection over union, (N, 4) x (M, 4) -> (N, M).

    Boxes are (x1, y1, x2, y2) with x1 <= x2 and y1 <= y2 in continuous coordinates, so a box's area is
    (x2 - x1) * (y2 - y1) (no +1). Intersection sides are clamped at 0 so disjoint boxes give 0.
    """
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    top_left = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    bottom_right = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = np.clip(bottom_right - top_left, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area1[:, None] + area2[None, :] - inter
    return inter / union
