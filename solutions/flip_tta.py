"""Reference for the flip_tta drill: two-view (identity and horizontal flip) test-time augmentation."""

import torch
import torch.nn.functional as F


def _model(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    padding = (weight.shape[2] // 2, weight.shape[3] // 2)
    return torch.softmax(F.conv2d(x, weight, bias, padding=padding), dim=1)


def flip_tta(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """Average model(x) and model(flip(x)) flipped back; model = softmax(conv2d(., weight, bias, same padding))."""
    plain = _model(x, weight, bias)
    flipped = _model(torch.flip(x, dims=[-1]), weight, bias)
    return (plain + torch.flip(flipped, dims=[-1])) / 2
