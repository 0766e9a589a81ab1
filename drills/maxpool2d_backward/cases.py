"""Input cases for the maxpool2d_backward drill: edge cases first, then random, then larger.

Inputs are continuous random values, so no window has a tie for its maximum.
"""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else v


def _case(rng, name, shape, kernel_size, stride=None):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    x = rng.normal(size=shape)
    oh = (shape[2] - kh) // sh + 1
    ow = (shape[3] - kw) // sw + 1
    dout = rng.normal(size=(shape[0], shape[1], oh, ow))
    kwargs = {} if stride is None else {"stride": stride}
    return {"name": name, "args": [x, dout, kernel_size], "kwargs": kwargs}


def cases() -> list[dict]:
    rng = np.random.default_rng(707)
    return [
        {"name": "1x1x2x2, kernel 2",
         "args": [np.array([[[[1.0, 4.0], [3.0, 2.0]]]]), np.array([[[[5.0]]]]), 2], "kwargs": {}},
        _case(rng, "kernel 2 on 4x4 (non-overlapping)", (1, 1, 4, 4), 2),
        _case(rng, "odd size 5x5, kernel 2 (last row/col get no gradient)", (1, 2, 5, 5), 2),
        _case(rng, "overlapping windows, kernel 3, stride 1", (1, 1, 5, 5), 3, 1),
        _case(rng, "kernel 3, stride 2", (2, 2, 7, 8), 3, 2),
        _case(rng, "rectangular kernel (2, 3), stride (1, 2)", (1, 3, 5, 7), (2, 3), (1, 2)),
        _case(rng, "rectangular kernel (3, 2), default stride", (2, 2, 7, 6), (3, 2)),
        _case(rng, "rectangular kernel (1, 3), stride (2, 1)", (1, 2, 6, 7), (1, 3), (2, 1)),
        _case(rng, "random batch, kernel 2", (3, 4, 8, 8), 2),
        _case(rng, "larger 8x16x32x32, kernel 3, stride 2", (8, 16, 32, 32), 3, 2),
    ]
