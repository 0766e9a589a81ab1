import numpy as np


def _iou_one(box, others):
    w = np.clip(np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]), 0, None)
    h = np.clip(np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]), 0, None)
    inter = w * h
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        return inter / (area + areas - inter)


def greater_or_equal(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)
        order = rest[~(_iou_one(boxes[i], boxes[rest]) >= iou_threshold)]
    return np.array(keep, dtype=np.int64)


def suppressed_boxes_suppress(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    removed = np.zeros(len(scores), dtype=bool)
    for pos, i in enumerate(order):
        rest = order[pos + 1:]
        removed[rest[_iou_one(boxes[i], boxes[rest]) > iou_threshold]] = True
    return np.array([i for i in order if not removed[i]], dtype=np.int64)


def input_order(boxes, scores, iou_threshold):
    order = np.arange(len(scores))
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)
        order = rest[~(_iou_one(boxes[i], boxes[rest]) > iou_threshold)]
    return np.array(keep, dtype=np.int64)


def sorted_by_index(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)
        order = rest[~(_iou_one(boxes[i], boxes[rest]) > iou_threshold)]
    return np.sort(np.array(keep, dtype=np.int64))


MISTAKES = {
    "greater_or_equal": (
        greater_or_equal,
        "suppresses at IoU >= threshold; torchvision suppresses only when IoU > threshold.",
    ),
    "suppressed_boxes_suppress": (suppressed_boxes_suppress,
                                  "lets boxes that were already suppressed suppress others; only kept boxes should."),
    "input_order": (input_order, "visits the boxes in input order instead of by decreasing score."),
    "sorted_by_index": (sorted_by_index, "returns the kept indices sorted by index instead of by decreasing score."),
}
