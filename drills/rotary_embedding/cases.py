"""Cases for rotary_embedding: the prompt's example, then random heads and batches, then a long sequence."""

import numpy as np


def _case(name, seed, shape, positions, **kwargs):
    rng = np.random.default_rng(seed)
    return {"name": name, "args": [rng.standard_normal(shape), np.asarray(positions, dtype=np.int64)],
            "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        {"name": "prompt example", "args": [np.array([[1.0, 0.0, 1.0, 0.0]]), np.array([1])], "kwargs": {}},
        _case("one pair, positions 0 to 3", 1, (4, 2), [0, 1, 2, 3]),
        _case("positions after a cache of 5", 2, (3, 8), [5, 6, 7]),
        _case("heads axis, D = 6", 3, (2, 5, 6), [0, 1, 2, 3, 4]),
        _case("base 500000", 4, (4, 16), [0, 10, 100, 1000], base=500000.0),
        _case("batch and heads, 128 positions, D = 64", 5, (2, 4, 128, 64), np.arange(128)),
    ]
