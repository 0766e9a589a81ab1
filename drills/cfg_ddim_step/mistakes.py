"""Known wrong versions of cfg_ddim_step, used to name what a failing submission got wrong."""

import math


def _ddim(x_t, eps, a_t, a_prev, eps_direction=None):
    x0 = (x_t - math.sqrt(1 - a_t) * eps) / math.sqrt(a_t)
    direction = eps if eps_direction is None else eps_direction
    return math.sqrt(a_prev) * x0 + math.sqrt(1 - a_prev) * direction, x0


def guidance_reversed(x_t, eps_uncond, eps_cond, guidance_scale, alpha_bar_t, alpha_bar_prev):
    eps = eps_cond + guidance_scale * (eps_uncond - eps_cond)
    return _ddim(x_t, eps, alpha_bar_t, alpha_bar_prev)


def scale_used_as_w(x_t, eps_uncond, eps_cond, guidance_scale, alpha_bar_t, alpha_bar_prev):
    eps = (1 + guidance_scale) * eps_cond - guidance_scale * eps_uncond
    return _ddim(x_t, eps, alpha_bar_t, alpha_bar_prev)


def unguided_direction(x_t, eps_uncond, eps_cond, guidance_scale, alpha_bar_t, alpha_bar_prev):
    eps = eps_uncond + guidance_scale * (eps_cond - eps_uncond)
    return _ddim(x_t, eps, alpha_bar_t, alpha_bar_prev, eps_direction=eps_cond)


def coefficients_without_sqrt(x_t, eps_uncond, eps_cond, guidance_scale, alpha_bar_t, alpha_bar_prev):
    eps = eps_uncond + guidance_scale * (eps_cond - eps_uncond)
    x0 = (x_t - (1 - alpha_bar_t) * eps) / alpha_bar_t
    return alpha_bar_prev * x0 + (1 - alpha_bar_prev) * eps, x0


MISTAKES = {
    "guidance_reversed": (
        guidance_reversed,
        "Guidance extrapolates away from the condition: it is eps_uncond + s * (eps_cond - eps_uncond).",
    ),
    "scale_used_as_w": (
        scale_used_as_w,
        "guidance_scale is used as the paper's w in (1 + w) eps_cond - w eps_uncond; here s = 1 + w.",
    ),
    "unguided_direction": (
        unguided_direction,
        "The direction term uses eps_cond; both x0_pred and the direction use the guided eps.",
    ),
    "coefficients_without_sqrt": (
        coefficients_without_sqrt,
        "alpha_bar and 1 - alpha_bar are used where their square roots belong.",
    ),
}
