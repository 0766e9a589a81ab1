"""Cases for population_stability_index: tiny samples first, then shifts, empty bins, ties, larger samples."""

import numpy as np


def _case(name, expected, actual, **kwargs):
    return {"name": name, "args": [np.asarray(expected, dtype=np.float64), np.asarray(actual, dtype=np.float64)],
            "kwargs": kwargs}


def cases() -> list[dict]:
    rng = np.random.default_rng(3)
    base = rng.standard_normal(400)
    return [
        _case("two bins, eight values", [1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 2, 2, 7, 3, 1], bins=2),
        _case("identical samples (PSI 0)", base[:50], base[:50], bins=5),
        _case("same distribution, new draw", base, rng.standard_normal(300)),
        _case("mean shift by 0.5", base, rng.standard_normal(300) + 0.5),
        _case("actual far outside: empty bins hit eps", base, rng.standard_normal(200) + 10.0, bins=4),
        _case("discrete feature with ties on the edges", rng.integers(0, 5, 300), rng.integers(0, 6, 250), bins=4),
        _case("values exactly on the edges", [0.0, 1.0, 2.0, 3.0, 4.0, 4.0], [1.0, 1.0, 2.0, 3.0, 0.0, 2.0], bins=2),
        _case("actual far below: empty bins hit eps", rng.standard_normal(300), rng.standard_normal(100) - 8.0, bins=5),
        _case("larger: 20k vs 15k, 20 bins, scale change", rng.standard_normal(20000), rng.standard_normal(15000) * 1.3,
              bins=20, eps=1e-6),
    ]
