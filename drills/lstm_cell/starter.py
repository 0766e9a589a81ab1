"""LSTM cell: one time step."""

import torch


def lstm_cell(
    x: torch.Tensor,
    h: torch.Tensor,
    c: torch.Tensor,
    w_ih: torch.Tensor,
    w_hh: torch.Tensor,
    b_ih: torch.Tensor,
    b_hh: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (h_new, c_new) as torch.nn.LSTMCell does (gate order i, f, g, o).

    x (B, I); h, c (B, H); w_ih (4H, I); w_hh (4H, H); b_ih, b_hh (4H,).
    """
    raise NotImplementedError
