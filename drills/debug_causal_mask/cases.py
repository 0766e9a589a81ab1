"""Cases for debug_causal_mask: a one-token sequence (mask irrelevant), short sequences, then a long batch."""

import numpy as np


def _case(name, seed, b, t, e, h):
    rng = np.random.default_rng(seed)
    return {"name": name, "args": [rng.standard_normal((b, t, e)), rng.standard_normal((3 * e, e)) / np.sqrt(e),
                                   rng.standard_normal((e, e)) / np.sqrt(e), h]}


def cases() -> list[dict]:
    return [
        _case("one token (nothing to hide)", 1, 1, 1, 4, 1),
        _case("two tokens, one head", 2, 1, 2, 4, 1),
        _case("five tokens, two heads", 3, 2, 5, 8, 2),
        _case("eight tokens, four heads", 4, 3, 8, 16, 4),
        _case("larger: batch 4, 64 tokens, 8 heads", 5, 4, 64, 64, 8),
    ]
