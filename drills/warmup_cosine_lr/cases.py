"""Cases for warmup_cosine_lr: the phase boundaries first, then full runs, a 2-D steps array, a long run."""

import numpy as np


def _case(name, steps, base_lr, warmup, total, min_lr=None):
    kwargs = {} if min_lr is None else {"min_lr": min_lr}
    return {"name": name, "args": [np.asarray(steps, dtype=np.int64), base_lr, warmup, total], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("step 0 with a one-step warmup", [0], 0.1, 1, 5),
        _case("the boundaries: last warmup step, first decay step, total", [2, 3, 10], 1.0, 3, 10, min_lr=0.1),
        _case("whole run with the tail, min_lr 0", np.arange(0, 15), 3e-4, 4, 12),
        _case("unsorted steps in a 2-D array", [[9, 0, 5], [20, 3, 1]], 0.5, 2, 10, min_lr=0.05),
        _case("warmup one step short of total", np.arange(0, 8), 1.0, 5, 6, min_lr=0.2),
        _case("a single step as a 0-d array", np.array(6), 0.2, 4, 10),
        _case("a column of steps, shape (5, 1)", np.arange(0, 10, 2).reshape(5, 1), 1.0, 3, 9, min_lr=0.1),
        _case("3-D steps (2, 2, 3)", np.arange(12).reshape(2, 2, 3) * 2, 0.3, 5, 20, min_lr=0.01),
        _case("long run: 10k steps, 500 warmup", np.arange(0, 10000, 7), 6e-4, 500, 9000, min_lr=6e-5),
    ]
