"""Cases for adamw_step: first step from zero state, zero gradient, then later steps and larger shapes."""

import numpy as np


def _case(name, seed, shape, t, grad_scale=1.0, zero_grad=False, **hyper):
    rng = np.random.default_rng(seed)
    param = rng.standard_normal(shape)
    grad = np.zeros(shape) if zero_grad else rng.standard_normal(shape) * grad_scale
    if t == 1:
        m, v = np.zeros(shape), np.zeros(shape)
    else:
        m = rng.standard_normal(shape) * 0.1 * grad_scale
        v = rng.uniform(0.01, 1.0, shape) * grad_scale**2
    return {"name": name, "args": [param, grad, m, v, t], "kwargs": hyper}


def cases() -> list[dict]:
    return [
        _case("first step, one element", 1, (1,), 1),
        _case("first step, default hyperparameters", 2, (4,), 1),
        _case("zero gradient: only the decay acts", 3, (3,), 5, zero_grad=True, lr=0.1, weight_decay=0.5),
        _case("first step, tiny gradients (eps matters)", 8, (4,), 1, grad_scale=1e-8),
        _case("step 4, tiny gradients and moments", 9, (2, 3), 4, grad_scale=2e-8, lr=0.01),
        _case("step 10, strong decay", 4, (2, 3), 10, lr=0.01, weight_decay=0.3),
        _case("no decay (plain Adam)", 5, (5,), 3, weight_decay=0.0, lr=0.05),
        _case("large gradients, custom betas", 6, (3, 2), 7, grad_scale=1e4, beta1=0.8, beta2=0.99,
              lr=0.02, weight_decay=0.1),
        _case("custom betas 0.7 and 0.95, step 3", 10, (4,), 3, lr=0.05, beta1=0.7, beta2=0.95, weight_decay=0.2),
        _case("larger: (256, 64), step 100", 7, (256, 64), 100, lr=3e-4, weight_decay=0.05),
    ]
