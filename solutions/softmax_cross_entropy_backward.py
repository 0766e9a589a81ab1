"""Reference for the softmax_cross_entropy_backward drill: dL/dlogits of the mean cross-entropy."""

import numpy as np


def softmax_cross_entropy_backward(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Gradient of L = mean_n(-log softmax(logits)[n, targets[n]]) with respect to logits, shape (N, K).

    For one example the gradient is softmax(z) - one_hot(target); the mean over N divides it by N.
    """
    n = logits.shape[0]
    e = np.exp(logits - np.max(logits, axis=1, keepdims=True))
    grad = e / np.sum(e, axis=1, keepdims=True)
    grad[np.arange(n), targets] -= 1.0
    return grad / n
