"""Reference 2-D batch normalization (torch.nn.functional.batch_norm on (N, C, H, W))."""

import numpy as np


def batchnorm2d(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    """Returns (y, running_mean, running_var). Training normalizes with the batch statistics (biased
    variance) and updates the running ones (unbiased variance); eval uses the running statistics."""
    shape = (1, -1, 1, 1)
    if training:
        n = x.shape[0] * x.shape[2] * x.shape[3]
        mean = x.mean(axis=(0, 2, 3))
        var = x.var(axis=(0, 2, 3))
        running_mean = (1 - momentum) * running_mean + momentum * mean
        running_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
        running_mean, running_var = running_mean.copy(), running_var.copy()
    y = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return y * gamma.reshape(shape) + beta.reshape(shape), running_mean, running_var
