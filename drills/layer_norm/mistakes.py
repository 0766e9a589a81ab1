import numpy as np


def unbiased_variance(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True) if x.shape[-1] > 1 else np.zeros_like(mean)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def eps_outside_sqrt(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    return (x - mean) / (x.std(axis=-1, keepdims=True) + eps) * gamma + beta


def normalizes_first_axis(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


MISTAKES = {
    "unbiased_variance": (unbiased_variance, "uses the unbiased variance (divides by D - 1) instead of D."),
    "eps_outside_sqrt": (eps_outside_sqrt, "adds eps to the standard deviation instead of to the variance."),
    "normalizes_first_axis": (
        normalizes_first_axis,
        "takes the statistics over the batch axis (as batch norm does) instead of the last axis.",
    ),
}
