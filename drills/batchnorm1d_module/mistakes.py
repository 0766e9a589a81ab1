"""Known wrong versions of the BatchNorm1d module, used to name what a failing submission got wrong."""

import torch


class _Base:
    unbiased_running = True
    unbiased_normalize = False
    keras_momentum = False
    batch_stats_in_eval = False

    def __init__(self, gamma, beta, momentum=0.1, eps=1e-5):
        self.gamma, self.beta, self.momentum, self.eps = gamma, beta, momentum, eps
        self.running_mean = torch.zeros_like(gamma)
        self.running_var = torch.ones_like(gamma)

    def forward(self, x, training=True):
        dims = [0] + list(range(2, x.dim()))
        shape = [1, -1] + [1] * (x.dim() - 2)
        if training or self.batch_stats_in_eval:
            n = x.numel() // x.shape[1]
            mean = x.mean(dim=dims)
            biased = ((x - mean.reshape(shape)) ** 2).mean(dim=dims)
            unbiased = biased * n / max(n - 1, 1)
            var = unbiased if self.unbiased_normalize else biased
            if training:
                new_var = unbiased if self.unbiased_running else biased
                keep = self.momentum if self.keras_momentum else 1 - self.momentum
                self.running_mean = keep * self.running_mean + (1 - keep) * mean
                self.running_var = keep * self.running_var + (1 - keep) * new_var
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + self.eps)
        return self.gamma.reshape(shape) * x_hat + self.beta.reshape(shape)


class BiasedRunningVariance(_Base):
    unbiased_running = False


class UnbiasedNormalization(_Base):
    unbiased_normalize = True


class MomentumReversed(_Base):
    keras_momentum = True


class BatchStatsInEval(_Base):
    batch_stats_in_eval = True


MISTAKES = {
    "biased_running_variance": (
        BiasedRunningVariance,
        "running_var is updated with the biased batch variance; PyTorch uses the unbiased one (n / (n - 1)).",
    ),
    "unbiased_normalization": (
        UnbiasedNormalization,
        "The batch is normalized with the unbiased variance; normalization uses the biased one.",
    ),
    "momentum_reversed": (
        MomentumReversed,
        "momentum weights the old running value (Keras convention); in PyTorch it weights the new batch statistic.",
    ),
    "batch_stats_in_eval": (
        BatchStatsInEval,
        "Evaluation normalizes with the batch's own statistics instead of the running averages.",
    ),
}
