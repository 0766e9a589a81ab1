"""Cases for debug_attention_softmax: one query and one key, then several of each, then batches and heads."""

import numpy as np


def _case(name, seed, lead, lq, lk, d, dv, scale=1.0):
    rng = np.random.default_rng(seed)
    return {"name": name, "args": [rng.standard_normal((*lead, lq, d)) * scale,
                                   rng.standard_normal((*lead, lk, d)) * scale, rng.standard_normal((*lead, lk, dv))]}


def cases() -> list[dict]:
    return [
        _case("one query, one key", 1, (), 1, 1, 2, 2),
        _case("one query, four keys", 2, (), 1, 4, 4, 3),
        _case("three queries, five keys", 3, (), 3, 5, 8, 2),
        _case("batch of two, distinctive keys", 4, (2,), 4, 6, 16, 4, scale=2.0),
        _case("larger: batch 2, 8 heads, 32 x 32, D = 64", 5, (2, 8), 32, 32, 64, 64),
    ]
