"""Reference for the depthwise_separable_conv drill: depthwise then pointwise convolution, by hand."""

import torch
import torch.nn.functional as F


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
    n, c, h, w = x.shape
    kh, kw = w_depth.shape[2:]
    out_h = (h + 2 * padding - kh) // stride + 1
    out_w = (w + 2 * padding - kw) // stride + 1
    x_pad = F.pad(x, (padding, padding, padding, padding))
    depth = x.new_zeros((n, c, out_h, out_w))
    for ki in range(kh):
        for kj in range(kw):
            rows = slice(ki, ki + stride * (out_h - 1) + 1, stride)
            cols = slice(kj, kj + stride * (out_w - 1) + 1, stride)
            depth = depth + x_pad[:, :, rows, cols] * w_depth[:, 0, ki, kj].reshape(1, c, 1, 1)
    if b_depth is not None:
        depth = depth + b_depth.reshape(1, c, 1, 1)
    out = torch.einsum("nchw,fc->nfhw", depth, w_point[:, :, 0, 0])
    if b_point is not None:
        out = out + b_point.reshape(1, -1, 1, 1)
    return out
