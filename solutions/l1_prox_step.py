"""Reference for the l1_prox_step drill: gradient step, then the L1 proximal operator (soft thresholding)."""

import numpy as np


def l1_prox_step(w: np.ndarray, grad: np.ndarray, lr: float, l1: float) -> np.ndarray:
    """Return sign(z) * max(|z| - lr * l1, 0) with z = w - lr * grad."""
    z = w - lr * grad
    return np.sign(z) * np.maximum(np.abs(z) - lr * l1, 0.0)
