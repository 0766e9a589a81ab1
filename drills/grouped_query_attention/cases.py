"""Cases for grouped_query_attention: MQA and MHA extremes, groups of 2 and 4, causal, then larger."""

import numpy as np


def _case(name, seed, b, hq, hkv, length, s, d, causal=False):
    rng = np.random.default_rng(seed)
    args = [rng.standard_normal((b, hq, length, d)), rng.standard_normal((b, hkv, s, d)),
            rng.standard_normal((b, hkv, s, d))]
    return {"name": name, "args": args, "kwargs": {"causal": causal}}


def cases() -> list[dict]:
    return [
        {"name": "prompt example", "args": [np.array([[[[1.0]], [[-3.0]]]]), np.array([[[[2.0]]]]),
                                            np.array([[[[5.0]]]])], "kwargs": {}},
        _case("multi-query: 4 heads share one", 1, 1, 4, 1, 3, 5, 4),
        _case("groups of 2", 2, 2, 4, 2, 3, 4, 8),
        _case("Hkv = Hq (plain multi-head)", 3, 1, 3, 3, 2, 2, 4),
        _case("groups of 3, causal", 4, 2, 6, 2, 5, 5, 4, causal=True),
        _case("larger: 32 query heads, 8 kv heads, causal", 5, 2, 32, 8, 32, 32, 16, causal=True),
    ]
