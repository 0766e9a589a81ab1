"""One DDIM (eta = 0) denoising step with classifier-free guidance."""

import torch


def cfg_ddim_step(
    x_t: torch.Tensor,
    eps_uncond: torch.Tensor,
    eps_cond: torch.Tensor,
    guidance_scale: float,
    alpha_bar_t: float,
    alpha_bar_prev: float,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (x_prev, x0_pred) for guided noise eps = eps_uncond + s * (eps_cond - eps_uncond)."""
    raise NotImplementedError
