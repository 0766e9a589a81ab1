import numpy as np


def nms(boxes, scores, iou_threshold):
    """Indices (int64) of the boxes kept by NMS, in decreasing score order."""
    raise NotImplementedError
