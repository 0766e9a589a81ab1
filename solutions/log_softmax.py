"""Reference for the log_softmax drill: log-softmax through a stable log-sum-exp."""

import numpy as np


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(softmax(x)) along ``axis``, computed as x - logsumexp(x); same shape as ``x``.

    With m the maximum along the axis, logsumexp(x) = m + log(sum(exp(x - m))): every exponent is <= 0
    and the sum is >= 1, so neither exp nor log misbehaves.
    """
    m = np.max(x, axis=axis, keepdims=True)
    shifted = x - m
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
