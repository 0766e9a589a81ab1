"""Average precision of one class over a dataset of images."""

import numpy as np


def average_precision(det_boxes: np.ndarray, det_scores: np.ndarray, det_image: np.ndarray,
                      gt_boxes: np.ndarray, gt_image: np.ndarray, iou_threshold: float = 0.5) -> float:
    """All-point interpolated AP of the detections against the ground truth (see the prompt for the rules).

    det_boxes (M, 4), det_scores (M,), det_image (M,) int; gt_boxes (G, 4), gt_image (G,) int.
    Boxes are (x1, y1, x2, y2). Returns a Python float.
    """
    raise NotImplementedError
