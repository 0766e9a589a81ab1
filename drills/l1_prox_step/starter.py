"""One proximal gradient step for an L1-regularized loss (soft thresholding)."""

import numpy as np


def l1_prox_step(w: np.ndarray, grad: np.ndarray, lr: float, l1: float) -> np.ndarray:
    """Return sign(z) * max(|z| - lr * l1, 0) with z = w - lr * grad."""
    raise NotImplementedError
