"""Cases for debug_frozen_layer: one step, a few steps, then a longer run on more data."""

import numpy as np


def _case(name, seed, n, d_in, hidden, d_out, lr, steps):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d_in))
    y = np.tanh(x @ rng.standard_normal((d_in, d_out)))
    w1 = rng.standard_normal((d_in, hidden)) * np.sqrt(2.0 / d_in)
    w2 = rng.standard_normal((hidden, d_out)) / np.sqrt(hidden)
    return {"name": name, "args": [x, y, w1, w2, lr, steps]}


def cases() -> list[dict]:
    return [
        _case("one step", 1, 4, 2, 3, 1, 0.1, 1),
        _case("five steps", 2, 8, 3, 4, 2, 0.1, 5),
        _case("twenty steps, larger rate", 3, 16, 4, 8, 2, 0.3, 20),
        _case("larger: 256 examples, 100 steps", 4, 256, 16, 32, 4, 0.05, 100),
    ]
