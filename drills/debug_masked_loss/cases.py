"""Cases for debug_masked_loss: no padding, ragged lengths, heavy padding, then a long padded batch."""

import numpy as np


def _case(name, seed, b, t, v, lengths=None, scale=2.0):
    rng = np.random.default_rng(seed)
    lengths = lengths if lengths is not None else rng.integers(1, t + 1, b)
    mask = np.arange(t)[None, :] < np.asarray(lengths)[:, None]
    return {"name": name, "args": [rng.standard_normal((b, t, v)) * scale,
                                   rng.integers(0, v, (b, t)).astype(np.int64), mask]}


def cases() -> list[dict]:
    return [
        _case("one sequence, no padding", 1, 1, 3, 4, lengths=[3]),
        _case("two sequences of lengths 1 and 4", 2, 2, 4, 5, lengths=[1, 4]),
        _case("ragged batch", 3, 4, 6, 7),
        _case("heavy padding: lengths 2 of 16", 4, 3, 16, 6, lengths=[2, 2, 2]),
        _case("larger: 8 x 256 over 1000 tokens, ragged", 5, 8, 256, 1000),
    ]
