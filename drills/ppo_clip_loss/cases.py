"""Input cases for the ppo_clip_loss drill: edge cases first, then random, then larger."""

import numpy as np


def _case(rng, name, n, spread, clip_eps=None):
    old = -rng.random(size=n) * 3.0
    new = old + rng.normal(size=n) * spread
    kwargs = {} if clip_eps is None else {"clip_eps": clip_eps}
    return {"name": name, "args": [new, old, rng.normal(size=n)], "kwargs": kwargs}


def cases() -> list[dict]:
    rng = np.random.default_rng(1212)
    log = np.log
    return [
        {"name": "one sample, same policy (ratio 1)",
         "args": [np.array([-1.2]), np.array([-1.2]), np.array([2.0])], "kwargs": {}},
        {"name": "A > 0, ratio above 1 + eps (clipped)",
         "args": [np.array([log(0.6)]), np.array([log(0.4)]), np.array([1.0])], "kwargs": {}},
        {"name": "A < 0, ratio below 1 - eps (clipped)",
         "args": [np.array([log(0.1)]), np.array([log(0.5)]), np.array([-2.0])], "kwargs": {}},
        {"name": "A < 0, ratio above 1 + eps (not clipped)",
         "args": [np.array([log(0.9)]), np.array([log(0.3)]), np.array([-1.0])], "kwargs": {}},
        {"name": "A > 0, ratio below 1 - eps (not clipped)",
         "args": [np.array([log(0.2)]), np.array([log(0.5)]), np.array([3.0])], "kwargs": {}},
        {"name": "mixed batch, clip_eps 0.1",
         "args": [np.array([log(0.6), log(0.1), log(0.9), log(0.5)]),
                  np.array([log(0.4), log(0.5), log(0.3), log(0.5)]), np.array([1.0, -2.0, -1.0, 0.5])],
         "kwargs": {"clip_eps": 0.1}},
        _case(rng, "random 16", 16, 0.3),
        _case(rng, "larger 100000, clip_eps 0.3", 100000, 0.5, clip_eps=0.3),
    ]
