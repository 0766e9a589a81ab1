"""Input cases for the ddpm_q_sample drill: edge cases first, then random, then larger."""

import numpy as np


def _linear(T):
    return np.linspace(1e-4, 0.02, T)


def _case(rng, name, shape, T, t=None):
    tt = rng.integers(0, T, size=shape[0]) if t is None else np.asarray(t)
    return {"name": name,
            "args": [rng.normal(size=shape), tt.astype(np.int64), rng.normal(size=shape), _linear(T)],
            "kwargs": {}}


def cases() -> list[dict]:
    rng = np.random.default_rng(1111)
    return [
        {"name": "t = 0, one scalar example",
         "args": [np.array([1.0]), np.array([0]), np.array([0.5]), np.array([0.1, 0.2, 0.3])], "kwargs": {}},
        {"name": "last timestep t = T - 1",
         "args": [np.array([[1.0, -1.0]]), np.array([2]), np.array([[0.5, 0.5]]), np.array([0.1, 0.2, 0.3])],
         "kwargs": {}},
        _case(rng, "batch of one image", (1, 3, 4, 4), 10, t=[5]),
        _case(rng, "different t per example (N, D)", (4, 3), 5, t=[0, 4, 1, 2]),
        _case(rng, "linear schedule, T = 1000, images", (6, 1, 5, 5), 1000, t=[0, 1, 10, 500, 998, 999]),
        _case(rng, "random batch (8, 2, 6)", (8, 2, 6), 100),
        _case(rng, "larger (16, 3, 32, 32), T = 1000", (16, 3, 32, 32), 1000),
    ]
