"""Wrong iou_matrix implementations an interviewee commonly writes."""

import numpy as np


def _areas(b, plus=0.0):
    return (b[:, 2] - b[:, 0] + plus) * (b[:, 3] - b[:, 1] + plus)


def no_clamp(boxes1, boxes2):
    tl = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    br = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    inter = (br - tl)[..., 0] * (br - tl)[..., 1]
    return inter / (_areas(boxes1)[:, None] + _areas(boxes2)[None, :] - inter)


def plus_one_pixels(boxes1, boxes2):
    tl = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    br = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = np.clip(br - tl + 1.0, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (_areas(boxes1, 1.0)[:, None] + _areas(boxes2, 1.0)[None, :] - inter)


def union_is_sum(boxes1, boxes2):
    tl = np.maximum(boxes1[:, None, :2], boxes2[None, :, :2])
    br = np.minimum(boxes1[:, None, 2:], boxes2[None, :, 2:])
    wh = np.clip(br - tl, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (_areas(boxes1)[:, None] + _areas(boxes2)[None, :])


MISTAKES = {
    "no_clamp": (no_clamp, "Intersection width and height are not clamped at 0, so boxes disjoint on both axes "
                           "get a positive 'intersection'."),
    "plus_one_pixels": (plus_one_pixels, "Uses the old inclusive-pixel convention (x2 - x1 + 1); these boxes "
                                         "are continuous, area = (x2 - x1) * (y2 - y1)."),
    "union_is_sum": (union_is_sum, "Union taken as area1 + area2 without subtracting the intersection."),
}
