"""Wrong sliding_window_attention variants: the starter's off-by-one and other mask errors."""

import numpy as np


def _attend(q, k, v, allowed):
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(q.shape[-1])
    scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    return (w / w.sum(axis=-1, keepdims=True)) @ v


def _ij(t):
    return np.arange(t)[:, None], np.arange(t)[None, :]


def window_one_too_wide(q, k, v, window):
    i, j = _ij(q.shape[-2])
    return _attend(q, k, v, (j <= i) & (j >= i - window))


def window_not_causal(q, k, v, window):
    i, j = _ij(q.shape[-2])
    return _attend(q, k, v, np.abs(i - j) < window)


MISTAKES = {
    "window_one_too_wide": (window_one_too_wide,
                            "Off by one: j >= i - window admits window + 1 keys; the window is i - window < j <= i."),
    "window_not_causal": (window_not_causal,
                          "The window is symmetric (|i - j| < window), so each token also sees the tokens after it."),
}
