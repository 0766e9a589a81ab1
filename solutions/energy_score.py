"""Reference for the energy_score drill: the free energy -T logsumexp(f / T), computed stably."""

import torch


def energy_score(logits: torch.Tensor, temperature: float = 1.0) -> torch.Tensor:
    """Return E = -T * log(sum_k exp(logits[:, k] / T)) for each row of logits (N, K), shape (N,)."""
    scaled = logits / temperature
    top = scaled.max(dim=1, keepdim=True).values
    log_sum = top.squeeze(1) + torch.log(torch.exp(scaled - top).sum(dim=1))
    return -temperature * log_sum
