"""Wrong softmax implementations an interviewee commonly writes."""

import numpy as np


def no_max_shift(x, axis=-1):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(x)
        return e / np.sum(e, axis=axis, keepdims=True)


def always_last_axis(x, axis=-1):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def normalize_whole_array(x, axis=-1):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


MISTAKES = {
    "no_max_shift": (no_max_shift, "exp(x) without subtracting the max first overflows to inf/NaN on large logits."),
    "always_last_axis": (always_last_axis, "Ignores the axis argument and always normalizes over the last axis."),
    "normalize_whole_array": (normalize_whole_array,
                              "Sums over the whole array instead of along the axis, so rows do not sum to 1."),
}
