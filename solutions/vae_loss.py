"""Reference for the vae_loss drill: the negative ELBO of a VAE with a fixed-variance Gaussian decoder."""

import torch


def vae_loss(
    x: torch.Tensor, x_recon: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor, beta: float = 1.0
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (mean(recon + beta * kl), mean(recon), mean(kl)) as 0-d tensors.

    recon_i = sum of (x_i - x_recon_i)^2; kl_i = -0.5 * sum(1 + logvar - mu^2 - exp(logvar)); mu, logvar (N, Z).
    """
    n = x.shape[0]
    recon = ((x - x_recon) ** 2).reshape(n, -1).sum(dim=1)
    kl = -0.5 * (1 + logvar - mu**2 - torch.exp(logvar)).sum(dim=1)
    return (recon + beta * kl).mean(), recon.mean(), kl.mean()
