"""Cases for dpo_loss: one example and ties first, then other betas, extreme margins and a larger batch."""

import numpy as np


def _random(name, seed, n, beta=None, spread=20.0):
    rng = np.random.default_rng(seed)
    base = -rng.uniform(50, 400, size=(4, n))
    pi_c, pi_r, ref_c, ref_r = base + rng.standard_normal((4, n)) * spread
    kwargs = {} if beta is None else {"beta": beta}
    return {"name": name, "args": [pi_c, pi_r, ref_c, ref_r], "kwargs": kwargs}


def cases() -> list[dict]:
    one = [np.array([-12.0]), np.array([-15.0]), np.array([-13.0]), np.array([-14.0])]
    tie = [np.full(3, -20.0), np.full(3, -30.0), np.full(3, -20.0), np.full(3, -30.0)]
    extreme = [
        np.array([-10000.0, -100.0, -900.0]),
        np.array([-100.0, -10000.0, -905.0]),
        np.array([-2000.0, -2000.0, -900.0]),
        np.array([-2000.0, -2000.0, -900.0]),
    ]
    return [
        {"name": "one example, default beta", "args": one, "kwargs": {}},
        {"name": "policy equals reference (loss log 2)", "args": tie, "kwargs": {}},
        _random("random N 6, beta 0.5", 3, 6, beta=0.5),
        _random("random N 5, default beta", 7, 5, spread=5.0),
        _random("random N 10, beta 0.01", 4, 10, beta=0.01),
        {"name": "huge margins both ways (z = -990 and +990)", "args": extreme, "kwargs": {"beta": 0.1}},
        _random("larger: N 512", 6, 512, beta=0.1, spread=100.0),
    ]
