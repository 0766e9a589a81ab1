"""Wrong batchnorm_backward implementations an interviewee commonly writes."""

import numpy as np


def _stats(x, eps, ddof=0):
    mu = x.mean(axis=0)
    inv_std = 1.0 / np.sqrt(x.var(axis=0, ddof=ddof) + eps)
    return (x - mu) * inv_std, inv_std


def stats_treated_as_constants(x, gamma, dout, eps=1e-5):
    xhat, inv_std = _stats(x, eps)
    return gamma * inv_std * dout, (dout * xhat).sum(axis=0), dout.sum(axis=0)


def mean_path_only(x, gamma, dout, eps=1e-5):
    xhat, inv_std = _stats(x, eps)
    return gamma * inv_std * (dout - dout.mean(axis=0)), (dout * xhat).sum(axis=0), dout.sum(axis=0)


def unbiased_variance(x, gamma, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = x.var(axis=0, ddof=1)
    inv_std = 1.0 / np.sqrt(var + eps)
    xc = x - mu
    xhat = xc * inv_std
    dxhat = dout * gamma
    dvar = np.sum(dxhat * xc, axis=0) * -0.5 * inv_std ** 3
    dmu = -np.sum(dxhat * inv_std, axis=0)
    dx = dxhat * inv_std + dvar * 2.0 * xc / (n - 1) + dmu / n
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)


MISTAKES = {
    "stats_treated_as_constants": (stats_treated_as_constants,
                                   "Treats the batch mean and variance as constants (dx = gamma * dout / std); "
                                   "in training mode they depend on x."),
    "mean_path_only": (mean_path_only, "Backpropagates through the mean but not through the variance: the "
                                       "- xhat * mean(dout * xhat) term is missing."),
    "unbiased_variance": (unbiased_variance, "Normalizes with the unbiased variance (divide by N - 1); batch norm "
                                             "normalizes with the biased one (divide by N)."),
}
