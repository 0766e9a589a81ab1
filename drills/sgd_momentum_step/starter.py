"""One step of SGD with momentum, weight decay and optional Nesterov."""

import numpy as np


def sgd_momentum_step(param: np.ndarray, grad: np.ndarray, buf: np.ndarray, lr: float, momentum: float = 0.9,
                      weight_decay: float = 0.0, nesterov: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Return (new_param, new_buf) after one step of torch.optim.SGD (dampening 0).

    param, grad, buf: float64 arrays of the same shape; buf is the momentum buffer (zeros before the
    first step). lr, momentum (> 0), weight_decay: floats. nesterov: bool.
    """
    raise NotImplementedError
