"""Cases for attention_backward: the prompt's example, cross-attention shapes, causal, then batch and heads."""

import numpy as np


def _case(name, seed, lead, lq, lk, d, dv, causal=False, scale=1.0):
    rng = np.random.default_rng(seed)
    return {"name": name, "args": [rng.standard_normal((*lead, lq, d)) * scale,
                                   rng.standard_normal((*lead, lk, d)) * scale,
                                   rng.standard_normal((*lead, lk, dv)), rng.standard_normal((*lead, lq, dv))],
            "kwargs": {"causal": causal}}


def cases() -> list[dict]:
    example = [np.zeros((1, 2)), np.eye(2), np.array([[1.0], [3.0]]), np.array([[1.0]])]
    return [
        {"name": "prompt example", "args": example, "kwargs": {}},
        _case("one query, three keys", 1, (), 1, 3, 2, 2),
        _case("cross-attention, L != S", 2, (2,), 3, 5, 4, 3),
        _case("causal self-attention", 3, (), 4, 4, 3, 2, causal=True),
        _case("sharp scores", 4, (2,), 3, 3, 4, 4, scale=4.0),
        _case("larger: batch 2, 4 heads, 64 tokens, causal", 5, (2, 4), 64, 64, 16, 16, causal=True),
    ]
