"""Reference for the batchnorm1d_module drill: BatchNorm1d with running statistics, in plain torch ops."""

import torch


class BatchNorm1d:
    """Per-channel batch norm for x of shape (N, C) or (N, C, L), as torch.nn.BatchNorm1d."""

    def __init__(self, gamma: torch.Tensor, beta: torch.Tensor, momentum: float = 0.1, eps: float = 1e-5) -> None:
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.eps = eps
        self.running_mean = torch.zeros_like(gamma)
        self.running_var = torch.ones_like(gamma)

    def forward(self, x: torch.Tensor, training: bool = True) -> torch.Tensor:
        """Normalize x; in training use batch statistics and update the running ones."""
        dims = [0] + list(range(2, x.dim()))
        shape = [1, -1] + [1] * (x.dim() - 2)
        if training:
            n = x.numel() // x.shape[1]
            mean = x.mean(dim=dims)
            var = ((x - mean.reshape(shape)) ** 2).mean(dim=dims)
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mean
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var * n / (n - 1)
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + self.eps)
        return self.gamma.reshape(shape) * x_hat + self.beta.reshape(shape)
