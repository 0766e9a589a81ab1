"""Cases for debug_mha_reshape: one head (where the bug hides), then 2, 4 and 8 heads."""

import numpy as np


def _case(name, seed, b, t, e, h):
    rng = np.random.default_rng(seed)
    ws = [rng.standard_normal((e, e)) / np.sqrt(e) for _ in range(4)]
    return {"name": name, "args": [rng.standard_normal((b, t, e)), *ws, h]}


def cases() -> list[dict]:
    return [
        _case("one head, one token", 1, 1, 1, 2, 1),
        _case("one head, three tokens", 2, 1, 3, 4, 1),
        _case("two heads", 3, 2, 3, 4, 2),
        _case("four heads, five tokens", 4, 2, 5, 8, 4),
        _case("larger: 8 heads, 64 tokens, E = 128", 5, 2, 64, 128, 8),
    ]
