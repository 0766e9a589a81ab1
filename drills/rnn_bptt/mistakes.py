"""Wrong rnn_bptt implementations an interviewee commonly writes."""

import numpy as np


def _run(x, h0, w_xh, w_hh, b, grad_h, *, through_time=True, tanh_of="output", previous_state=True):
    steps = x.shape[0]
    hs = np.empty((steps, *h0.shape))
    pre = np.empty_like(hs)
    h = h0
    for t in range(steps):
        pre[t] = x[t] @ w_xh.T + h @ w_hh.T + b
        h = np.tanh(pre[t])
        hs[t] = h
    dwx, dwh, db = np.zeros_like(w_xh), np.zeros_like(w_hh), np.zeros_like(b)
    carried = np.zeros_like(h0)
    for t in reversed(range(steps)):
        dh = grad_h[t] + (carried if through_time else 0.0)
        local = hs[t] if tanh_of == "output" else pre[t]
        da = dh * (1.0 - local ** 2)
        prev = hs[t - 1] if t > 0 else h0
        dwx += da.T @ x[t]
        dwh += da.T @ (prev if previous_state else hs[t])
        db += da.sum(axis=0)
        carried = da @ w_hh
    return hs, dwx, dwh, db, carried


def no_gradient_through_time(x, h0, w_xh, w_hh, b, grad_h):
    return _run(x, h0, w_xh, w_hh, b, grad_h, through_time=False)


def tanh_derivative_of_preactivation(x, h0, w_xh, w_hh, b, grad_h):
    return _run(x, h0, w_xh, w_hh, b, grad_h, tanh_of="preactivation")


def w_hh_gradient_uses_current_state(x, h0, w_xh, w_hh, b, grad_h):
    return _run(x, h0, w_xh, w_hh, b, grad_h, previous_state=False)


MISTAKES = {
    "no_gradient_through_time": (no_gradient_through_time,
                                 "Uses only the direct gradient at each step and drops the part flowing back from "
                                 "step t + 1 through W_hh: that is not backpropagation through time."),
    "tanh_derivative_of_preactivation": (tanh_derivative_of_preactivation,
                                         "Computes the tanh derivative as 1 - a^2 of the pre-activation a; it is "
                                         "1 - h^2 of the output h = tanh(a)."),
    "w_hh_gradient_uses_current_state": (w_hh_gradient_uses_current_state,
                                         "Accumulates dW_hh with h_t; W_hh multiplies the previous state, so it is "
                                         "da_t^T h_{t-1} (h0 at the first step)."),
}
