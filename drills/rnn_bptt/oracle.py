"""PyTorch oracle for rnn_bptt (tests only): the same recurrence, differentiated by autograd."""

import numpy as np
import torch


def oracle(x, h0, w_xh, w_hh, b, grad_h):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    wx, wh, bias, h_init = (t(a).requires_grad_() for a in (w_xh, w_hh, b, h0))
    h, states = h_init, []
    for step in t(x):
        h = torch.tanh(step @ wx.T + h @ wh.T + bias)
        states.append(h)
    hs = torch.stack(states)
    hs.backward(t(grad_h))
    return hs.detach().numpy(), wx.grad.numpy(), wh.grad.numpy(), bias.grad.numpy(), h_init.grad.numpy()
