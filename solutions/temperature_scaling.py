"""Reference for temperature_scaling: Newton's method on beta = 1/T (the NLL is convex in beta), then ECE."""

import numpy as np


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _ece(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    confidence = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)
    bins = np.clip(np.ceil(confidence * n_bins).astype(np.int64) - 1, 0, n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        in_bin = bins == b
        if in_bin.any():
            total += in_bin.mean() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return float(total)


def _fit_beta(logits: np.ndarray, labels: np.ndarray) -> float:
    picked = logits[np.arange(len(labels)), labels]

    def derivatives(beta: float) -> tuple[float, float]:
        p = _softmax(beta * logits)
        mean_z = (p * logits).sum(axis=1)
        var_z = (p * logits ** 2).sum(axis=1) - mean_z ** 2
        return float(np.mean(mean_z - picked)), float(np.mean(var_z))

    lo, hi = 0.0, 1.0
    while derivatives(hi)[0] < 0:  # the NLL still falls: the minimum lies at a larger beta
        lo, hi = hi, hi * 2.0
    beta = 0.5 * (lo + hi)
    for _ in range(200):
        grad, curvature = derivatives(beta)
        if grad == 0.0:
            return beta
        if grad > 0:
            hi = beta
        else:
            lo = beta
        if hi - lo <= 1e-15 * hi:
            break
        step = beta - grad / curvature if curvature > 0 else None
        beta = step if step is not None and lo < step < hi else 0.5 * (lo + hi)
    return beta


def temperature_scaling(logits: np.ndarray, labels: np.ndarray, n_bins: int = 15):
    """(T, ECE at T = 1, ECE at the fitted T)."""
    beta = _fit_beta(logits, labels)
    return (1.0 / beta, _ece(_softmax(logits), labels, n_bins), _ece(_softmax(beta * logits), labels, n_bins))
