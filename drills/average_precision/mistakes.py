"""Wrong average_precision implementations an interviewee commonly writes."""

import numpy as np


def _iou(box, boxes):
    lt = np.maximum(box[:2], boxes[:, :2])
    rb = np.minimum(box[2:], boxes[:, 2:])
    wh = np.clip(rb - lt, 0.0, None)
    inter = wh[:, 0] * wh[:, 1]
    return inter / ((box[2] - box[0]) * (box[3] - box[1])
                    + (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inter)


def _flags(det_boxes, det_scores, det_image, gt_boxes, gt_image, thr, *, track=True, per_image=True):
    order = np.argsort(-det_scores, kind="stable")
    matched = np.zeros(len(gt_boxes), dtype=bool)
    tp = np.zeros(len(order))
    for rank, d in enumerate(order):
        mask = np.ones(len(gt_boxes), dtype=bool)
        if per_image:
            mask &= gt_image == det_image[d]
        if track:
            mask &= ~matched
        candidates = np.flatnonzero(mask)
        if candidates.size == 0:
            continue
        ious = _iou(det_boxes[d], gt_boxes[candidates])
        best = int(np.argmax(ious))
        if ious[best] >= thr:
            tp[rank] = 1.0
            matched[candidates[best]] = True
    return tp


def _area(tp, n_gt, envelope=True):
    if len(tp) == 0:
        return 0.0
    cum = np.cumsum(tp)
    precision = cum / np.arange(1, len(tp) + 1)
    recall = cum / n_gt
    if envelope:
        precision = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(np.concatenate([[0.0], recall])) * precision))


def duplicates_count_as_hits(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold=0.5):
    tp = _flags(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold, track=False)
    return _area(tp, len(gt_boxes))


def ignores_image_ids(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold=0.5):
    tp = _flags(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold, per_image=False)
    return _area(tp, len(gt_boxes))


def no_precision_envelope(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold=0.5):
    tp = _flags(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold)
    return _area(tp, len(gt_boxes), envelope=False)


MISTAKES = {
    "duplicates_count_as_hits": (duplicates_count_as_hits,
                                 "Does not mark ground-truth boxes as matched, so a second detection of the same "
                                 "object is also counted as a true positive."),
    "ignores_image_ids": (ignores_image_ids,
                          "Matches detections against ground-truth boxes of every image, not only their own."),
    "no_precision_envelope": (no_precision_envelope,
                              "Integrates the raw zig-zag precision instead of its monotone envelope "
                              "(max precision at the same or higher recall)."),
}
