"""Reference for the langevin_sample drill: Langevin dynamics with a hand-derived quadratic gradient."""

import math

import torch


def langevin_sample(
    x0: torch.Tensor, A: torch.Tensor, b: torch.Tensor, step_size: float, noise: torch.Tensor
) -> torch.Tensor:
    """Run K = len(noise) steps of x <- x - (eps / 2) grad E(x) + sqrt(eps) noise[k] on x0 (N, D).

    E(x) = 0.5 x^T A x + b^T x per row, so grad E(x) = 0.5 (A + A^T) x + b; noise (K, N, D).
    """
    sym = 0.5 * (A + A.T)
    x = x0
    for k in range(noise.shape[0]):
        grad = x @ sym + b
        x = x - 0.5 * step_size * grad + math.sqrt(step_size) * noise[k]
    return x
