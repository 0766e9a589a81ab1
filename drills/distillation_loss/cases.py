"""Cases for distillation_loss: the prompt's example, pure soft and pure hard terms, then random batches."""

import numpy as np


def _case(name, seed, n, k, scale, **kwargs):
    rng = np.random.default_rng(seed)
    teacher = rng.standard_normal((n, k)) * scale
    student = teacher * 0.5 + rng.standard_normal((n, k))
    return {"name": name, "args": [student, teacher, rng.integers(0, k, n).astype(np.int64)], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        {"name": "prompt example", "args": [np.array([[0.0, 0.0]]), np.array([[2.0, 0.0]]), np.array([0])],
         "kwargs": {"temperature": 2.0, "alpha": 0.5}},
        _case("soft term only (alpha 0)", 1, 3, 4, 2.0, temperature=3.0, alpha=0.0),
        _case("T = 1", 2, 4, 5, 2.0, temperature=1.0, alpha=0.3),
        _case("default T = 4, alpha = 0.5", 3, 6, 10, 3.0),
        _case("confident teacher, T = 10", 4, 8, 10, 20.0, temperature=10.0, alpha=0.1),
        _case("larger: 256 x 1000", 5, 256, 1000, 4.0, temperature=2.0, alpha=0.5),
    ]
