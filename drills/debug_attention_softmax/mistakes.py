"""Wrong attention variants: the starter (two bugs) and each bug alone (half-fixed code)."""

import numpy as np


def _attention(q, k, v, axis, scale):
    scores = q @ k.swapaxes(-1, -2) * scale
    scores = scores - scores.max(axis=axis, keepdims=True)
    w = np.exp(scores)
    return (w / w.sum(axis=axis, keepdims=True)) @ v


def softmax_over_queries_and_scale_by_d(q, k, v):
    return _attention(q, k, v, -2, 1.0 / q.shape[-1])


def softmax_over_queries(q, k, v):
    return _attention(q, k, v, -2, 1.0 / np.sqrt(q.shape[-1]))


def scale_by_d(q, k, v):
    return _attention(q, k, v, -1, 1.0 / q.shape[-1])


MISTAKES = {
    "softmax_over_queries_and_scale_by_d": (softmax_over_queries_and_scale_by_d,
                                            "Both bugs: the softmax normalizes over the queries (axis -2) instead of "
                                            "the keys, and the scores are divided by D instead of sqrt(D)."),
    "softmax_over_queries": (softmax_over_queries,
                             "The softmax still normalizes over the queries (axis -2); each query's weights must sum "
                             "to one over the keys (axis -1)."),
    "scale_by_d": (scale_by_d,
                   "The scores are still divided by D; the scale is 1/sqrt(D), which keeps the scores' variance "
                   "near one for unit-variance q and k."),
}
