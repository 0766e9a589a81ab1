"""Depthwise-separable convolution: a depthwise KxK convolution, then a pointwise 1x1 convolution."""

import torch


def depthwise_separable_conv(
    x: torch.Tensor,
    w_depth: torch.Tensor,
    w_point: torch.Tensor,
    b_depth: torch.Tensor | None = None,
    b_point: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """x (N, C, H, W); w_depth (C, 1, KH, KW); w_point (F, C, 1, 1); biases (C,), (F,) or None.

    stride and padding apply to the depthwise step. Returns (N, F, OH, OW).
    """
    raise NotImplementedError
