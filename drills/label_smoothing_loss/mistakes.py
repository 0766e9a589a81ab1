"""Wrong label_smoothing_loss implementations an interviewee commonly writes."""

import numpy as np


def _logp(x):
    m = x.max(axis=1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))


def divides_by_all_rows(logits, targets, smoothing=0.1, ignore_index=-100):
    keep = targets != ignore_index
    logp = _logp(logits[keep])
    t = targets[keep]
    per = (1 - smoothing) * -logp[np.arange(len(t)), t] + smoothing * -logp.mean(axis=1)
    return float(per.sum() / len(targets))


def smoothing_over_other_classes(logits, targets, smoothing=0.1, ignore_index=-100):
    keep = targets != ignore_index
    logp = _logp(logits[keep])
    t = targets[keep]
    k = logits.shape[1]
    q = np.full(logp.shape, smoothing / (k - 1))
    q[np.arange(len(t)), t] = 1 - smoothing
    return float(np.mean(-(q * logp).sum(axis=1)))


MISTAKES = {
    "divides_by_all_rows": (divides_by_all_rows,
                            "Skips padding in the sum but still divides by all N rows, so the loss shrinks as "
                            "batches get more padding."),
    "smoothing_over_other_classes": (smoothing_over_other_classes,
                                     "Spreads ε over the K - 1 wrong classes; PyTorch's convention gives ε / K to "
                                     "every class, the true one included."),
}
