"""Reference for the mish_and_grad drill: Mish and its derivative, computed stably by hand."""

import torch


def mish_and_grad(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (x * tanh(softplus(x)), d/dx of it), both of x's shape.

    d mish / dx = tanh(s) + x * (1 - tanh(s)^2) * sigmoid(x), with s = softplus(x).
    """
    softplus = torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))
    t = torch.tanh(softplus)
    y = x * t
    dy_dx = t + x * (1 - t * t) * torch.sigmoid(x)
    return y, dy_dx
