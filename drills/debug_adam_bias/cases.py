"""Cases for debug_adam_bias: the first step, early steps, a late step, then a large parameter."""

import numpy as np


def _case(name, seed, shape, t, warm, **kwargs):
    rng = np.random.default_rng(seed)
    grad = rng.standard_normal(shape)
    if warm:
        m = rng.standard_normal(shape) * 0.1
        v = rng.uniform(0.1, 1.0, shape) * 0.01
    else:
        m, v = np.zeros(shape), np.zeros(shape)
    return {"name": name, "args": [rng.standard_normal(shape), grad, m, v, t], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("step 1 from zero state, one weight", 1, (1,), 1, False),
        _case("step 1, vector", 2, (5,), 1, False, lr=0.01),
        _case("step 10 with state", 3, (3, 4), 10, True),
        _case("step 100, custom betas", 4, (6,), 100, True, beta1=0.8, beta2=0.99, lr=0.005),
        _case("late step 10000 (correction near 1)", 5, (4, 4), 10000, True),
        _case("larger: 256 x 256, step 3", 6, (256, 256), 3, True, lr=3e-4),
    ]
