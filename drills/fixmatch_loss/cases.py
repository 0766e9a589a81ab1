"""Cases for fixmatch_loss: one example and all-or-nothing masks first, then mixed masks, large logits, larger."""

import numpy as np


def _case(name, seed, n, k, weak_scale, strong_scale=1.0, threshold=None, strong_shift=0.0):
    rng = np.random.default_rng(seed)
    weak = rng.standard_normal((n, k)) * weak_scale
    strong = rng.standard_normal((n, k)) * strong_scale + strong_shift
    kwargs = {} if threshold is None else {"threshold": threshold}
    return {"name": name, "args": [weak, strong], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("one confident example", 1, 1, 3, 20.0),
        _case("one unconfident example (loss 0)", 2, 1, 3, 0.1),
        _case("nobody confident (loss 0)", 3, 4, 5, 0.5),
        _case("everybody confident, threshold 0.5", 4, 4, 3, 10.0, threshold=0.5),
        _case("mixed confidence, default threshold", 5, 12, 4, 4.0),
        _case("large logits (about 1e3)", 6, 6, 5, 400.0, strong_scale=300.0, strong_shift=1000.0),
        _case("large weak logits, threshold 0.9", 8, 8, 4, 900.0, strong_scale=2.0, threshold=0.9),
        _case("threshold 0.6, moderate confidence", 9, 16, 3, 1.5, threshold=0.6),
        _case("larger: N 1024, K 100, threshold 0.7", 7, 1024, 100, 3.0, threshold=0.7),
    ]
