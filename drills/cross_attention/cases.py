"""Cases for cross_attention: one query and one token first, then padding patterns, more heads, larger."""

import numpy as np


def _case(name, seed, batch, len_q, len_k, embed, dc, heads, lengths=None):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, len_q, embed))
    context = rng.standard_normal((batch, len_k, dc))
    w_q, w_o = (rng.standard_normal((embed, embed)) / np.sqrt(embed) for _ in range(2))
    w_k, w_v = (rng.standard_normal((embed, dc)) / np.sqrt(dc) for _ in range(2))
    lengths = [len_k] * batch if lengths is None else lengths
    mask = np.arange(len_k)[None, :] < np.asarray(lengths)[:, None]
    return {"name": name, "args": [x, context, w_q, w_k, w_v, w_o, heads, mask], "kwargs": {}}


def cases() -> list[dict]:
    return [
        _case("one query, one context token", 1, 1, 1, 1, 4, 3, 1),
        _case("no padding, context wider than E", 2, 1, 3, 4, 4, 6, 2),
        _case("padding differs per batch element", 3, 3, 2, 5, 6, 4, 2, lengths=[5, 2, 1]),
        _case("head size 1 (heads = E), padded", 4, 2, 3, 4, 4, 2, 4, lengths=[3, 4]),
        _case("many queries, short context", 5, 2, 16, 3, 8, 5, 4, lengths=[1, 3]),
        _case("larger: 4 x 64 queries over 77 text tokens", 6, 4, 64, 77, 64, 32, 8, lengths=[77, 12, 40, 5]),
    ]
