"""Wrong dropout implementations an interviewee commonly writes."""

import numpy as np


def no_rescale(x, p, training, u):
    if not training:
        return x.copy()
    return np.where(u >= p, x, 0.0)


def keep_where_below_p(x, p, training, u):
    if not training or p == 0.0:
        return x.copy()
    if p == 1.0:
        return np.zeros_like(x)
    return np.where(u < p, x / (1.0 - p), 0.0)


def scale_by_keep_prob(x, p, training, u):
    if not training:
        return x.copy()
    return np.where(u >= p, x * (1.0 - p), 0.0)


def drops_in_eval(x, p, training, u):
    if p == 1.0:
        return np.zeros_like(x)
    return np.where(u >= p, x / (1.0 - p), 0.0)


MISTAKES = {
    "no_rescale": (no_rescale, "Zeroes dropped units but does not scale the kept ones by 1 / (1 - p), so the "
                               "expected activation shrinks during training."),
    "keep_where_below_p": (keep_where_below_p, "Keeps units where u < p: p becomes the keep probability "
                                               "instead of the drop probability."),
    "scale_by_keep_prob": (scale_by_keep_prob, "Multiplies kept units by (1 - p) (the old test-time scaling) "
                                               "instead of dividing by it."),
    "drops_in_eval": (drops_in_eval, "Still drops units when training is False; evaluation must return x "
                                     "unchanged."),
}
