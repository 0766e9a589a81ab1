"""Cases for batchnorm1d_module: scripted train/eval calls, smallest batches first, then (N, C, L) inputs."""

import numpy as np


def _train(x):
    return [
        {"call": "forward", "args": [x], "kwargs": {"training": True}},
        {"attr": "running_mean"},
        {"attr": "running_var"},
    ]


def _eval(x):
    return [{"call": "forward", "args": [x], "kwargs": {"training": False}}]


def _case(name, seed, channels, train_shapes, eval_shapes, momentum=None, shift=0.0, spread=1.0):
    rng = np.random.default_rng(seed)
    init = {"args": [rng.uniform(0.5, 2.0, channels), rng.standard_normal(channels)], "kwargs": {}}
    if momentum is not None:
        init["kwargs"]["momentum"] = momentum
    script = []
    for shape in train_shapes:
        script += _train(rng.standard_normal(shape) * spread + shift)
    for shape in eval_shapes:
        script += _eval(rng.standard_normal(shape) * spread + shift)
    script += [{"attr": "running_mean"}, {"attr": "running_var"}]
    return {"name": name, "init": init, "script": script}


def cases() -> list[dict]:
    return [
        _case("batch of 2, one channel, one step", 1, 1, [(2, 1)], []),
        _case("one training step then eval on one sample", 2, 3, [(4, 3)], [(1, 3)]),
        _case("three training steps, momentum 0.3", 3, 2, [(5, 2), (3, 2), (8, 2)], [(2, 2)], momentum=0.3),
        _case("momentum 0.5, two steps, then eval", 7, 2, [(4, 2), (6, 2)], [(3, 2)], momentum=0.5),
        _case("(N, C, L) input: stats over N and L", 4, 3, [(2, 3, 5), (1, 3, 4)], [(2, 3, 5)]),
        _case("shifted, wide data (mean 50, std 10)", 5, 4, [(16, 4), (16, 4)], [(4, 4)], shift=50.0, spread=10.0),
        _case("larger: 64 x 32 x 16, two steps", 6, 32, [(64, 32, 16), (64, 32, 16)], [(8, 32, 16)]),
    ]
