"""Cases for flip_tta: one pixel and one column first, then 3x3 kernels, odd widths, a larger batch."""

import numpy as np


def _case(name, seed, n, c, k, hw, kernel):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, *hw))
    weight = rng.standard_normal((k, c, *kernel))
    return {"name": name, "args": [x, weight, rng.standard_normal(k)], "kwargs": {}}


def cases() -> list[dict]:
    return [
        _case("one pixel, 1x1 kernel", 1, 1, 1, 2, (1, 1), (1, 1)),
        _case("width 1 (the flip is a no-op)", 2, 1, 2, 3, (4, 1), (3, 3)),
        _case("one row, 1x3 kernel", 3, 1, 1, 2, (1, 5), (1, 3)),
        _case("3x3 kernel, batch 2", 4, 2, 3, 4, (5, 6), (3, 3)),
        _case("odd width, 5x5 kernel", 5, 1, 2, 3, (7, 9), (5, 5)),
        _case("3x1 kernel, even width", 7, 2, 2, 3, (6, 8), (3, 1)),
        _case("1x5 kernel, odd width", 8, 1, 3, 2, (4, 11), (1, 5)),
        _case("3x5 kernel, batch 2", 9, 2, 1, 4, (7, 7), (3, 5)),
        _case("5x3 kernel, even width", 10, 1, 2, 3, (8, 6), (5, 3)),
        _case("larger: 8 x 3 x 32 x 32, 10 classes", 6, 8, 3, 10, (32, 32), (3, 3)),
    ]
