"""Oracle for l1_prox_step: torch.nn.functional.softshrink is the L1 proximal operator."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(w, grad, lr, l1) -> np.ndarray:
    """Return F.softshrink(w - lr * grad, lr * l1) as a numpy array."""
    return F.softshrink(torch.from_numpy(w - lr * grad), lr * l1).numpy()
