"""Unadjusted Langevin dynamics on a quadratic energy."""

import torch


def langevin_sample(
    x0: torch.Tensor, A: torch.Tensor, b: torch.Tensor, step_size: float, noise: torch.Tensor
) -> torch.Tensor:
    """Run K = len(noise) steps of x <- x - (eps / 2) grad E(x) + sqrt(eps) noise[k] on x0 (N, D).

    E(x) = 0.5 x^T A x + b^T x per row; A (D, D) may be non-symmetric; noise (K, N, D).
    """
    raise NotImplementedError
