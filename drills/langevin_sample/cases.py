"""Cases for langevin_sample: one step and one dimension first, then asymmetric A, many steps, larger."""

import numpy as np


def _case(name, seed, n, d, steps, step_size, symmetric=False, zero_noise=False):
    rng = np.random.default_rng(seed)
    m = rng.standard_normal((d, d))
    a = m @ m.T / d + np.eye(d) if symmetric else m @ m.T / d + np.eye(d) + rng.standard_normal((d, d))
    b = rng.standard_normal(d)
    x0 = rng.standard_normal((n, d)) * 2
    noise = np.zeros((steps, n, d)) if zero_noise else rng.standard_normal((steps, n, d))
    return {"name": name, "args": [x0, a, b, step_size, noise], "kwargs": {}}


def cases() -> list[dict]:
    return [
        _case("one sample, one dimension, one step", 1, 1, 1, 1, 0.1, symmetric=True),
        _case("no noise: plain gradient descent", 2, 2, 3, 5, 0.2, symmetric=True, zero_noise=True),
        _case("non-symmetric A, one step", 3, 1, 3, 1, 0.1),
        _case("non-symmetric A, ten steps", 4, 3, 4, 10, 0.05),
        _case("small step, 50 steps", 5, 4, 2, 50, 0.01),
        _case("larger: 256 samples, D 16, 100 steps", 6, 256, 16, 100, 0.01),
    ]
