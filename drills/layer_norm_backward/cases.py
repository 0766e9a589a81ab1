"""Cases for layer_norm_backward: the prompt's example, one row, then batches and sequences."""

import numpy as np


def _case(name, seed, shape, scale=1.0, shift=0.0, eps=1e-5):
    rng = np.random.default_rng(seed)
    d = shape[-1]
    return {"name": name, "args": [rng.standard_normal(shape) * scale + shift, rng.uniform(0.5, 1.5, d),
                                   rng.standard_normal(shape)], "kwargs": {"eps": eps}}


def cases() -> list[dict]:
    return [
        {"name": "prompt example (two features)",
         "args": [np.array([[1.0, 3.0]]), np.ones(2), np.array([[1.0, 0.0]])], "kwargs": {"eps": 0.0}},
        _case("one row of 5", 1, (1, 5)),
        _case("batch of 4 rows", 2, (4, 6)),
        _case("batch x time x features", 3, (2, 3, 8)),
        _case("shifted, wide inputs, eps 1e-3", 4, (3, 10), scale=20.0, shift=100.0, eps=1e-3),
        _case("larger: 8 x 128 x 256", 5, (8, 128, 256)),
    ]
