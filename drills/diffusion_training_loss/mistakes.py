"""Known wrong versions of diffusion_training_loss, used to name what a failing submission got wrong."""

import torch


def _coeffs(t, betas, like, cumulative=True, shift=0):
    alphas = 1 - betas
    table = torch.cumprod(alphas, dim=0) if cumulative else alphas
    index = torch.clamp(t + shift, min=0)
    value = table[index].reshape((-1,) + (1,) * (like.dim() - 1))
    return torch.sqrt(value), torch.sqrt(1 - value)


def _target(kind, x0, noise, a, s, v_swapped=False):
    if kind == "epsilon":
        return noise
    if kind == "sample":
        return x0
    return s * noise - a * x0 if v_swapped else a * noise - s * x0


def single_step_alpha(x0, noise, t, betas, model_output, prediction_type="epsilon"):
    a, s = _coeffs(t, betas, x0, cumulative=False)
    x_t = a * x0 + s * noise
    return x_t, ((model_output - _target(prediction_type, x0, noise, a, s)) ** 2).mean()


def v_coefficients_swapped(x0, noise, t, betas, model_output, prediction_type="epsilon"):
    a, s = _coeffs(t, betas, x0)
    x_t = a * x0 + s * noise
    return x_t, ((model_output - _target(prediction_type, x0, noise, a, s, v_swapped=True)) ** 2).mean()


def steps_counted_from_one(x0, noise, t, betas, model_output, prediction_type="epsilon"):
    a, s = _coeffs(t, betas, x0, shift=-1)
    x_t = a * x0 + s * noise
    return x_t, ((model_output - _target(prediction_type, x0, noise, a, s)) ** 2).mean()


def variances_not_square_rooted(x0, noise, t, betas, model_output, prediction_type="epsilon"):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t].reshape((-1,) + (1,) * (x0.dim() - 1))
    a, s = alpha_bar, 1 - alpha_bar
    x_t = a * x0 + s * noise
    return x_t, ((model_output - _target(prediction_type, x0, noise, a, s)) ** 2).mean()


MISTAKES = {
    "single_step_alpha": (
        single_step_alpha,
        "Uses the one-step alpha_t = 1 - beta_t; the closed form needs alpha_bar_t, the product up to t.",
    ),
    "v_coefficients_swapped": (
        v_coefficients_swapped,
        "v has its coefficients swapped; it is sqrt(alpha_bar) * noise - sqrt(1 - alpha_bar) * x0.",
    ),
    "steps_counted_from_one": (
        steps_counted_from_one,
        "Reads alpha_bar[t - 1] as if steps counted from 1; t indexes the schedule from 0.",
    ),
    "variances_not_square_rooted": (
        variances_not_square_rooted,
        "x0 and the noise are scaled by alpha_bar and 1 - alpha_bar; the scales are their square roots.",
    ),
}
