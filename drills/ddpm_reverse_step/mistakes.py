"""Known wrong versions of ddpm_reverse_step, used to name what a failing submission got wrong."""

import torch


def _tables(betas):
    alphas = 1 - betas
    alpha_bar = torch.cumprod(alphas, dim=0)
    alpha_bar_prev = torch.cat([torch.ones_like(alpha_bar[:1]), alpha_bar[:-1]])
    return alphas, alpha_bar, alpha_bar_prev


def _pick(table, t, like):
    return table[t].reshape((-1,) + (1,) * (like.dim() - 1))


def variance_is_beta(x_t, t, eps_pred, betas, z):
    alphas, alpha_bar, _ = _tables(betas)
    beta_t, alpha_t, bar_t = (_pick(a, t, x_t) for a in (betas, alphas, alpha_bar))
    mean = (x_t - beta_t / torch.sqrt(1 - bar_t) * eps_pred) / torch.sqrt(alpha_t)
    return mean + torch.sqrt(beta_t) * z


def previous_alpha_bar_wraps_at_zero(x_t, t, eps_pred, betas, z):
    alphas, alpha_bar, _ = _tables(betas)
    beta_t, alpha_t, bar_t = (_pick(a, t, x_t) for a in (betas, alphas, alpha_bar))
    bar_prev = _pick(alpha_bar, t - 1, x_t)  # t = 0 reads alpha_bar[-1]
    mean = (x_t - beta_t / torch.sqrt(1 - bar_t) * eps_pred) / torch.sqrt(alpha_t)
    return mean + torch.sqrt(beta_t * (1 - bar_prev) / (1 - bar_t)) * z


def alpha_bar_in_outer_factor(x_t, t, eps_pred, betas, z):
    _, alpha_bar, alpha_bar_prev = _tables(betas)
    beta_t, bar_t, bar_prev = (_pick(a, t, x_t) for a in (betas, alpha_bar, alpha_bar_prev))
    mean = (x_t - beta_t / torch.sqrt(1 - bar_t) * eps_pred) / torch.sqrt(bar_t)
    return mean + torch.sqrt(beta_t * (1 - bar_prev) / (1 - bar_t)) * z


def noise_coefficient_without_sqrt(x_t, t, eps_pred, betas, z):
    alphas, alpha_bar, alpha_bar_prev = _tables(betas)
    beta_t, alpha_t, bar_t, bar_prev = (_pick(a, t, x_t) for a in (betas, alphas, alpha_bar, alpha_bar_prev))
    mean = (x_t - beta_t / (1 - bar_t) * eps_pred) / torch.sqrt(alpha_t)
    return mean + torch.sqrt(beta_t * (1 - bar_prev) / (1 - bar_t)) * z


MISTAKES = {
    "variance_is_beta": (
        variance_is_beta,
        "sigma^2 = beta_t (the paper's other choice); the drill asks for the posterior variance "
        "beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t), which is 0 at t = 0.",
    ),
    "previous_alpha_bar_wraps_at_zero": (
        previous_alpha_bar_wraps_at_zero,
        "alpha_bar[t - 1] at t = 0 reads the last element of the schedule; alpha_bar_{-1} must be 1.",
    ),
    "alpha_bar_in_outer_factor": (
        alpha_bar_in_outer_factor,
        "The mean is divided by sqrt(alpha_bar_t); the one-step sqrt(alpha_t) belongs there.",
    ),
    "noise_coefficient_without_sqrt": (
        noise_coefficient_without_sqrt,
        "The noise is scaled by beta_t / (1 - alpha_bar_t); it is beta_t / sqrt(1 - alpha_bar_t).",
    ),
}
