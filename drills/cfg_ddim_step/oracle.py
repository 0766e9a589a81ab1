"""Oracle for cfg_ddim_step, in the other common form (PyTorch has no op for a diffusion step).

It writes the guidance as (1 + w) eps_cond - w eps_uncond with w = s - 1 (the paper's form) and the DDIM
update as one linear combination of x_t and eps, computed in numpy.
"""

import numpy as np


def oracle(x_t, eps_uncond, eps_cond, guidance_scale, alpha_bar_t, alpha_bar_prev):
    """Return (x_prev, x0_pred) as numpy arrays."""
    w = guidance_scale - 1.0
    eps = (1.0 + w) * eps_cond - w * eps_uncond
    x0_pred = x_t / np.sqrt(alpha_bar_t) - np.sqrt((1.0 - alpha_bar_t) / alpha_bar_t) * eps
    coef_x = np.sqrt(alpha_bar_prev / alpha_bar_t)
    coef_eps = np.sqrt(1.0 - alpha_bar_prev) - np.sqrt(alpha_bar_prev * (1.0 - alpha_bar_t) / alpha_bar_t)
    return coef_x * x_t + coef_eps * eps, x0_pred
