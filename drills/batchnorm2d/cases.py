import numpy as np


def _case(name, seed, shape, training, **kwargs):
    rng = np.random.default_rng(seed)
    c = shape[1]
    x = rng.standard_normal(shape) * 2.0 + rng.standard_normal((1, c, 1, 1))
    gamma = rng.standard_normal(c)
    beta = rng.standard_normal(c)
    running_mean = rng.standard_normal(c) * 0.5
    running_var = rng.random(c) + 0.5
    return {"name": name, "args": [x, gamma, beta, running_mean, running_var, training], "kwargs": kwargs}


def cases():
    return [
        _case("two values, one channel, training", 0, (1, 1, 1, 2), True),
        _case("batch of one, training", 1, (1, 2, 2, 2), True),
        _case("1x1 spatial, batch of 3", 2, (3, 2, 1, 1), True),
        _case("eval mode uses running stats", 3, (2, 3, 2, 2), False),
        _case("training, momentum 0.5", 4, (2, 3, 3, 3), True, momentum=0.5),
        _case("training, large eps", 5, (2, 2, 3, 2), True, eps=0.5),
        _case("eval, custom eps", 6, (1, 4, 3, 3), False, eps=1e-3),
        _case("training, momentum 1 (keep only batch stats)", 7, (3, 2, 2, 3), True, momentum=1.0),
        _case("larger batch, training", 8, (8, 16, 8, 8), True),
    ]
