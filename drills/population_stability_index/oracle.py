"""Oracle for population_stability_index: torch.quantile, torch.bucketize and torch.bincount."""

import numpy as np
import torch


def oracle(expected, actual, bins=10, eps=1e-4) -> np.ndarray:
    """Return PSI computed with PyTorch's quantile and bucketize (right=True: edge values go up)."""
    exp_t, act_t = torch.from_numpy(expected), torch.from_numpy(actual)
    edges = torch.quantile(exp_t, torch.arange(1, bins, dtype=torch.float64) / bins)

    def shares(sample: torch.Tensor) -> torch.Tensor:
        counts = torch.bincount(torch.bucketize(sample, edges, right=True), minlength=bins)
        return torch.clamp(counts.to(torch.float64) / len(sample), min=eps)

    p_e, p_a = shares(exp_t), shares(act_t)
    return ((p_a - p_e) * torch.log(p_a / p_e)).sum().numpy()
