"""Energy score of a classifier's logits, for out-of-distribution detection."""

import torch


def energy_score(logits: torch.Tensor, temperature: float = 1.0) -> torch.Tensor:
    """Return E = -T * log(sum_k exp(logits[:, k] / T)) for each row of logits (N, K), shape (N,)."""
    raise NotImplementedError
