"""Group normalization, as torch.nn.functional.group_norm."""

import torch


def group_norm(
    x: torch.Tensor, num_groups: int, gamma: torch.Tensor, beta: torch.Tensor, eps: float = 1e-5
) -> torch.Tensor:
    """Normalize x (N, C, H, W) per sample over groups of consecutive channels; gamma, beta (C,)."""
    raise NotImplementedError
