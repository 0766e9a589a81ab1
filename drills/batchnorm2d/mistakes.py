import numpy as np


def _bn(x, gamma, beta, rm, rv, training, momentum, eps, norm_ddof=0, run_ddof=1, swap=False,
        eval_batch=False):
    s = (1, -1, 1, 1)
    if training or eval_batch:
        mean = x.mean(axis=(0, 2, 3))
        var = x.var(axis=(0, 2, 3), ddof=norm_ddof)
        uvar = x.var(axis=(0, 2, 3), ddof=run_ddof)
        if training:
            a, b = (momentum, 1 - momentum) if swap else (1 - momentum, momentum)
            rm, rv = a * rm + b * mean, a * rv + b * uvar
        else:
            rm, rv = rm.copy(), rv.copy()
    else:
        mean, var = rm, rv
        rm, rv = rm.copy(), rv.copy()
    y = (x - mean.reshape(s)) / np.sqrt(var.reshape(s) + eps)
    return y * gamma.reshape(s) + beta.reshape(s), rm, rv


def unbiased_normalization(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    return _bn(x, gamma, beta, running_mean, running_var, training, momentum, eps, norm_ddof=1)


def biased_running_var(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    return _bn(x, gamma, beta, running_mean, running_var, training, momentum, eps, run_ddof=0)


def momentum_swapped(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    return _bn(x, gamma, beta, running_mean, running_var, training, momentum, eps, swap=True)


def batch_stats_in_eval(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    return _bn(x, gamma, beta, running_mean, running_var, training, momentum, eps, eval_batch=True)


MISTAKES = {
    "unbiased_normalization": (unbiased_normalization,
                               "normalizes with the unbiased variance; PyTorch normalizes with the biased one."),
    "biased_running_var": (biased_running_var,
                           "updates running_var with the biased variance instead of the unbiased n/(n-1) one."),
    "momentum_swapped": (momentum_swapped,
                         "weights the old running statistic by momentum and the new batch one by 1 - momentum."),
    "batch_stats_in_eval": (batch_stats_in_eval,
                            "uses the batch statistics in eval mode instead of the running statistics."),
}
