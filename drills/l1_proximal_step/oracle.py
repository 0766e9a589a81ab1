"""PyTorch oracle for the l1_proximal_step drill (tests only): F.softshrink after the gradient step."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(w, grad, lr, l1):
    z = torch.from_numpy(np.asarray(w, dtype=np.float64) - lr * np.asarray(grad, dtype=np.float64))
    return F.softshrink(z, lr * l1).numpy()
