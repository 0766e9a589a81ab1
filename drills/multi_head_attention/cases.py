"""Cases for multi_head_attention: tiny and degenerate shapes first, then masks, cross-attention, larger."""

import numpy as np


def _case(name, seed, batch, len_q, len_k, embed, heads, mask=None, cross=True, scale=1.0):
    rng = np.random.default_rng(seed)
    x_q = rng.standard_normal((batch, len_q, embed)) * scale
    x_kv = rng.standard_normal((batch, len_k, embed)) * scale if cross else x_q.copy()
    w = [rng.standard_normal((embed, embed)) / np.sqrt(embed) for _ in range(4)]
    return {"name": name, "args": [x_q, x_kv, *w, heads], "kwargs": {"mask": mask}}


def cases() -> list[dict]:
    causal4 = np.tril(np.ones((4, 4), dtype=bool))
    rng = np.random.default_rng(7)
    random_mask = rng.random((5, 6)) < 0.5
    random_mask[np.arange(5), rng.integers(0, 6, size=5)] = True
    return [
        _case("batch 1, length 1, one head", 1, 1, 1, 1, 4, 1, cross=False),
        _case("one head, self-attention", 2, 1, 3, 3, 4, 1, cross=False),
        _case("head size 1 (heads = E)", 3, 2, 3, 3, 4, 4, cross=False),
        _case("causal mask, 2 heads", 4, 2, 4, 4, 6, 2, mask=causal4, cross=False),
        _case("cross-attention, Lq != Lk", 5, 2, 2, 5, 8, 2),
        _case("cross-attention with a random mask", 6, 3, 5, 6, 8, 4, mask=random_mask),
        _case("large activations", 8, 2, 4, 4, 8, 2, cross=False, scale=20.0),
        _case("larger: B 4, L 32, E 64, 8 heads", 9, 4, 32, 32, 64, 8, mask=np.tril(np.ones((32, 32), bool))),
    ]
