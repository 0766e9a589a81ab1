"""Cases for linear_layer: scripted forward/backward calls, one sample first, then repeated calls."""

import numpy as np


def _layer(rng, n_in, n_out):
    return {"args": [rng.standard_normal((n_out, n_in)), rng.standard_normal(n_out)], "kwargs": {}}


def _pass(rng, n, n_in, n_out):
    return [
        {"call": "forward", "args": [rng.standard_normal((n, n_in))], "kwargs": {}},
        {"call": "backward", "args": [rng.standard_normal((n, n_out))], "kwargs": {}},
        {"attr": "dw"},
        {"attr": "db"},
    ]


def _case(name, seed, n_in, n_out, batches):
    rng = np.random.default_rng(seed)
    init = _layer(rng, n_in, n_out)
    script = [step for n in batches for step in _pass(rng, n, n_in, n_out)]
    return {"name": name, "init": init, "script": script}


def cases() -> list[dict]:
    return [
        _case("one sample, one input, one output", 1, 1, 1, [1]),
        _case("one sample, 3 inputs to 2 outputs", 2, 3, 2, [1]),
        _case("batch of 4, square weight", 3, 3, 3, [4]),
        _case("two passes: gradients replaced, not added", 4, 5, 3, [2, 2]),
        _case("two passes with different batch sizes", 5, 4, 6, [3, 7]),
        _case("larger: 64 x 128 -> 32, three passes", 6, 128, 32, [64, 64, 16]),
    ]
