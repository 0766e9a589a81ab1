"""Cases for lora_linear: the prompt's example, B = 0 at initialization, then random layers of growing size."""

import numpy as np


def _case(name, seed, n, d_in, d_out, r, alpha, zero_b=False):
    rng = np.random.default_rng(seed)
    b = np.zeros((d_out, r)) if zero_b else rng.standard_normal((d_out, r))
    return {"name": name, "args": [rng.standard_normal((n, d_in)), rng.standard_normal((d_out, d_in)),
                                   rng.standard_normal(d_out), rng.standard_normal((r, d_in)), b, alpha,
                                   rng.standard_normal((n, d_out))]}


def cases() -> list[dict]:
    example = [np.array([[1.0, 2.0]]), np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([[0.5], [0.0]]),
               2.0, np.array([[1.0, 1.0]])]
    return [
        {"name": "prompt example", "args": example},
        _case("B = 0 at initialization: y is the base layer", 1, 2, 3, 2, 1, 1.0, zero_b=True),
        _case("rank 2, alpha 4", 2, 4, 5, 3, 2, 4.0),
        _case("rank 4, alpha equal to rank", 3, 6, 8, 8, 4, 4.0),
        _case("rank 8, alpha 16", 4, 8, 16, 12, 8, 16.0),
        _case("larger: 128 x 256 -> 256, rank 16", 5, 128, 256, 256, 16, 32.0),
    ]
