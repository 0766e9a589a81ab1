"""Bilinear sampling with normalized coordinates, as F.grid_sample(align_corners=False, zero padding)."""

import torch


def bilinear_sample(value: torch.Tensor, grid: torch.Tensor) -> torch.Tensor:
    """Sample value (N, C, H, W) at grid (N, Ho, Wo, 2) of (x, y) in [-1, 1]; return (N, C, Ho, Wo)."""
    raise NotImplementedError
