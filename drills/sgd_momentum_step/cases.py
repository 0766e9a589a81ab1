"""Input cases for the sgd_momentum_step drill: edge cases first, then random, then larger."""

import numpy as np


def _case(rng, name, shape, lr, first_step, **kwargs):
    param = rng.normal(size=shape)
    grad = rng.normal(size=shape)
    buf = np.zeros(shape) if first_step else rng.normal(size=shape)
    return {"name": name, "args": [param, grad, buf, lr], "kwargs": kwargs}


def cases() -> list[dict]:
    rng = np.random.default_rng(909)
    return [
        {"name": "first step, one parameter",
         "args": [np.array([1.0]), np.array([0.5]), np.array([0.0]), 0.1], "kwargs": {}},
        {"name": "second step, one parameter",
         "args": [np.array([0.95]), np.array([0.5]), np.array([0.5]), 0.1], "kwargs": {}},
        _case(rng, "first step with weight decay", (3,), 0.05, True, weight_decay=0.1),
        _case(rng, "later step, momentum 0.5", (2, 3), 0.2, False, momentum=0.5),
        _case(rng, "Nesterov, first step", (4,), 0.1, True, nesterov=True),
        _case(rng, "Nesterov with weight decay, later step", (3, 3), 0.01, False, momentum=0.95,
              weight_decay=0.01, nesterov=True),
        _case(rng, "later step with weight decay", (5, 4), 0.1, False, momentum=0.9, weight_decay=5e-4),
        _case(rng, "larger 256x256", (256, 256), 0.03, False, momentum=0.9, weight_decay=1e-4),
    ]
