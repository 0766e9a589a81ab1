import numpy as np


def _case(name, seed, shape, t, fresh=False, grad_scale=1.0, **kwargs):
    rng = np.random.default_rng(seed)
    param = rng.standard_normal(shape)
    grad = rng.standard_normal(shape) * grad_scale
    if fresh:
        m, v = np.zeros(shape), np.zeros(shape)
    else:
        m = rng.standard_normal(shape) * 0.1
        v = rng.random(shape) * 0.01
    return {"name": name, "args": [param, grad, m, v, t], "kwargs": kwargs}


def cases():
    return [
        _case("first step, one parameter", 0, (1,), 1, fresh=True),
        _case("first step, zero moments", 1, (3,), 1, fresh=True, lr=0.1),
        _case("second step", 2, (4,), 2),
        _case("tiny gradients (eps matters)", 3, (5,), 3, grad_scale=1e-9),
        _case("first step, tiny gradients, default eps", 9, (6,), 1, fresh=True, grad_scale=1e-8),
        _case("first step, tiny gradients, default eps, matrix", 12, (3, 3), 1, fresh=True, grad_scale=3e-9),
        _case("first step, tiny gradients, eps 1e-7", 10, (2, 2), 1, fresh=True, grad_scale=3e-8, eps=1e-7),
        _case("custom betas and eps", 4, (2, 3), 5, lr=0.01, beta1=0.8, beta2=0.99, eps=1e-6),
        _case("matrix, step 10", 5, (4, 5), 10),
        _case("custom betas 0.5 and 0.9, step 3", 11, (3, 2), 3, lr=0.02, beta1=0.5, beta2=0.9),
        _case("late step (bias correction near 1)", 6, (3, 4), 5000, lr=3e-4),
        _case("3-d tensor", 7, (2, 3, 4), 7, lr=0.05),
        _case("larger", 8, (64, 128), 20),
    ]
