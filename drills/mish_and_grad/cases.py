"""Cases for mish_and_grad: single values and zero first, then ranges, extreme magnitudes, a large tensor."""

import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(5)
    return [
        {"name": "one value at zero", "args": [np.array([0.0])], "kwargs": {}},
        {"name": "small values around zero", "args": [np.array([-1.0, -0.1, 0.1, 1.0])], "kwargs": {}},
        {"name": "the minimum region (x near -1.19)", "args": [np.linspace(-2.0, -0.5, 7)], "kwargs": {}},
        {"name": "2-D input", "args": [rng.standard_normal((3, 4)) * 3], "kwargs": {}},
        {"name": "large magnitudes (|x| up to 1000)",
         "args": [np.array([-1000.0, -50.0, -20.0, 20.0, 50.0, 1000.0])], "kwargs": {}},
        {"name": "larger: 64 x 256", "args": [rng.standard_normal((64, 256)) * 4], "kwargs": {}},
    ]
