"""Cases for debug_batchnorm_eval: training steps, then evaluation on batches of one and of several."""

import numpy as np


def _case(name, seed, channels, train_shapes, eval_shapes, shift=0.0, spread=1.0, momentum=0.1):
    rng = np.random.default_rng(seed)
    init = {"args": [rng.uniform(0.5, 2.0, channels), rng.standard_normal(channels)], "kwargs": {"momentum": momentum}}
    script = []
    for shape in train_shapes:
        script += [{"call": "forward", "args": [rng.standard_normal(shape) * spread + shift],
                    "kwargs": {"training": True}}, {"attr": "running_mean"}, {"attr": "running_var"}]
    for shape in eval_shapes:
        script.append({"call": "forward", "args": [rng.standard_normal(shape) * spread + shift],
                       "kwargs": {"training": False}})
    script += [{"attr": "running_mean"}, {"attr": "running_var"}]
    return {"name": name, "init": init, "script": script}


def cases() -> list[dict]:
    return [
        _case("train one step, no eval", 1, 2, [(4, 2)], []),
        _case("train, then serve one example", 2, 3, [(8, 3)], [(1, 3)]),
        _case("train three steps, eval a batch", 3, 2, [(6, 2), (6, 2), (6, 2)], [(5, 2)], momentum=0.3),
        _case("(N, C, L) input, shifted data", 4, 4, [(4, 4, 5), (4, 4, 5)], [(1, 4, 5), (3, 4, 5)], shift=5.0,
              spread=3.0),
        _case("larger: 64 x 32 x 16, eval batch of one", 5, 32, [(64, 32, 16)] * 3, [(1, 32, 16), (16, 32, 16)]),
    ]
