"""Cases for group_norm: the two extreme groupings and a batch of one first, then random and larger."""

import numpy as np


def _case(name, seed, shape, groups, shift=0.0, spread=1.0, eps=None, constant_channel=False):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape) * spread + shift
    if constant_channel:
        x[:, : shape[1] // groups] = 3.0
    c = shape[1]
    kwargs = {} if eps is None else {"eps": eps}
    return {"name": name, "args": [x, groups, rng.uniform(0.5, 2.0, c), rng.standard_normal(c)], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("one sample, one group (layer-norm-like)", 1, (1, 2, 1, 2), 1),
        _case("one channel per group (instance-norm-like)", 2, (2, 3, 2, 2), 3),
        _case("1x1 spatial, 2 groups of 2 channels", 3, (3, 4, 1, 1), 2),
        _case("a constant group (variance 0)", 4, (2, 4, 2, 3), 2, constant_channel=True),
        _case("random 4 groups of 2, eps 1e-3", 5, (2, 8, 3, 3), 4, eps=1e-3),
        _case("shifted data (mean 100)", 6, (2, 6, 4, 4), 3, shift=100.0, spread=5.0),
        _case("small spread, eps 0.05", 8, (2, 4, 3, 2), 2, spread=0.2, eps=0.05),
        _case("larger: 8 x 32 x 16 x 16, 8 groups", 7, (8, 32, 16, 16), 8),
    ]
