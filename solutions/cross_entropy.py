"""Reference for the cross_entropy drill: mean cross-entropy from logits with label smoothing."""

import numpy as np


def cross_entropy(logits: np.ndarray, targets: np.ndarray, label_smoothing: float = 0.0) -> float:
    """Mean cross-entropy over the batch, as ``torch.nn.functional.cross_entropy``.

    logits: (N, K) float64; targets: (N,) integer class indices in [0, K).
    With smoothing eps the target distribution is (1 - eps) * one_hot + eps / K (every class, the
    true one included), so per example loss = (1 - eps) * (-log p[target]) + eps * mean_k(-log p[k]).
    """
    m = np.max(logits, axis=1, keepdims=True)
    logp = logits - m - np.log(np.sum(np.exp(logits - m), axis=1, keepdims=True))
    n = logits.shape[0]
    nll = -logp[np.arange(n), targets]
    uniform = -np.mean(logp, axis=1)
    per_example = (1.0 - label_smoothing) * nll + label_smoothing * uniform
    return float(np.mean(per_example))
