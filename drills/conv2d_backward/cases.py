"""Input cases for the conv2d_backward drill: edge cases first, then random, then larger."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else v


def _case(rng, name, x_shape, w_shape, stride=1, padding=0):
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    n, _, h, wd = x_shape
    f, _, kh, kw = w_shape
    oh = (h + 2 * ph - kh) // sh + 1
    ow = (wd + 2 * pw - kw) // sw + 1
    args = [rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=(n, f, oh, ow))]
    return {"name": name, "args": args, "kwargs": {"stride": stride, "padding": padding}}


def cases() -> list[dict]:
    rng = np.random.default_rng(1717)
    return [
        {"name": "1x1 input, 1x1 kernel",
         "args": [np.array([[[[2.0]]]]), np.array([[[[3.0]]]]), np.array([[[[0.5]]]])], "kwargs": {}},
        _case(rng, "3x3 input, 2x2 kernel, one channel", (1, 1, 3, 3), (1, 1, 2, 2)),
        _case(rng, "padding 1 ('same' 3x3)", (1, 2, 4, 4), (3, 2, 3, 3), padding=1),
        _case(rng, "stride 2, last row/col unused", (1, 1, 6, 6), (2, 1, 3, 3), stride=2),
        _case(rng, "stride 2, padding 1", (2, 3, 5, 5), (4, 3, 3, 3), stride=2, padding=1),
        _case(rng, "rectangular kernel, stride (1, 2), padding (2, 0)", (1, 2, 5, 7), (2, 2, 3, 2),
              stride=(1, 2), padding=(2, 0)),
        _case(rng, "stride (2, 1), padding (0, 1), 3x2 kernel", (1, 1, 6, 5), (2, 1, 3, 2), stride=(2, 1),
              padding=(0, 1)),
        _case(rng, "non-square input, stride (1, 3), padding (1, 2)", (2, 2, 4, 9), (1, 2, 2, 3), stride=(1, 3),
              padding=(1, 2)),
        _case(rng, "random batch 3, 1x1 kernel", (3, 4, 5, 5), (6, 4, 1, 1)),
        {"name": "default stride and padding (no keyword arguments)",
         "args": [rng.normal(size=(2, 2, 5, 4)), rng.normal(size=(3, 2, 2, 2)), rng.normal(size=(2, 3, 4, 3))],
         "kwargs": {}},
        _case(rng, "larger (4, 8, 16, 16) * (16, 8, 3, 3), padding 1", (4, 8, 16, 16), (16, 8, 3, 3), padding=1),
    ]
