"""Reference for the cfg_ddim_step drill: classifier-free guidance, then a deterministic DDIM update."""

import math

import torch


def cfg_ddim_step(
    x_t: torch.Tensor,
    eps_uncond: torch.Tensor,
    eps_cond: torch.Tensor,
    guidance_scale: float,
    alpha_bar_t: float,
    alpha_bar_prev: float,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (x_prev, x0_pred) for guided noise eps = eps_uncond + s * (eps_cond - eps_uncond).

    x0_pred = (x_t - sqrt(1 - a_t) eps) / sqrt(a_t); x_prev = sqrt(a_prev) x0_pred + sqrt(1 - a_prev) eps.
    """
    eps = eps_uncond + guidance_scale * (eps_cond - eps_uncond)
    x0_pred = (x_t - math.sqrt(1 - alpha_bar_t) * eps) / math.sqrt(alpha_bar_t)
    x_prev = math.sqrt(alpha_bar_prev) * x0_pred + math.sqrt(1 - alpha_bar_prev) * eps
    return x_prev, x0_pred
