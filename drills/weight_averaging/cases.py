"""Cases for weight_averaging: one update first, then several snapshots, EMA decays (0 included), a caller
that reuses its weight arrays after each call, several arrays, larger."""

import numpy as np


def _case(name, seed, shapes, updates, decay=None, read_count=True, reuse=False):
    rng = np.random.default_rng(seed)
    init = {"args": [[rng.standard_normal(s) for s in shapes]], "kwargs": {} if decay is None else {"decay": decay}}
    if reuse:  # the caller overwrites the arrays it passed once each call returns
        init["overwrite_args"] = True
    script = []
    for _ in range(updates):
        step = {"call": "update", "args": [[rng.standard_normal(s) for s in shapes]], "kwargs": {}}
        if reuse:
            step["overwrite_args"] = True
        script.append(step)
    if read_count:
        script.append({"attr": "num_averaged"})
    return {"name": name, "init": init, "script": script}


def cases() -> list[dict]:
    return [
        _case("equal weights, one update (mean of two)", 1, [(1,)], 1),
        _case("EMA, one update", 2, [(3,)], 1, decay=0.9),
        _case("EMA with decay 0 follows the latest", 3, [(2,)], 3, decay=0.0),
        _case("EMA with decay 0, one update", 8, [(3,)], 1, decay=0.0),
        _case("equal weights, five snapshots", 4, [(4,)], 5),
        _case("caller reuses its arrays after each call (equal weights)", 9, [(3,), (2, 2)], 3, reuse=True),
        _case("caller reuses its arrays after each call (EMA 0.5)", 10, [(4,)], 3, decay=0.5, reuse=True),
        _case("EMA 0.99 over ten snapshots, two arrays", 5, [(2, 3), (3,)], 10, decay=0.99, reuse=True),
        _case("equal weights, several arrays", 6, [(2, 2), (5,), (1, 3)], 4, reuse=True),
        _case("EMA with decay 0 over several arrays", 11, [(2, 2), (3,)], 4, decay=0.0, reuse=True),
        _case("larger: (256, 128) and (128,), 20 EMA updates", 7, [(256, 128), (128,)], 20, decay=0.999),
    ]
