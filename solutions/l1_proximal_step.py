"""Reference for the l1_proximal_step drill: one proximal-gradient (ISTA) step for an L1 penalty."""

import numpy as np


def l1_proximal_step(w: np.ndarray, grad: np.ndarray, lr: float, l1: float) -> np.ndarray:
    """Gradient step on the smooth loss, then soft-thresholding for l1 * ||w||_1; shape of w.

    z = w - lr * grad; w_new = sign(z) * max(|z| - lr * l1, 0). The shrink moves every weight toward 0
    by lr * l1 and stops exactly at 0 instead of overshooting, which is why L1 gives sparse weights.
    """
    z = w - lr * grad
    return np.sign(z) * np.maximum(np.abs(z) - lr * l1, 0.0)
