"""Reference for the average_precision drill: greedy matching by score, all-point interpolated AP."""

import numpy as np


def _iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    lt = np.maximum(box[:2], boxes[:, :2])
    rb = np.minimum(box[2:], boxes[:, 2:])
    wh = np.clip(rb - lt, 0.0, None)
    inter = wh[:, 0] * wh[:, 1]
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return inter / (area + areas - inter)


def average_precision(det_boxes: np.ndarray, det_scores: np.ndarray, det_image: np.ndarray,
                      gt_boxes: np.ndarray, gt_image: np.ndarray, iou_threshold: float = 0.5) -> float:
    """AP of one class: detections sorted by score, each matched to the best unmatched box of its image."""
    order = np.argsort(-det_scores, kind="stable")
    matched = np.zeros(len(gt_boxes), dtype=bool)
    tp = np.zeros(len(order))
    for rank, d in enumerate(order):
        candidates = np.flatnonzero((gt_image == det_image[d]) & ~matched)
        if candidates.size == 0:
            continue
        ious = _iou(det_boxes[d], gt_boxes[candidates])
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold:
            tp[rank] = 1.0
            matched[candidates[best]] = True
    if len(order) == 0:
        return 0.0
    cum_tp = np.cumsum(tp)
    precision = cum_tp / np.arange(1, len(order) + 1)
    recall = cum_tp / len(gt_boxes)
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    steps = np.diff(np.concatenate([[0.0], recall]))
    return float(np.sum(steps * envelope))
