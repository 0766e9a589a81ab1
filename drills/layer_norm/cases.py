import numpy as np


def _case(name, seed, shape, offset=0.0, spread=1.0, constant_row=False, **kwargs):
    rng = np.random.default_rng(seed)
    d = shape[-1]
    x = rng.standard_normal(shape) * spread + offset
    if constant_row:
        x.reshape(-1, d)[0] = 3.0
    gamma = rng.standard_normal(d)
    beta = rng.standard_normal(d)
    return {"name": name, "args": [x, gamma, beta], "kwargs": kwargs}


def cases():
    return [
        _case("D = 1 (output is beta)", 0, (2, 1)),
        _case("a single vector", 1, (4,)),
        _case("two rows, eps 0.1", 2, (2, 3), eps=0.1),
        _case("a constant row (variance 0)", 3, (3, 4), constant_row=True),
        _case("batch and sequence axes", 4, (2, 3, 5)),
        _case("large offset", 5, (3, 6), offset=1e4),
        _case("tiny spread, eps matters", 6, (2, 8), spread=1e-3, eps=1e-3),
        _case("larger", 7, (8, 32, 64)),
    ]
