"""Reference for the ddpm_reverse_step drill: DDPM's ancestral sampling step with the posterior variance."""

import torch


def ddpm_reverse_step(
    x_t: torch.Tensor, t: torch.Tensor, eps_pred: torch.Tensor, betas: torch.Tensor, z: torch.Tensor
) -> torch.Tensor:
    """Return x_{t-1} = mu + sigma * z for each example (t (N,) int64, indexing the schedule from 0).

    sigma^2 is the posterior variance beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t), with alpha_bar_{-1} = 1.
    """
    alphas = 1 - betas
    alpha_bar = torch.cumprod(alphas, dim=0)
    alpha_bar_prev = torch.cat([torch.ones_like(alpha_bar[:1]), alpha_bar[:-1]])
    shape = (-1,) + (1,) * (x_t.dim() - 1)
    beta_t = betas[t].reshape(shape)
    alpha_t = alphas[t].reshape(shape)
    bar_t = alpha_bar[t].reshape(shape)
    bar_prev = alpha_bar_prev[t].reshape(shape)
    mean = (x_t - beta_t / torch.sqrt(1 - bar_t) * eps_pred) / torch.sqrt(alpha_t)
    variance = beta_t * (1 - bar_prev) / (1 - bar_t)
    return mean + torch.sqrt(variance) * z
