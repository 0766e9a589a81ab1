"""Oracle for diffusion_training_loss, in numpy, with v computed from x_t (PyTorch has no op for this).

It uses v = (a * x_t - x0) / s, which equals a * noise - s * x0 because a^2 + s^2 = 1, and the per-example
schedule lookup written as a loop.
"""

import numpy as np


def oracle(x0, noise, t, betas, model_output, prediction_type="epsilon"):
    """Return (x_t, loss) as numpy arrays."""
    alpha_bar = np.cumprod(1.0 - betas)
    x_t = np.empty_like(x0)
    target = np.empty_like(x0)
    for i, step in enumerate(np.asarray(t)):
        a, s = np.sqrt(alpha_bar[step]), np.sqrt(1.0 - alpha_bar[step])
        x_t[i] = a * x0[i] + s * noise[i]
        target[i] = {"epsilon": noise[i], "sample": x0[i], "v_prediction": (a * x_t[i] - x0[i]) / s}[prediction_type]
    return x_t, np.mean((model_output - target) ** 2)
