"""Cases for average_precision: hand-made edge cases first, then random datasets of growing size."""

import numpy as np


def _boxes(rows):
    return np.array(rows, dtype=np.float64).reshape(-1, 4)


def _ints(values):
    return np.array(values, dtype=np.int64)


def _dataset(seed, images, gt_per_image, false_per_image, jitter):
    rng = np.random.default_rng(seed)
    gt, gt_img, det, det_img, scores = [], [], [], [], []
    for image in range(images):
        for _ in range(gt_per_image):
            x, y = rng.uniform(0, 80, 2)
            w, h = rng.uniform(8, 30, 2)
            box = np.array([x, y, x + w, y + h])
            gt.append(box)
            gt_img.append(image)
            for _ in range(rng.integers(0, 3)):  # 0 to 2 detections per object, some loose
                noise = rng.normal(0, jitter, 4) * np.array([w, h, w, h])
                det.append(box + noise)
                det_img.append(image)
                scores.append(rng.uniform(0.3, 1.0))
        for _ in range(false_per_image):
            x, y = rng.uniform(0, 90, 2)
            det.append(np.array([x, y, x + rng.uniform(5, 20), y + rng.uniform(5, 20)]))
            det_img.append(image)
            scores.append(rng.uniform(0.0, 0.9))
    det_boxes = np.array(det).reshape(-1, 4)
    det_boxes[:, 2:] = np.maximum(det_boxes[:, 2:], det_boxes[:, :2] + 1.0)
    return [det_boxes, np.array(scores), _ints(det_img), np.array(gt), _ints(gt_img)]


def cases() -> list[dict]:
    example = [
        _boxes([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30], [0, 0, 10, 9]]),
        np.array([0.9, 0.8, 0.7, 0.6]), _ints([0, 0, 1, 1]),
        _boxes([[0, 0, 10, 10], [0, 0, 10, 10]]), _ints([0, 1]),
    ]
    return [
        {"name": "one perfect detection",
         "args": [_boxes([[0, 0, 4, 4]]), np.array([0.5]), _ints([0]), _boxes([[0, 0, 4, 4]]), _ints([0])]},
        {"name": "no detections", "args": [_boxes([]), np.zeros(0), _ints([]), _boxes([[0, 0, 4, 4]]), _ints([0])]},
        {"name": "false positive ranked above the true one",
         "args": [_boxes([[50, 50, 60, 60], [0, 0, 10, 10]]), np.array([0.9, 0.4]), _ints([0, 0]),
                  _boxes([[0, 0, 10, 10]]), _ints([0])]},
        {"name": "prompt example: duplicate and image ids", "args": example},
        {"name": "same boxes in two images, detections unsorted",
         "args": [_boxes([[0, 0, 10, 10], [0, 0, 10, 10], [0, 0, 10, 10]]), np.array([0.2, 0.9, 0.5]),
                  _ints([1, 0, 0]), _boxes([[0, 0, 10, 10], [0, 0, 10, 10]]), _ints([0, 1])]},
        {"name": "strict threshold 0.95", "args": example, "kwargs": {"iou_threshold": 0.95}},
        {"name": "random: 3 images", "args": _dataset(1, 3, 2, 2, 0.08)},
        {"name": "random: 6 images, loose boxes, IoU 0.7", "args": _dataset(2, 6, 3, 3, 0.15),
         "kwargs": {"iou_threshold": 0.7}},
        {"name": "larger: 40 images", "args": _dataset(3, 40, 4, 5, 0.1)},
    ]
