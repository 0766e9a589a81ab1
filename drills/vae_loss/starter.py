"""The VAE training loss: squared-error reconstruction plus KL to a standard normal prior."""

import torch


def vae_loss(
    x: torch.Tensor, x_recon: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor, beta: float = 1.0
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (mean(recon + beta * kl), mean(recon), mean(kl)) as 0-d tensors.

    recon_i = sum of (x_i - x_recon_i)^2; kl_i = -0.5 * sum(1 + logvar - mu^2 - exp(logvar)); mu, logvar (N, Z).
    """
    raise NotImplementedError
