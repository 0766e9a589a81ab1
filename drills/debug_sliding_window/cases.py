"""Cases for debug_sliding_window: window 1 (self only), small windows, a window longer than the sequence."""

import numpy as np


def _case(name, seed, lead, t, d, dv, window):
    rng = np.random.default_rng(seed)
    return {"name": name, "args": [rng.standard_normal((*lead, t, d)), rng.standard_normal((*lead, t, d)),
                                   rng.standard_normal((*lead, t, dv)), window]}


def cases() -> list[dict]:
    return [
        _case("window 1: each token sees itself", 1, (), 3, 2, 2, 1),
        _case("window 2", 2, (), 5, 4, 3, 2),
        _case("window 3 with batch and heads", 3, (2, 2), 8, 4, 4, 3),
        _case("window longer than the sequence (plain causal)", 4, (1,), 4, 4, 2, 10),
        _case("larger: 2 x 4 heads, 128 tokens, window 16", 5, (2, 4), 128, 16, 16, 16),
    ]
