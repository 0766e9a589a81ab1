"""Wrong giou_loss implementations an interviewee commonly writes."""

import numpy as np


def _parts(b1, b2, clamp=True):
    a1 = (b1[:, 2] - b1[:, 0]) * (b1[:, 3] - b1[:, 1])
    a2 = (b2[:, 2] - b2[:, 0]) * (b2[:, 3] - b2[:, 1])
    wh = np.minimum(b1[:, 2:], b2[:, 2:]) - np.maximum(b1[:, :2], b2[:, :2])
    if clamp:
        wh = np.clip(wh, 0.0, None)
    inter = wh[:, 0] * wh[:, 1]
    union = a1 + a2 - inter
    ewh = np.maximum(b1[:, 2:], b2[:, 2:]) - np.minimum(b1[:, :2], b2[:, :2])
    return inter, union, ewh[:, 0] * ewh[:, 1]


def returns_giou(boxes1, boxes2):
    inter, union, enclose = _parts(boxes1, boxes2)
    return inter / union - (enclose - union) / enclose


def penalty_over_union(boxes1, boxes2):
    inter, union, enclose = _parts(boxes1, boxes2)
    return 1.0 - (inter / union - (enclose - union) / union)


def intersection_not_clamped(boxes1, boxes2):
    inter, union, enclose = _parts(boxes1, boxes2, clamp=False)
    return 1.0 - (inter / union - (enclose - union) / enclose)


MISTAKES = {
    "returns_giou": (returns_giou, "Returns GIoU itself instead of the loss 1 - GIoU."),
    "penalty_over_union": (penalty_over_union, "Divides the empty-enclosure penalty (C - U) by the union U "
                                               "instead of by the enclosing area C."),
    "intersection_not_clamped": (intersection_not_clamped,
                                 "Does not clamp the intersection sides at 0, so boxes disjoint on both "
                                 "axes get a positive intersection."),
}
