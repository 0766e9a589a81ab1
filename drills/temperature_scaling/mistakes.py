"""Wrong temperature_scaling implementations an interviewee commonly writes."""

import numpy as np


def _softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _bins(conf, n_bins):
    return np.clip(np.ceil(conf * n_bins).astype(np.int64) - 1, 0, n_bins - 1)


def _ece(probs, labels, n_bins, *, weighted=True, true_class=False):
    conf = probs[np.arange(len(labels)), labels] if true_class else probs.max(axis=1)
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)
    bins = _bins(conf, n_bins)
    gaps, weights = [], []
    for b in range(n_bins):
        m = bins == b
        if m.any():
            gaps.append(abs(correct[m].mean() - conf[m].mean()))
            weights.append(m.mean())
    return float(np.dot(gaps, weights)) if weighted else float(np.mean(gaps))


def _beta(logits, labels):
    picked = logits[np.arange(len(labels)), labels]

    def grad(beta):
        p = _softmax(beta * logits)
        return float(np.mean((p * logits).sum(axis=1) - picked))

    lo, hi = 0.0, 1.0
    while grad(hi) < 0:
        lo, hi = hi, hi * 2
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if grad(mid) > 0 else (mid, hi)
    return 0.5 * (lo + hi)


def unweighted_ece(logits, labels, n_bins=15):
    beta = _beta(logits, labels)
    return (1 / beta, _ece(_softmax(logits), labels, n_bins, weighted=False),
            _ece(_softmax(beta * logits), labels, n_bins, weighted=False))


def returns_multiplier_not_temperature(logits, labels, n_bins=15):
    beta = _beta(logits, labels)
    return beta, _ece(_softmax(logits), labels, n_bins), _ece(_softmax(beta * logits), labels, n_bins)


def ece_on_true_class_probability(logits, labels, n_bins=15):
    beta = _beta(logits, labels)
    return (1 / beta, _ece(_softmax(logits), labels, n_bins, true_class=True),
            _ece(_softmax(beta * logits), labels, n_bins, true_class=True))


MISTAKES = {
    "unweighted_ece": (unweighted_ece,
                       "Averages the bins' gaps equally; ECE weights each bin by its share of the examples."),
    "returns_multiplier_not_temperature": (returns_multiplier_not_temperature,
                                           "Returns the factor the logits are multiplied by (1/T), not the "
                                           "temperature they are divided by."),
    "ece_on_true_class_probability": (ece_on_true_class_probability,
                                      "Bins the probability of the true class; ECE bins the confidence of the "
                                      "predicted class (the max probability)."),
}
