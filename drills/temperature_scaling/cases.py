"""Cases for temperature_scaling: the prompt's example, over- and underconfident models, then a large set."""

import numpy as np


def _case(name, seed, n, k, signal, true_temperature, **kwargs):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal((n, k)) * signal
    p = np.exp(logits / true_temperature)
    p /= p.sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(k, p=row) for row in p], dtype=np.int64)
    return {"name": name, "args": [logits, labels], "kwargs": kwargs}


def cases() -> list[dict]:
    example = [np.array([[2.0, 0.0], [2.0, 0.0], [0.0, 2.0], [0.0, 2.0]]), np.array([0, 1, 1, 1])]
    return [
        {"name": "prompt example", "args": example, "kwargs": {}},
        _case("overconfident: true T 2.5", 1, 60, 3, 3.0, 2.5),
        _case("underconfident: true T 0.5", 2, 80, 4, 1.0, 0.5),
        _case("already calibrated, 10 bins", 3, 200, 5, 2.0, 1.0, n_bins=10),
        _case("many classes, 20 bins", 4, 300, 20, 2.5, 1.8, n_bins=20),
        _case("larger: 5000 examples, 10 classes", 5, 5000, 10, 3.0, 2.0),
    ]
