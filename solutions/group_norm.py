"""Reference for the group_norm drill: group normalization in plain torch ops."""

import torch


def group_norm(
    x: torch.Tensor, num_groups: int, gamma: torch.Tensor, beta: torch.Tensor, eps: float = 1e-5
) -> torch.Tensor:
    """Normalize x (N, C, H, W) per sample over groups of consecutive channels; gamma, beta (C,)."""
    n, c = x.shape[:2]
    grouped = x.reshape(n, num_groups, -1)
    mean = grouped.mean(dim=-1, keepdim=True)
    var = ((grouped - mean) ** 2).mean(dim=-1, keepdim=True)
    x_hat = ((grouped - mean) / torch.sqrt(var + eps)).reshape(x.shape)
    affine_shape = (1, c) + (1,) * (x.dim() - 2)
    return gamma.reshape(affine_shape) * x_hat + beta.reshape(affine_shape)
