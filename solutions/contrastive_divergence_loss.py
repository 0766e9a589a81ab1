"""Reference for the contrastive_divergence_loss drill: CD objective plus an energy-magnitude penalty."""

import torch


def contrastive_divergence_loss(
    energy_pos: torch.Tensor, energy_neg: torch.Tensor, alpha: float = 0.1
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (cd + reg, cd, reg): cd = mean(E_pos) - mean(E_neg), reg = alpha (mean(E_pos^2) + mean(E_neg^2))."""
    cd = energy_pos.mean() - energy_neg.mean()
    reg = alpha * ((energy_pos**2).mean() + (energy_neg**2).mean())
    return cd + reg, cd, reg
