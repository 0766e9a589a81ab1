"""Batch normalization over channels with running statistics, as torch.nn.BatchNorm1d."""

import torch


class BatchNorm1d:
    """Per-channel batch norm for x of shape (N, C) or (N, C, L)."""

    def __init__(self, gamma: torch.Tensor, beta: torch.Tensor, momentum: float = 0.1, eps: float = 1e-5) -> None:
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.eps = eps
        self.running_mean = torch.zeros_like(gamma)
        self.running_var = torch.ones_like(gamma)

    def forward(self, x: torch.Tensor, training: bool = True) -> torch.Tensor:
        """Normalize x; in training use batch statistics and update the running ones."""
        raise NotImplementedError
