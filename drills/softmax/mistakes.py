"""Wrong softmax implementations an interviewee commonly writes."""

import numpy as np


def no_max_shift(x, axis=-1):
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)


def always_last_axis(x, axis=-1):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def global_max_shift_no_keepdims(x, axis=-1):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


MISTAKES = {
    "no_max_shift": (no_max_shift, "exp(x) without subtracting the max first overflows to inf/NaN on large logits."),
    "always_last_axis": (always_last_axis, "Ignores the axis argument and always normalizes over the last axis."),
    "normalize_whole_array": (global_max_shift_no_keepdims,
                              "Sums over the whole array instead of along the axis, so rows do not sum to 1."),
}
