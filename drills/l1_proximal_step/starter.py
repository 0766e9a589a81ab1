"""One proximal-gradient step for L1 regularization."""

import numpy as np


def l1_proximal_step(w: np.ndarray, grad: np.ndarray, lr: float, l1: float) -> np.ndarray:
    """Return the weights after one proximal-gradient (ISTA) step on loss(w) + l1 * ||w||_1.

    w: float64 array of any shape. grad: float64 array of w's shape, the gradient of the smooth loss
    (without the penalty). lr: float > 0 step size. l1: float >= 0 penalty strength.
    Returns a float64 array of w's shape.
    """
    raise NotImplementedError
