"""A tanh RNN: forward over a sequence and backpropagation through time."""

import numpy as np


def rnn_bptt(x: np.ndarray, h0: np.ndarray, w_xh: np.ndarray, w_hh: np.ndarray, b: np.ndarray,
             grad_h: np.ndarray):
    """Return (hs, d_w_xh, d_w_hh, d_b, d_h0).

    x (T, B, I); h0 (B, H); w_xh (H, I); w_hh (H, H); b (H,); grad_h (T, B, H) = direct dL/dh_t.
    h_t = tanh(x_t @ w_xh.T + h_{t-1} @ w_hh.T + b).
    """
    raise NotImplementedError
