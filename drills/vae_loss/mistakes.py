"""Known wrong versions of vae_loss, used to name what a failing submission got wrong."""

import torch


def _finish(recon, kl, beta):
    return (recon + beta * kl).mean(), recon.mean(), kl.mean()


def _recon(x, x_recon):
    return ((x - x_recon) ** 2).reshape(x.shape[0], -1).sum(dim=1)


def kl_mean_over_latents(x, x_recon, mu, logvar, beta=1.0):
    kl = -0.5 * (1 + logvar - mu**2 - torch.exp(logvar)).mean(dim=1)
    return _finish(_recon(x, x_recon), kl, beta)


def recon_mean_over_features(x, x_recon, mu, logvar, beta=1.0):
    recon = ((x - x_recon) ** 2).reshape(x.shape[0], -1).mean(dim=1)
    kl = -0.5 * (1 + logvar - mu**2 - torch.exp(logvar)).sum(dim=1)
    return _finish(recon, kl, beta)


def logvar_read_as_log_std(x, x_recon, mu, logvar, beta=1.0):
    kl = -0.5 * (1 + 2 * logvar - mu**2 - torch.exp(2 * logvar)).sum(dim=1)
    return _finish(_recon(x, x_recon), kl, beta)


def kl_sign_flipped(x, x_recon, mu, logvar, beta=1.0):
    kl = 0.5 * (1 + logvar - mu**2 - torch.exp(logvar)).sum(dim=1)
    return _finish(_recon(x, x_recon), kl, beta)


MISTAKES = {
    "kl_mean_over_latents": (
        kl_mean_over_latents,
        "The KL is averaged over latent dimensions; it is a sum over them (the KL of the whole Gaussian).",
    ),
    "recon_mean_over_features": (
        recon_mean_over_features,
        "The squared error is averaged over features, which shrinks it relative to the KL; it is a sum.",
    ),
    "logvar_read_as_log_std": (
        logvar_read_as_log_std,
        "logvar is treated as log sigma; it is log sigma^2, so sigma^2 = exp(logvar).",
    ),
    "kl_sign_flipped": (
        kl_sign_flipped,
        "The KL has the wrong sign: it is -0.5 * sum(1 + logvar - mu^2 - exp(logvar)).",
    ),
}
