"""Reference for debug_frozen_layer: full-batch SGD on a two-layer ReLU network, gradients reaching both layers."""

import torch


def _sgd_step(params, lr):
    """Plain SGD, as torch.optim.SGD does it: parameters without a gradient are skipped."""
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p -= lr * p.grad


def _zero_grad(params):
    for p in params:
        p.grad = None


def train_mlp(x: torch.Tensor, y: torch.Tensor, w1: torch.Tensor, w2: torch.Tensor, lr: float, steps: int):
    """Return (w1, w2, losses) after `steps` SGD updates of mean squared error."""
    w1 = w1.clone().requires_grad_(True)
    w2 = w2.clone().requires_grad_(True)
    losses = []
    for _ in range(steps):
        _zero_grad((w1, w2))
        h = torch.relu(x @ w1)
        loss = ((h @ w2 - y) ** 2).mean()
        loss.backward()
        _sgd_step((w1, w2), lr)
        losses.append(loss.detach())
    return w1.detach(), w2.detach(), torch.stack(losses)
