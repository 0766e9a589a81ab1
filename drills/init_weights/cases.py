"""Cases for init_weights: each scheme on linear and conv shapes, fan_in != fan_out, then a large conv."""

import numpy as np


def _case(name, seed, shape, scheme):
    rng = np.random.default_rng(seed)
    noise = rng.random(shape) if scheme.endswith("uniform") else rng.standard_normal(shape)
    return {"name": name, "args": [tuple(shape), scheme, noise]}


def cases() -> list[dict]:
    return [
        _case("1 x 1 linear, xavier_uniform", 1, (1, 1), "xavier_uniform"),
        _case("linear 3 -> 5, he_normal (fan_in is the second dim)", 2, (5, 3), "he_normal"),
        _case("linear 8 -> 2, xavier_normal", 3, (2, 8), "xavier_normal"),
        _case("linear 4 -> 16, he_uniform", 4, (16, 4), "he_uniform"),
        _case("conv 3 -> 8, 3 x 3, he_normal", 5, (8, 3, 3, 3), "he_normal"),
        _case("conv 16 -> 4, 5 x 5, xavier_uniform", 6, (4, 16, 5, 5), "xavier_uniform"),
        _case("conv1d 6 -> 10, kernel 7, he_uniform", 7, (10, 6, 7), "he_uniform"),
        _case("larger: conv 128 -> 256, 3 x 3, xavier_normal", 8, (256, 128, 3, 3), "xavier_normal"),
    ]
