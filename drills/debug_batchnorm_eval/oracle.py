"""PyTorch oracle for debug_batchnorm_eval (tests only): torch.nn.BatchNorm1d with the drill's parameters."""

import numpy as np
import torch


class oracle:  # noqa: N801 - the test harness calls the oracle by this name
    def __init__(self, gamma, beta, momentum=0.1, eps=1e-5):
        self.bn = torch.nn.BatchNorm1d(len(gamma), eps=eps, momentum=momentum, dtype=torch.float64)
        with torch.no_grad():
            self.bn.weight.copy_(torch.tensor(np.asarray(gamma)))
            self.bn.bias.copy_(torch.tensor(np.asarray(beta)))

    @property
    def running_mean(self):
        return self.bn.running_mean.numpy().copy()

    @property
    def running_var(self):
        return self.bn.running_var.numpy().copy()

    def forward(self, x, training=True):
        self.bn.train(training)
        with torch.no_grad():
            return self.bn(torch.tensor(np.asarray(x), dtype=torch.float64)).numpy()
