"""Cases for depthwise_separable_conv: 1x1 maps and single channels first, then stride/padding, then larger."""

import numpy as np


def _case(name, seed, n, c, f, hw, k, stride=1, padding=0, biases=True):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, *hw))
    w_depth = rng.standard_normal((c, 1, *k))
    w_point = rng.standard_normal((f, c, 1, 1))
    kwargs = {"stride": stride, "padding": padding}
    if biases:
        kwargs["b_depth"] = rng.standard_normal(c)
        kwargs["b_point"] = rng.standard_normal(f)
    return {"name": name, "args": [x, w_depth, w_point], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("1x1 map, 3x3 kernel, padding 1", 1, 1, 1, 1, (1, 1), (3, 3), padding=1),
        _case("one channel, no padding, no biases", 2, 1, 1, 2, (4, 4), (3, 3), biases=False),
        _case("batch 1, C 3 -> F 5, padding 1", 3, 1, 3, 5, (5, 5), (3, 3), padding=1),
        _case("stride 2, padding 1, odd size", 4, 2, 4, 3, (7, 7), (3, 3), stride=2, padding=1),
        _case("stride 2, even size, no padding", 5, 2, 2, 4, (6, 8), (3, 3), stride=2),
        _case("rectangular 3x5 kernel, padding 2", 6, 2, 3, 2, (5, 6), (3, 5), padding=2),
        _case("rectangular 1x3 kernel, stride 2", 8, 1, 2, 3, (4, 7), (1, 3), stride=2),
        _case("larger: 4 x 32 x 16 x 16 -> 64", 7, 4, 32, 64, (16, 16), (3, 3), padding=1),
    ]
