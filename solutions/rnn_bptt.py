"""Reference for rnn_bptt: tanh RNN forward, then backpropagation through time."""

import numpy as np


def rnn_bptt(x: np.ndarray, h0: np.ndarray, w_xh: np.ndarray, w_hh: np.ndarray, b: np.ndarray,
             grad_h: np.ndarray):
    """(hs, d_w_xh, d_w_hh, d_b, d_h0) for h_t = tanh(x_t W_xh^T + h_{t-1} W_hh^T + b)."""
    steps = x.shape[0]
    hs = np.empty((steps, *h0.shape))
    h = h0
    for t in range(steps):
        h = np.tanh(x[t] @ w_xh.T + h @ w_hh.T + b)
        hs[t] = h
    d_w_xh, d_w_hh, d_b = np.zeros_like(w_xh), np.zeros_like(w_hh), np.zeros_like(b)
    carried = np.zeros_like(h0)
    for t in reversed(range(steps)):
        dh = grad_h[t] + carried
        da = dh * (1.0 - hs[t] ** 2)
        previous = hs[t - 1] if t > 0 else h0
        d_w_xh += da.T @ x[t]
        d_w_hh += da.T @ previous
        d_b += da.sum(axis=0)
        carried = da @ w_hh
    return hs, d_w_xh, d_w_hh, d_b, carried
