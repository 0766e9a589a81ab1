"""Reference for the gru_cell drill: one GRU step with PyTorch's gate layout."""

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
    gi_r, gi_z, gi_n = (x @ w_ih.T + b_ih).chunk(3, dim=-1)
    gh_r, gh_z, gh_n = (h @ w_hh.T + b_hh).chunk(3, dim=-1)
    r = torch.sigmoid(gi_r + gh_r)
    z = torch.sigmoid(gi_z + gh_z)
    n = torch.tanh(gi_n + r * gh_n)
    return (1 - z) * n + z * h
