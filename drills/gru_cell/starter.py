"""GRU cell: one time step."""

import torch


def gru_cell(
    x: torch.Tensor,
    h: torch.Tensor,
    w_ih: torch.Tensor,
    w_hh: torch.Tensor,
    b_ih: torch.Tensor,
    b_hh: torch.Tensor,
) -> torch.Tensor:
    """Return the new hidden state as torch.nn.GRUCell does (gate order r, z, n).

    x (B, I); h (B, H); w_ih (3H, I); w_hh (3H, H); b_ih, b_hh (3H,).
    """
    raise NotImplementedError
