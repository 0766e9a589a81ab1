"""Wrong centernet_peaks implementations an interviewee commonly writes."""

import numpy as np


def _max3x3(heatmap, pad_value):
    _, h, w = heatmap.shape
    p = np.pad(heatmap, ((0, 0), (1, 1), (1, 1)), constant_values=pad_value)
    return np.max(np.stack([p[:, dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)]), axis=0)


def _topk(heatmap, mask, k, width_for_decoding=None):
    c, h, w = heatmap.shape
    flat = np.where(mask, heatmap, -np.inf).ravel()
    take = min(k, int(mask.sum()))
    order = np.argsort(-flat, kind="stable")[:take]
    classes, rem = np.divmod(order, h * w)
    ys, xs = np.divmod(rem, w if width_for_decoding is None else width_for_decoding)
    return flat[order], classes.astype(np.int64), ys.astype(np.int64), xs.astype(np.int64)


def zero_padding(heatmap, k):
    return _topk(heatmap, heatmap == _max3x3(heatmap, 0.0), k)


def no_peak_mask(heatmap, k):
    return _topk(heatmap, np.ones(heatmap.shape, dtype=bool), k)


def decode_with_height(heatmap, k):
    return _topk(heatmap, heatmap == _max3x3(heatmap, -np.inf), k, width_for_decoding=heatmap.shape[1])


MISTAKES = {
    "zero_padding": (zero_padding, "Pads the 3x3 max pool with zeros instead of -inf, so a border position "
                                   "with a negative score (a logit) can never be a peak."),
    "no_peak_mask": (no_peak_mask, "Takes the top-k of the raw heatmap without keeping only local maxima, "
                                   "so the neighbours of one strong peak fill the list."),
    "decode_with_height": (decode_with_height, "Decodes the flat index with H instead of W (y = r // H, "
                                               "x = r % H); row-major (H, W) positions are y = r // W, x = r % W."),
}
