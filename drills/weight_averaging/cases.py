"""Cases for weight_averaging: one update first, then several snapshots, EMA decays, several arrays, larger."""

import numpy as np


def _case(name, seed, shapes, updates, decay=None, read_count=True):
    rng = np.random.default_rng(seed)
    init = [rng.standard_normal(s) for s in shapes]
    script = []
    for _ in range(updates):
        script.append({"call": "update", "args": [[rng.standard_normal(s) for s in shapes]], "kwargs": {}})
    if read_count:
        script.append({"attr": "num_averaged"})
    kwargs = {} if decay is None else {"decay": decay}
    return {"name": name, "init": {"args": [init], "kwargs": kwargs}, "script": script}


def cases() -> list[dict]:
    return [
        _case("equal weights, one update (mean of two)", 1, [(1,)], 1),
        _case("EMA, one update", 2, [(3,)], 1, decay=0.9),
        _case("EMA with decay 0 follows the latest", 3, [(2,)], 3, decay=0.0),
        _case("equal weights, five snapshots", 4, [(4,)], 5),
        _case("EMA 0.99 over ten snapshots, two arrays", 5, [(2, 3), (3,)], 10, decay=0.99),
        _case("equal weights, several arrays", 6, [(2, 2), (5,), (1, 3)], 4),
        _case("larger: (256, 128) and (128,), 20 EMA updates", 7, [(256, 128), (128,)], 20, decay=0.999),
    ]
