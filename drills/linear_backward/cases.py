"""Input cases for the linear_backward drill: edge cases first, then random, then larger."""

import numpy as np


def _case(rng, name, lead, n_in, n_out):
    x = rng.normal(size=(*lead, n_in))
    w = rng.normal(size=(n_out, n_in))
    b = rng.normal(size=(n_out,))
    dout = rng.normal(size=(*lead, n_out))
    return {"name": name, "args": [x, w, b, dout], "kwargs": {}}


def cases() -> list[dict]:
    rng = np.random.default_rng(1414)
    return [
        {"name": "one example, one input, one output",
         "args": [np.array([[2.0]]), np.array([[3.0]]), np.array([1.0]), np.array([[0.5]])], "kwargs": {}},
        _case(rng, "a single vector x of shape (in,), 3 -> 2", (), 3, 2),
        _case(rng, "batch of one, 3 -> 2", (1,), 3, 2),
        _case(rng, "square weight 4 -> 4 (transposes matter)", (3,), 4, 4),
        _case(rng, "batch 5, 6 -> 3", (5,), 6, 3),
        _case(rng, "a single vector x of shape (in,), 7 -> 4", (), 7, 4),
        _case(rng, "sequence input (B, L, in) = (2, 3, 4) -> 5", (2, 3), 4, 5),
        _case(rng, "random batch 16, 32 -> 10", (16,), 32, 10),
        _case(rng, "larger (4, 32, 128) -> 256", (4, 32), 128, 256),
    ]
