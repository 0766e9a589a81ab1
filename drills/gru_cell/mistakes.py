"""Known wrong versions of gru_cell, used to name what a failing submission got wrong."""

import torch


def _parts(x, h, w_ih, w_hh, b_ih, b_hh):
    return (x @ w_ih.T + b_ih).chunk(3, dim=-1), (h @ w_hh.T + b_hh).chunk(3, dim=-1)


def update_gate_on_candidate(x, h, w_ih, w_hh, b_ih, b_hh):
    (gi_r, gi_z, gi_n), (gh_r, gh_z, gh_n) = _parts(x, h, w_ih, w_hh, b_ih, b_hh)
    r, z = torch.sigmoid(gi_r + gh_r), torch.sigmoid(gi_z + gh_z)
    n = torch.tanh(gi_n + r * gh_n)
    return z * n + (1 - z) * h


def reset_before_bias(x, h, w_ih, w_hh, b_ih, b_hh):
    (gi_r, gi_z, gi_n), (gh_r, gh_z, _) = _parts(x, h, w_ih, w_hh, b_ih, b_hh)
    r, z = torch.sigmoid(gi_r + gh_r), torch.sigmoid(gi_z + gh_z)
    hid = h.shape[1]
    n = torch.tanh(gi_n + r * (h @ w_hh[2 * hid :].T) + b_hh[2 * hid :])
    return (1 - z) * n + z * h


def gate_order_zrn(x, h, w_ih, w_hh, b_ih, b_hh):
    (gi_z, gi_r, gi_n), (gh_z, gh_r, gh_n) = _parts(x, h, w_ih, w_hh, b_ih, b_hh)
    r, z = torch.sigmoid(gi_r + gh_r), torch.sigmoid(gi_z + gh_z)
    n = torch.tanh(gi_n + r * gh_n)
    return (1 - z) * n + z * h


def reset_gate_ignored(x, h, w_ih, w_hh, b_ih, b_hh):
    (_, gi_z, gi_n), (_, gh_z, gh_n) = _parts(x, h, w_ih, w_hh, b_ih, b_hh)
    z = torch.sigmoid(gi_z + gh_z)
    n = torch.tanh(gi_n + gh_n)
    return (1 - z) * n + z * h


MISTAKES = {
    "update_gate_on_candidate": (
        update_gate_on_candidate,
        "z weights the candidate instead of the old state; PyTorch computes h' = (1 - z) * n + z * h.",
    ),
    "reset_before_bias": (
        reset_before_bias,
        "The reset gate multiplies only W_hn h and leaves b_hn outside; PyTorch applies r to (W_hn h + b_hn).",
    ),
    "gate_order_zrn": (gate_order_zrn, "Gates are split in the order z, r, n; PyTorch stacks them as r, z, n."),
    "reset_gate_ignored": (reset_gate_ignored, "The reset gate is never applied to the hidden part of the candidate."),
}
