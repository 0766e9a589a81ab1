"""Reference for the ddpm_q_sample drill: sampling x_t from the DDPM forward process in closed form."""

import numpy as np


def ddpm_q_sample(x0: np.ndarray, t: np.ndarray, noise: np.ndarray, betas: np.ndarray) -> np.ndarray:
    """x_t = sqrt(abar_t) * x0 + sqrt(1 - abar_t) * noise, with abar = cumprod(1 - betas).

    x0, noise: (N, ...) float64; t: (N,) int64 timesteps indexing betas from 0; betas: (T,).
    Each example's coefficients are broadcast over its trailing dimensions.
    """
    alpha_bar = np.cumprod(1.0 - betas)[t]
    shape = (-1,) + (1,) * (x0.ndim - 1)
    return np.sqrt(alpha_bar).reshape(shape) * x0 + np.sqrt(1.0 - alpha_bar).reshape(shape) * noise
