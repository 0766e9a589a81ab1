"""Cases for adam_optimizer: one parameter and one step first, then many steps and several parameters."""

import numpy as np


def _case(name, seed, shapes, steps, grad_scale=1.0, zero_grad_steps=(), reuse=False, **hyper):
    rng = np.random.default_rng(seed)
    params = [rng.standard_normal(shape) for shape in shapes]
    script = []
    for step in range(steps):
        grads = [rng.standard_normal(shape) * grad_scale for shape in shapes]
        if step in zero_grad_steps:
            grads = [np.zeros(shape) for shape in shapes]
        script.append({"call": "step", "args": [grads], "kwargs": {}, "overwrite_args": reuse})
    init = {"args": [params], "kwargs": hyper, "overwrite_args": reuse}
    return {"name": name, "init": init, "script": script}


def cases() -> list[dict]:
    return [
        _case("one scalar parameter, one step", 1, [(1,)], 1),
        _case("one parameter, three steps", 2, [(3,)], 3, lr=0.1),
        _case("zero gradient on the first step", 3, [(4,)], 3, zero_grad_steps=(0,), lr=0.05),
        _case("two parameters of different shapes", 4, [(2, 3), (3,)], 4, lr=0.01, beta1=0.8, beta2=0.99),
        _case("caller reuses its arrays after each call", 9, [(3,), (2,)], 3, reuse=True, lr=0.1),
        _case("tiny gradients (eps matters)", 5, [(5,)], 5, grad_scale=1e-9, eps=1e-8),
        _case("huge gradients", 6, [(2, 2)], 3, grad_scale=1e6),
        _case("twenty steps, lr 0.01", 7, [(3,), (2,)], 20, lr=0.01),
        _case("custom betas 0.5 and 0.9, six steps", 10, [(4,)], 6, lr=0.05, beta1=0.5, beta2=0.9),
        _case("caller reuses its arrays, custom betas", 11, [(2, 2)], 4, reuse=True, lr=0.02, beta1=0.7, beta2=0.95),
        _case("larger: (128, 64) and (64,), five steps", 8, [(128, 64), (64,)], 5),
    ]
