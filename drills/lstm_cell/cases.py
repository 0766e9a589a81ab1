"""Cases for lstm_cell: single units and zero state first, then saturation, then random and larger."""

import numpy as np


def _case(name, seed, batch, inp, hid, scale=1.0, zero_state=False):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, inp)) * scale
    h = np.zeros((batch, hid)) if zero_state else rng.standard_normal((batch, hid))
    c = np.zeros((batch, hid)) if zero_state else rng.standard_normal((batch, hid))
    w_ih = rng.standard_normal((4 * hid, inp)) / np.sqrt(inp)
    w_hh = rng.standard_normal((4 * hid, hid)) / np.sqrt(hid)
    b_ih = rng.standard_normal(4 * hid) * 0.5
    b_hh = rng.standard_normal(4 * hid) * 0.5
    return {"name": name, "args": [x, h, c, w_ih, w_hh, b_ih, b_hh], "kwargs": {}}


def cases() -> list[dict]:
    return [
        _case("batch 1, one input, one unit", 1, 1, 1, 1),
        _case("zero initial state", 2, 2, 3, 2, zero_state=True),
        _case("batch 1, H 3", 3, 1, 2, 3),
        _case("input size differs from hidden size", 4, 3, 5, 2),
        _case("saturated gates (large inputs)", 5, 2, 4, 3, scale=30.0),
        _case("random B 4, I 6, H 5", 6, 4, 6, 5),
        _case("larger: B 16, I 32, H 64", 7, 16, 32, 64),
    ]
