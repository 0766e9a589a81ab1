import numpy as np


def _case(name, seed, x_shape, w_shape, bias=True, **kwargs):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal(w_shape)
    args = [x, w, rng.standard_normal(w_shape[0])] if bias else [x, w]
    return {"name": name, "args": args, "kwargs": kwargs}


def cases():
    return [
        _case("1x1 input, 1x1 kernel", 0, (1, 1, 1, 1), (1, 1, 1, 1)),
        _case("single channel, no bias", 1, (1, 1, 4, 4), (1, 1, 3, 3), bias=False),
        _case("batch of one, bias", 2, (1, 2, 5, 5), (3, 2, 3, 3)),
        _case("padding 1", 3, (2, 2, 5, 5), (3, 2, 3, 3), padding=1),
        _case("stride 2, padding 1", 4, (2, 3, 6, 6), (4, 3, 3, 3), stride=2, padding=1),
        _case("stride 2 with an odd size", 5, (1, 2, 7, 7), (2, 2, 2, 2), stride=2),
        _case("non-square kernel and input", 6, (2, 2, 5, 7), (3, 2, 2, 3), padding=(1, 0)),
        _case("different strides per axis", 7, (1, 2, 8, 9), (2, 2, 3, 3), stride=(1, 2), padding=(0, 1)),
        _case("dilation 2", 8, (2, 2, 7, 7), (3, 2, 3, 3), dilation=2),
        _case("dilation (2, 1), rectangular kernel", 13, (1, 2, 8, 6), (2, 2, 2, 3), dilation=(2, 1)),
        _case("groups 2", 9, (2, 4, 6, 6), (6, 2, 3, 3), groups=2, padding=1),
        _case("depthwise (groups = C)", 10, (1, 3, 5, 5), (3, 1, 3, 3), groups=3),
        _case("everything at once", 11, (2, 4, 9, 8), (4, 2, 3, 2), stride=(2, 1), padding=(1, 2),
              dilation=(1, 2), groups=2),
        _case("larger", 12, (4, 8, 16, 16), (16, 8, 3, 3), stride=1, padding=1),
    ]
