"""Cases for label_smoothing_loss: the prompt's example, padding patterns, large logits, then a big batch."""

import numpy as np


def _case(name, seed, n, k, pad_share, smoothing, scale=2.0, ignore_index=-100):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal((n, k)) * scale
    targets = rng.integers(0, k, n).astype(np.int64)
    pad = rng.random(n) < pad_share
    pad[0] = False
    targets[pad] = ignore_index
    return {"name": name, "args": [logits, targets], "kwargs": {"smoothing": smoothing, "ignore_index": ignore_index}}


def cases() -> list[dict]:
    example = [np.array([[2.0, 0.0], [0.0, 0.0], [1.0, 3.0]]), np.array([0, -100, 1])]
    return [
        {"name": "one row, no smoothing", "args": [np.array([[0.0, 1.0]]), np.array([1])],
         "kwargs": {"smoothing": 0.0}},
        {"name": "prompt example, no smoothing", "args": example, "kwargs": {"smoothing": 0.0}},
        {"name": "prompt example, smoothing 0.2", "args": example, "kwargs": {"smoothing": 0.2}},
        _case("half padding, default smoothing", 1, 8, 5, 0.5, 0.1),
        _case("ignore_index 0 (pad token id 0)", 2, 10, 6, 0.3, 0.1, ignore_index=0),
        _case("large logits", 3, 6, 4, 0.3, 0.15, scale=400.0),
        _case("larger: 2048 tokens over 500 classes", 4, 2048, 500, 0.25, 0.1),
    ]
