"""Reference for the giou_loss drill: the generalized-IoU loss used by YOLOv4 and DETR-style detectors."""

import numpy as np


def giou_loss(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    """Per-pair GIoU loss ``1 - GIoU`` of row i of boxes1 with row i of boxes2, shape (N,).

    GIoU = IoU - (C - U) / C with U the union area and C the area of the smallest axis-aligned box
    enclosing both. GIoU lies in (-1, 1], so the loss lies in [0, 2); unlike 1 - IoU it still has a
    gradient when the boxes do not overlap.
    """
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    wh = np.clip(np.minimum(boxes1[:, 2:], boxes2[:, 2:]) - np.maximum(boxes1[:, :2], boxes2[:, :2]), 0.0, None)
    inter = wh[:, 0] * wh[:, 1]
    union = area1 + area2 - inter
    enclose_wh = np.maximum(boxes1[:, 2:], boxes2[:, 2:]) - np.minimum(boxes1[:, :2], boxes2[:, :2])
    enclose = enclose_wh[:, 0] * enclose_wh[:, 1]
    giou = inter / union - (enclose - union) / enclose
    return 1.0 - giou
