"""One DDPM ancestral sampling step (reverse diffusion)."""

import torch


def ddpm_reverse_step(
    x_t: torch.Tensor, t: torch.Tensor, eps_pred: torch.Tensor, betas: torch.Tensor, z: torch.Tensor
) -> torch.Tensor:
    """Return x_{t-1} = mu + sigma * z for each example (t (N,) int64, indexing the schedule from 0).

    sigma^2 is the posterior variance beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t), with alpha_bar_{-1} = 1.
    """
    raise NotImplementedError
