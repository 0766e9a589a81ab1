"""Wrong BatchNorm1d variants: the starter's bug and other common ones."""

import numpy as np


class _Base:
    use_running_at_eval = True
    unbiased_running = True
    update_at_eval = False

    def __init__(self, gamma, beta, momentum=0.1, eps=1e-5):
        self.gamma, self.beta, self.momentum, self.eps = gamma, beta, momentum, eps
        self.running_mean = np.zeros_like(gamma)
        self.running_var = np.ones_like(gamma)

    def forward(self, x, training=True):
        axes = (0,) + tuple(range(2, x.ndim))
        shape = (1, -1) + (1,) * (x.ndim - 2)
        mean, var = x.mean(axis=axes), x.var(axis=axes)
        if training or self.update_at_eval:
            n = x.size // x.shape[1]
            correction = n / (n - 1) if self.unbiased_running and n > 1 else 1.0
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mean
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var * correction
        if not training and self.use_running_at_eval:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + self.eps)
        return self.gamma.reshape(shape) * x_hat + self.beta.reshape(shape)


class BatchStatisticsAtEval(_Base):
    use_running_at_eval = False


class BiasedRunningVariance(_Base):
    unbiased_running = False


class UpdatesRunningStatsAtEval(_Base):
    update_at_eval = True


MISTAKES = {
    "batch_statistics_at_eval": (BatchStatisticsAtEval,
                                 "Normalizes with the batch's own statistics in eval mode too: a batch of one has "
                                 "x - mean = 0, so every input gives the output beta."),
    "biased_running_variance": (BiasedRunningVariance,
                                "Updates running_var with the biased batch variance; PyTorch records the unbiased "
                                "one (n / (n - 1) times larger)."),
    "updates_running_stats_at_eval": (UpdatesRunningStatsAtEval,
                                      "Uses the running statistics at eval but also updates them there, so "
                                      "evaluation changes the model."),
}
