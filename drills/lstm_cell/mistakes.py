"""Known wrong versions of lstm_cell, used to name what a failing submission got wrong."""

import torch


def _gates(x, h, w_ih, w_hh, b_ih, b_hh):
    return (x @ w_ih.T + b_ih + h @ w_hh.T + b_hh).chunk(4, dim=-1)


def gate_order_ifog(x, h, c, w_ih, w_hh, b_ih, b_hh):
    i, f, o, g = _gates(x, h, w_ih, w_hh, b_ih, b_hh)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_new = f * c + i * g
    return o * torch.tanh(c_new), c_new


def no_tanh_on_cell(x, h, c, w_ih, w_hh, b_ih, b_hh):
    i, f, g, o = _gates(x, h, w_ih, w_hh, b_ih, b_hh)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_new = f * c + i * g
    return o * c_new, c_new


def forget_and_input_swapped(x, h, c, w_ih, w_hh, b_ih, b_hh):
    i, f, g, o = _gates(x, h, w_ih, w_hh, b_ih, b_hh)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_new = i * c + f * g
    return o * torch.tanh(c_new), c_new


def sigmoid_candidate(x, h, c, w_ih, w_hh, b_ih, b_hh):
    i, f, g, o = _gates(x, h, w_ih, w_hh, b_ih, b_hh)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(g), torch.sigmoid(o)
    c_new = f * c + i * g
    return o * torch.tanh(c_new), c_new


MISTAKES = {
    "gate_order_ifog": (
        gate_order_ifog,
        "Gates are split in the order i, f, o, g; PyTorch stacks them as i, f, g, o.",
    ),
    "no_tanh_on_cell": (no_tanh_on_cell, "h' = o * c' is missing the tanh: it should be o * tanh(c')."),
    "forget_and_input_swapped": (
        forget_and_input_swapped,
        "The forget gate scales the candidate and the input gate the old cell; it is c' = f * c + i * g.",
    ),
    "sigmoid_candidate": (
        sigmoid_candidate,
        "The cell candidate g goes through a sigmoid; it uses tanh so it can be negative.",
    ),
}
