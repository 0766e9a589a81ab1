"""Hand-written oracle for average_precision (tests only): plain loops, recall levels walked one by one."""


def _iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def oracle(det_boxes, det_scores, det_image, gt_boxes, gt_image, iou_threshold=0.5):
    dets = sorted(range(len(det_scores)), key=lambda i: (-float(det_scores[i]), i))
    used = [False] * len(gt_boxes)
    flags = []
    for d in dets:
        best, best_iou = None, -1.0
        for g in range(len(gt_boxes)):
            if used[g] or int(gt_image[g]) != int(det_image[d]):
                continue
            value = _iou([float(v) for v in det_boxes[d]], [float(v) for v in gt_boxes[g]])
            if value > best_iou:
                best, best_iou = g, value
        hit = best is not None and best_iou >= iou_threshold
        if hit:
            used[best] = True
        flags.append(hit)
    points = []
    tp = 0
    for i, hit in enumerate(flags):
        tp += hit
        points.append((tp / len(gt_boxes), tp / (i + 1)))
    ap, previous = 0.0, 0.0
    for recall in sorted({r for r, _ in points}):
        best_precision = max(p for r, p in points if r >= recall)
        ap += (recall - previous) * best_precision
        previous = recall
    return ap
