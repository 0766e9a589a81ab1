"""Wrong log_softmax implementations an interviewee commonly writes."""

import numpy as np


def log_of_softmax(x, axis=-1):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(x - np.max(x, axis=axis, keepdims=True))
        return np.log(e / np.sum(e, axis=axis, keepdims=True))


def unshifted_logsumexp(x, axis=-1):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return x - np.log(np.sum(np.exp(x), axis=axis, keepdims=True))


def shift_not_added_back(x, axis=-1):
    return x - np.log(np.sum(np.exp(x - np.max(x, axis=axis, keepdims=True)), axis=axis, keepdims=True))


MISTAKES = {
    "log_of_softmax": (log_of_softmax,
                       "Takes log of a stable softmax: probabilities that underflow to 0 become -inf "
                       "instead of large negative numbers."),
    "unshifted_logsumexp": (unshifted_logsumexp,
                            "log(sum(exp(x))) without subtracting the max overflows to inf on large logits."),
    "shift_not_added_back": (shift_not_added_back,
                             "Subtracts the max inside logsumexp but forgets to add it back (or to shift x too)."),
}
