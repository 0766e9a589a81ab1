import numpy as np


def _softmax(s, axis=-1, stable=True):
    if stable:
        s = s - s.max(axis=axis, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=axis, keepdims=True)


def _attend(q, k, v, mask, scale, invert=False, axis=-1, stable=True):
    s = q @ np.swapaxes(k, -1, -2) * scale
    if mask is not None:
        keep = ~np.asarray(mask) if invert else mask
        s = np.where(keep, s, -1e30 if invert else -np.inf)
    with np.errstate(all="ignore"):
        return _softmax(s, axis, stable) @ v


def no_scaling(q, k, v, mask=None):
    return _attend(q, k, v, mask, 1.0)


def divides_by_d(q, k, v, mask=None):
    return _attend(q, k, v, mask, 1.0 / q.shape[-1])


def softmax_over_queries(q, k, v, mask=None):
    return _attend(q, k, v, mask, 1.0 / np.sqrt(q.shape[-1]), axis=-2)


def unstable_softmax(q, k, v, mask=None):
    return _attend(q, k, v, mask, 1.0 / np.sqrt(q.shape[-1]), stable=False)


MISTAKES = {
    "no_scaling": (no_scaling, "forgets to divide the scores by sqrt(D)."),
    "divides_by_d": (divides_by_d, "divides the scores by D instead of sqrt(D)."),
    "softmax_over_queries": (softmax_over_queries,
                             "normalizes over the queries (axis -2) instead of over the keys (the last axis)."),
    "unstable_softmax": (unstable_softmax,
                         "exponentiates without subtracting the row maximum, so large scores overflow to NaN."),
}
