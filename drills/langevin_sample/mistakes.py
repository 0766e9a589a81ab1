"""Known wrong versions of langevin_sample, used to name what a failing submission got wrong."""

import math


def _run(x0, grad_fn, step_size, noise, drift=0.5, noise_scale=None, sign=-1.0):
    scale = math.sqrt(step_size) if noise_scale is None else noise_scale
    x = x0
    for k in range(noise.shape[0]):
        x = x + sign * drift * step_size * grad_fn(x) + scale * noise[k]
    return x


def gradient_assumes_symmetric(x0, A, b, step_size, noise):
    return _run(x0, lambda x: x @ A.T + b, step_size, noise)


def noise_scaled_by_step(x0, A, b, step_size, noise):
    sym = 0.5 * (A + A.T)
    return _run(x0, lambda x: x @ sym + b, step_size, noise, noise_scale=step_size)


def full_step_drift(x0, A, b, step_size, noise):
    sym = 0.5 * (A + A.T)
    return _run(x0, lambda x: x @ sym + b, step_size, noise, drift=1.0)


def gradient_ascent(x0, A, b, step_size, noise):
    sym = 0.5 * (A + A.T)
    return _run(x0, lambda x: x @ sym + b, step_size, noise, sign=1.0)


MISTAKES = {
    "gradient_assumes_symmetric": (
        gradient_assumes_symmetric,
        "The gradient is taken as A x + b, which holds only for symmetric A; it is 0.5 (A + A^T) x + b.",
    ),
    "noise_scaled_by_step": (
        noise_scaled_by_step,
        "The noise is multiplied by step_size; Langevin dynamics scales it by sqrt(step_size).",
    ),
    "full_step_drift": (
        full_step_drift,
        "The gradient step is step_size * grad; with noise sqrt(step_size) the drift must be step_size / 2.",
    ),
    "gradient_ascent": (gradient_ascent, "The step climbs the energy (+grad) instead of descending it."),
}
