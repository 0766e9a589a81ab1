"""Oracle for ddpm_reverse_step, written in the other common form (PyTorch has no op for this step).

It predicts x_0 from the noise first and then takes the mean of the Gaussian posterior q(x_{t-1} | x_t, x_0),
as diffusion libraries' DDPM schedulers do (without clipping x_0). It is algebraically equal to the drill's
formula, computed along a different path.
"""

import numpy as np


def oracle(x_t, t, eps_pred, betas, z) -> np.ndarray:
    """Return x_{t-1} through the x_0-prediction form of the posterior mean, as a numpy array."""
    alphas = 1.0 - betas
    alpha_bar = np.cumprod(alphas)
    out = np.empty_like(x_t)
    for i, step in enumerate(np.asarray(t)):
        bar_t = alpha_bar[step]
        bar_prev = alpha_bar[step - 1] if step > 0 else 1.0
        x0_pred = (x_t[i] - np.sqrt(1.0 - bar_t) * eps_pred[i]) / np.sqrt(bar_t)
        coef_x0 = np.sqrt(bar_prev) * betas[step] / (1.0 - bar_t)
        coef_xt = np.sqrt(alphas[step]) * (1.0 - bar_prev) / (1.0 - bar_t)
        variance = (1.0 - bar_prev) / (1.0 - bar_t) * betas[step]
        out[i] = coef_x0 * x0_pred + coef_xt * x_t[i] + np.sqrt(variance) * z[i]
    return out
