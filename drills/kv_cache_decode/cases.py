"""Cases for kv_cache_decode: empty and tiny caches first, then random batches, then a longer cache."""

import numpy as np


def _case(name, seed, b, e, h, t):
    rng = np.random.default_rng(seed)
    d = e // h
    ws = [rng.standard_normal((e, e)) / np.sqrt(e) for _ in range(4)]
    x = rng.standard_normal((b, e))
    k_cache = rng.standard_normal((b, h, t, d))
    v_cache = rng.standard_normal((b, h, t, d))
    return {"name": name, "args": [x, *ws, k_cache, v_cache, h]}


def cases() -> list[dict]:
    eye = np.eye(2)
    example = {"name": "prompt example", "args": [np.array([[1.0, 0.0]]), eye, eye, eye, eye,
                                                   np.array([[[[0.0, 1.0]]]]), np.array([[[[0.0, 2.0]]]]), 1]}
    return [
        _case("empty cache (first token)", 1, 1, 2, 1, 0),
        example,
        _case("two heads, one past token", 2, 1, 4, 2, 1),
        _case("batch of 3, four heads", 3, 3, 8, 4, 5),
        _case("single head, longer cache", 4, 2, 6, 1, 12),
        _case("larger: batch 4, 8 heads, 64 cached tokens", 5, 4, 64, 8, 64),
    ]
