"""Wrong softmax_cross_entropy_backward implementations an interviewee commonly writes."""

import numpy as np


def _softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def not_divided_by_batch(logits, targets):
    g = _softmax(logits)
    g[np.arange(logits.shape[0]), targets] -= 1.0
    return g


def sign_flipped(logits, targets):
    g = -_softmax(logits)
    g[np.arange(logits.shape[0]), targets] += 1.0
    return g / logits.shape[0]


def unstable_softmax(logits, targets):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(logits)
        g = e / np.sum(e, axis=1, keepdims=True)
        g[np.arange(logits.shape[0]), targets] -= 1.0
        return g / logits.shape[0]


MISTAKES = {
    "not_divided_by_batch": (not_divided_by_batch, "Returns softmax - one_hot without dividing by N; the loss is "
                                                   "a mean over the batch."),
    "sign_flipped": (sign_flipped, "Returns one_hot - softmax: that is the negative gradient (the descent "
                                   "direction), not dL/dlogits."),
    "unstable_softmax": (unstable_softmax, "Computes softmax without subtracting the row max, giving NaN on "
                                           "large logits."),
}
