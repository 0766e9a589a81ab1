"""Closed-form sampling of the DDPM forward (noising) process."""

import numpy as np


def ddpm_q_sample(x0: np.ndarray, t: np.ndarray, noise: np.ndarray, betas: np.ndarray) -> np.ndarray:
    """Return x_t = sqrt(abar_t) * x0 + sqrt(1 - abar_t) * noise for each example.

    x0: (N, ...) float64 clean data. t: (N,) int64 timesteps in [0, T). noise: float64, x0's shape.
    betas: (T,) float64 noise schedule; abar = cumprod(1 - betas). Returns an array of x0's shape.
    """
    raise NotImplementedError
