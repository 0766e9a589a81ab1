"""Reference for the sgd_momentum_step drill: one step of torch.optim.SGD with momentum."""

import numpy as np


def sgd_momentum_step(param: np.ndarray, grad: np.ndarray, buf: np.ndarray, lr: float, momentum: float = 0.9,
                      weight_decay: float = 0.0, nesterov: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """One SGD step as torch.optim.SGD (dampening 0); returns (new_param, new_buf).

    Weight decay is L2 regularization folded into the gradient (g = grad + wd * param) before the
    momentum buffer sees it. The buffer accumulates b = momentum * b + g (no (1 - momentum) factor);
    plain momentum steps along b, Nesterov along g + momentum * b.
    """
    g = grad + weight_decay * param
    new_buf = momentum * buf + g
    step = g + momentum * new_buf if nesterov else new_buf
    return param - lr * step, new_buf
