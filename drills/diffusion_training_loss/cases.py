"""Cases for diffusion_training_loss: one value per parameterization first, then mixed steps and images."""

import numpy as np


def _linear(steps):
    return np.linspace(1e-4, 0.02, steps)


def _case(name, seed, shape, steps, betas, kind):
    rng = np.random.default_rng(seed)
    x0 = rng.standard_normal(shape)
    noise = rng.standard_normal(shape)
    out = rng.standard_normal(shape)
    t = np.asarray(steps, dtype=np.int64)
    return {"name": name, "args": [x0, noise, t, betas, out], "kwargs": {"prediction_type": kind}}


def cases() -> list[dict]:
    two = np.array([0.36, 0.5])
    lin = _linear(1000)
    return [
        _case("one value, epsilon, t = 0", 1, (1, 1), [0], two, "epsilon"),
        _case("one value, v prediction, t = 1", 2, (1, 1), [1], two, "v_prediction"),
        _case("one value, sample prediction", 3, (1, 2), [1], two, "sample"),
        _case("epsilon, mixed steps, images", 4, (4, 3, 4, 4), [0, 250, 500, 999], lin, "epsilon"),
        _case("v prediction, mixed steps, images", 5, (4, 3, 4, 4), [999, 10, 500, 0], lin, "v_prediction"),
        _case("sample prediction near pure noise", 6, (3, 2, 5), [998, 999, 990], lin, "sample"),
        _case("larger: 16 x 4 x 32 x 32, v prediction", 7, (16, 4, 32, 32), list(range(0, 1000, 63)), lin,
              "v_prediction"),
    ]
