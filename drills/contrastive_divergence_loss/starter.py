"""Contrastive divergence loss with an energy-magnitude regularizer."""

import torch


def contrastive_divergence_loss(
    energy_pos: torch.Tensor, energy_neg: torch.Tensor, alpha: float = 0.1
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (cd + reg, cd, reg): cd = mean(E_pos) - mean(E_neg), reg = alpha (mean(E_pos^2) + mean(E_neg^2))."""
    raise NotImplementedError
