"""One graph convolution layer with symmetric normalization and self-loops."""

import torch


def gcn_layer(
    x: torch.Tensor, adj: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None
) -> torch.Tensor:
    """Return D^-1/2 (adj + I) D^-1/2 x @ weight (+ bias); x (N, F_in), adj (N, N), weight (F_in, F_out)."""
    raise NotImplementedError
