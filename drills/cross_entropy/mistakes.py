"""Wrong cross_entropy implementations an interviewee commonly writes."""

import numpy as np


def _log_softmax(x):
    m = np.max(x, axis=1, keepdims=True)
    return x - m - np.log(np.sum(np.exp(x - m), axis=1, keepdims=True))


def smoothing_over_other_classes(logits, targets, label_smoothing=0.0):
    n, k = logits.shape
    logp = _log_softmax(logits)
    q = np.full((n, k), label_smoothing / max(k - 1, 1))
    q[np.arange(n), targets] = 1.0 - label_smoothing
    return float(np.mean(-np.sum(q * logp, axis=1)))


def sum_not_mean(logits, targets, label_smoothing=0.0):
    logp = _log_softmax(logits)
    n = logits.shape[0]
    per = (1 - label_smoothing) * -logp[np.arange(n), targets] - label_smoothing * np.mean(logp, axis=1)
    return float(np.sum(per))


def log_of_unshifted_softmax(logits, targets, label_smoothing=0.0):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(logits)
        logp = np.log(e / np.sum(e, axis=1, keepdims=True))
        n = logits.shape[0]
        per = (1 - label_smoothing) * -logp[np.arange(n), targets] - label_smoothing * np.mean(logp, axis=1)
        return float(np.mean(per))


MISTAKES = {
    "smoothing_over_other_classes": (smoothing_over_other_classes,
                                     "Spreads eps over the K-1 wrong classes only; PyTorch gives eps/K to every "
                                     "class, the true one included."),
    "sum_not_mean": (sum_not_mean, "Sums the per-example losses instead of averaging over the batch."),
    "log_of_unshifted_softmax": (log_of_unshifted_softmax,
                                 "log(softmax) without the max shift overflows (NaN/inf) on large logits."),
}
