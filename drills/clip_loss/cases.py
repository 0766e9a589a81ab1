"""Cases for clip_loss: a single pair and tiny batches first, then extreme temperatures, then larger."""

import numpy as np


def _case(name, seed, n, d, temperature, scale=1.0, correlated=0.0):
    rng = np.random.default_rng(seed)
    image = rng.standard_normal((n, d)) * scale
    text = correlated * image + rng.standard_normal((n, d)) * scale
    return {"name": name, "args": [image, text, temperature], "kwargs": {}}


def cases() -> list[dict]:
    return [
        _case("one pair (loss is exactly 0)", 1, 1, 3, 0.07),
        _case("two pairs, temperature 1", 2, 2, 2, 1.0),
        _case("unnormalized scales differ per row", 3, 3, 4, 0.5, scale=50.0),
        _case("random N 8, D 16, temperature 0.07", 4, 8, 16, 0.07, correlated=1.0),
        _case("tiny temperature 0.001 (logits up to 1000)", 5, 6, 8, 0.001, correlated=0.5),
        _case("non-square: N 5, D 3", 6, 5, 3, 0.2),
        _case("larger: N 128, D 64", 7, 128, 64, 0.07, correlated=2.0),
    ]
