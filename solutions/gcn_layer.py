"""Reference for the gcn_layer drill: Kipf and Welling's graph convolution, dense form."""

import torch


def gcn_layer(
    x: torch.Tensor, adj: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None
) -> torch.Tensor:
    """Return D^-1/2 (adj + I) D^-1/2 x @ weight (+ bias); x (N, F_in), adj (N, N), weight (F_in, F_out)."""
    a_hat = adj + torch.eye(adj.shape[0], dtype=adj.dtype)
    inv_sqrt_deg = a_hat.sum(dim=1) ** -0.5
    propagate = inv_sqrt_deg[:, None] * a_hat * inv_sqrt_deg[None, :]
    out = propagate @ (x @ weight)
    return out if bias is None else out + bias
