"""Cases for ddpm_reverse_step: the last step (t = 0) and single examples first, then mixed steps, images."""

import numpy as np


def _linear_betas(steps):
    return np.linspace(1e-4, 0.02, steps)


def _cosine_betas(steps, s=0.008):
    f = np.cos((np.arange(steps + 1) / steps + s) / (1 + s) * np.pi / 2) ** 2
    return np.clip(1 - f[1:] / f[:-1], 0, 0.999)


def _case(name, seed, shape, steps, betas):
    rng = np.random.default_rng(seed)
    n = shape[0]
    x_t = rng.standard_normal(shape)
    eps = rng.standard_normal(shape)
    z = rng.standard_normal(shape)
    return {"name": name, "args": [x_t, np.asarray(steps, dtype=np.int64).reshape(n), eps, betas, z], "kwargs": {}}


def cases() -> list[dict]:
    lin = _linear_betas(1000)
    return [
        _case("one example at t = 0 (no noise added)", 1, (1, 3), [0], lin),
        _case("one example at t = 1", 2, (1, 3), [1], lin),
        _case("one example at the first reverse step t = T - 1", 3, (1, 4), [999], lin),
        _case("two-step schedule, both steps", 4, (2, 2), [1, 0], np.array([0.1, 0.2])),
        _case("batch of images at mixed steps", 5, (4, 3, 4, 4), [0, 10, 500, 999], lin),
        _case("cosine schedule, T 50", 6, (3, 2, 5), [49, 25, 0], _cosine_betas(50)),
        _case("larger: 16 x 4 x 32 x 32", 7, (16, 4, 32, 32), list(range(0, 1000, 63))[:16], lin),
    ]
